package org.rnnplayground.text.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.rnnplayground.corpus.CatalogEntry;
import org.rnnplayground.corpus.CorpusStore;
import org.rnnplayground.text.TextDecoder;

/**
 * Where a text comes from: a catalog entry, an uploaded {@code .txt} file, or pasted text. Bad
 * input is refused with a message; the current text stays loaded.
 */
class SourcePanel extends Div {

    final TabSheet tabs = new TabSheet();
    final Grid<CatalogEntry> catalog = new Grid<>(CatalogEntry.class, false);
    final Upload upload;
    final TextArea paste = new TextArea();
    final Button usePaste = new Button();

    private final CorpusStore store;
    private final long maxBytes;

    /**
     * @param onCatalog called with a chosen catalog entry
     * @param onText called with (name, text) of an accepted upload or paste
     * @param onRejected called with the message for a refused upload or paste
     */
    SourcePanel(
            CorpusStore store,
            long maxBytes,
            Consumer<CatalogEntry> onCatalog,
            BiConsumer<String, String> onText,
            Consumer<String> onRejected) {
        this.store = store;
        this.maxBytes = maxBytes;
        addClassName("card");
        setWidthFull();

        catalog.setId("catalog-grid");
        catalog.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        catalog.addColumn(CatalogEntry::name)
                .setHeader(getTranslation("text.catalog.name"))
                .setFlexGrow(3);
        catalog.addColumn(e -> e.language().equals("zh") ? "中文" : "English")
                .setHeader(getTranslation("text.catalog.language"))
                .setFlexGrow(1);
        catalog.addColumn(this::availability)
                .setHeader(getTranslation("text.catalog.source"))
                .setFlexGrow(2);
        catalog.setItems(store.catalog().entries());
        catalog.setAllRowsVisible(true);
        catalog.addSelectionListener(e -> {
            if (e.isFromClient()) {
                e.getFirstSelectedItem().ifPresent(onCatalog);
            }
        });

        upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            UI ui = UI.getCurrent();
            Runnable apply = () -> accept(meta.fileName(), bytes, onText, onRejected);
            if (ui != null) {
                ui.access(apply::run);
            } else {
                apply.run();
            }
        }));
        upload.setId("upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes("text/plain", ".txt");
        upload.setDropLabel(new Span(getTranslation("text.upload.drop", maxBytes / (1024 * 1024))));
        upload.addFileRejectedListener(
                e -> onRejected.accept(getTranslation("text.upload.rejectedType", e.getFileName())));
        upload.addAllFinishedListener(e -> upload.clearFileList());

        paste.setId("paste-area");
        paste.setWidthFull();
        paste.setHeight("10rem");
        paste.setPlaceholder(getTranslation("text.paste.placeholder"));
        usePaste.setText(getTranslation("text.paste.use"));
        usePaste.setId("paste-use");
        usePaste.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        usePaste.addClickListener(e -> accept(
                getTranslation("text.paste.name"),
                paste.getValue().getBytes(StandardCharsets.UTF_8),
                onText,
                onRejected));

        Paragraph uploadHelp = new Paragraph(getTranslation("text.upload.help", maxBytes / (1024 * 1024)));
        uploadHelp.addClassName("muted");
        tabs.setId("source-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("text.source.samples"), catalog);
        tabs.add(getTranslation("text.source.upload"), new VerticalLayout(upload, uploadHelp));
        tabs.add(getTranslation("text.source.paste"), new VerticalLayout(paste, usePaste));
        add(tabs);
    }

    private void accept(String name, byte[] bytes, BiConsumer<String, String> onText, Consumer<String> onRejected) {
        try {
            onText.accept(name, TextDecoder.decode(bytes, maxBytes));
        } catch (TextDecoder.RejectedText e) {
            onRejected.accept(message(name, e));
        }
    }

    private String message(String name, TextDecoder.RejectedText e) {
        return switch (e.problem()) {
            case EMPTY -> getTranslation("text.reject.empty", name);
            case TOO_LARGE -> getTranslation("text.reject.tooLarge", name, e.detail() / 1024, maxBytes / 1024);
            case BINARY -> getTranslation("text.reject.binary", name, e.detail());
            case NOT_UTF8 -> getTranslation("text.reject.notUtf8", name, e.detail());
            case NO_LETTERS -> getTranslation("text.reject.noLetters", name);
        };
    }

    private String availability(CatalogEntry entry) {
        if (entry.kind() == CatalogEntry.Kind.SAMPLE) {
            return getTranslation("text.catalog.shipped");
        }
        return store.isAvailableOffline(entry)
                ? getTranslation("text.catalog.cached")
                : getTranslation("text.catalog.onDemand");
    }

    /** Marks the entry as chosen without firing the selection callback. */
    void showSelected(String catalogId) {
        store.catalog().find(catalogId).ifPresentOrElse(catalog::select, catalog::deselectAll);
    }

    void refreshAvailability() {
        catalog.getDataProvider().refreshAll();
    }
}
