package org.rnnplayground.text.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.rnnplayground.corpus.CatalogEntry;
import org.rnnplayground.corpus.CorpusStore;
import org.rnnplayground.text.TextDecoder;
import org.rnnplayground.ui.UploadTexts;

/**
 * Where a text comes from: a catalog entry, an uploaded {@code .txt} file, or pasted text. Bad
 * input is refused with a message; the current text stays loaded. Uploads and pastes share one
 * limit in UTF-8 bytes: the browser refuses what is larger before sending it (the upload's file
 * size, the paste guard), and the server checks again, reading uploads as a stream that it stops
 * at the limit.
 */
class SourcePanel extends Div {

    final TabSheet tabs = new TabSheet();
    final Grid<CatalogEntry> catalog = new Grid<>(CatalogEntry.class, false);
    final Upload upload;
    final TextArea paste = new TextArea();
    final Button usePaste = new Button();

    final Span pasteSize = new Span();
    final Span pasteRefused = new Span();

    private final CorpusStore store;
    private final long maxBytes;
    private final BiConsumer<String, String> onText;
    private final Consumer<String> onRejected;

    /**
     * @param onCatalog called with a chosen catalog entry
     * @param onText called with (name, text) of an accepted upload or paste
     * @param onRejected called with the message for a refused upload or paste
     * @param requestCharsLimit the most characters one request from the browser may hold (Vaadin's
     *     {@code maxRequestBodySize}), or a negative number for no limit: a paste that would make the
     *     request longer is refused in the browser, before it is sent
     */
    SourcePanel(
            CorpusStore store,
            long maxBytes,
            long requestCharsLimit,
            Consumer<CatalogEntry> onCatalog,
            BiConsumer<String, String> onText,
            Consumer<String> onRejected) {
        this.store = store;
        this.maxBytes = maxBytes;
        this.onText = onText;
        this.onRejected = onRejected;
        addClassName("card");
        setWidthFull();

        catalog.setId("catalog-grid");
        catalog.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        catalog.addColumn(e -> CatalogNames.name(e, this::getTranslation))
                .setHeader(getTranslation("text.catalog.name"))
                .setFlexGrow(3);
        catalog.addColumn(e -> CatalogNames.language(e, this::getTranslation))
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

        upload = new Upload(this::receive);
        upload.setId("upload");
        upload.setMaxFiles(1);
        // The browser refuses a file over the limit before sending it; receive() checks again.
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setAcceptedFileTypes("text/plain", ".txt");
        upload.setDropLabel(new Span(getTranslation("text.upload.drop", maxBytes / (1024 * 1024))));
        String tooBig = getTranslation("text.upload.tooBigBeforeSending", megabytes(maxBytes));
        UploadI18N texts = UploadTexts.translated(this);
        texts.getError().setFileIsTooBig(tooBig);
        upload.setI18n(texts);
        upload.addFileRejectedListener(e -> onRejected.accept(
                tooBig.equals(e.getErrorMessage())
                        ? getTranslation("text.reject.tooLargeBeforeSending", e.getFileName(), megabytes(maxBytes))
                        : getTranslation("text.upload.rejectedType", e.getFileName())));
        upload.addAllFinishedListener(e -> upload.clearFileList());

        paste.setId("paste-area");
        paste.setWidthFull();
        paste.setHeight("10rem");
        paste.setPlaceholder(getTranslation("text.paste.placeholder"));
        paste.setMaxLength((int) Math.min(Integer.MAX_VALUE, maxBytes));
        paste.setHelperText(getTranslation("text.paste.limit", megabytes(maxBytes)));
        pasteSize.setId("paste-size");
        pasteSize.addClassName("muted");
        pasteSize.setText(getTranslation("text.paste.size", megabytes(0), megabytes(maxBytes)));
        pasteRefused.setId("paste-refused");
        pasteRefused.addClassName("message-error");
        // hidden in the browser, not setVisible(false): an invisible component is not sent to the
        // browser, and a script given it as a parameter (the paste guard) would never run
        pasteRefused.getElement().setAttribute("hidden", true);
        usePaste.setText(getTranslation("text.paste.use"));
        usePaste.setId("paste-use");
        usePaste.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        usePaste.addClickListener(e -> accept(
                getTranslation("text.paste.name"),
                () -> TextDecoder.decode(paste.getValue().getBytes(StandardCharsets.UTF_8), maxBytes),
                onText,
                onRejected));
        // on every attach: the tab sheet may attach the paste tab again, as a new element
        paste.addAttachListener(e -> guardPasteSize(requestCharsLimit));

        Paragraph uploadHelp = new Paragraph(getTranslation("text.upload.help", maxBytes / (1024 * 1024)));
        uploadHelp.addClassName("muted");
        tabs.setId("source-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("text.source.samples"), catalog);
        tabs.add(getTranslation("text.source.upload"), new VerticalLayout(upload, uploadHelp));
        tabs.add(
                getTranslation("text.source.paste"),
                new VerticalLayout(paste, new HorizontalLayout(usePaste, pasteSize), pasteRefused));
        add(tabs);
    }

    /**
     * The upload handler: reads the upload as a stream, refusing it as soon as it is known to be
     * too large (from its declared size, before reading, or after {@code maxBytes} bytes), so the
     * server never holds more than the limit; then hands the text or the refusal to the page.
     */
    private void receive(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        String name = event.getFileName();
        try (InputStream in = event.getInputStream()) {
            if (!receive(ui, name, event.getFileSize(), in)) {
                event.reject(getTranslation(ui.getLocale(), "text.upload.refused", name));
            }
        }
    }

    /**
     * Reads and decodes an upload (see {@link TextDecoder#decode(InputStream, long, long)}), then,
     * under {@code ui}'s lock, hands the text or the refusal to the page.
     *
     * @param declaredSize the size the browser announced, or -1
     * @return whether the text was accepted
     */
    boolean receive(UI ui, String name, long declaredSize, InputStream in) throws IOException {
        try {
            String text = TextDecoder.decode(in, declaredSize, maxBytes);
            deliver(ui, () -> onText.accept(name, text));
            return true;
        } catch (TextDecoder.RejectedText e) {
            deliver(ui, () -> onRejected.accept(message(name, e)));
            return false;
        }
    }

    private static void deliver(UI ui, Runnable apply) {
        if (ui != null) {
            ui.access(apply::run);
        } else {
            apply.run();
        }
    }

    /** Something that decodes input, or says why it cannot be used. */
    @FunctionalInterface
    private interface Decoding {
        String decode() throws TextDecoder.RejectedText;
    }

    private void accept(
            String name, Decoding decoding, BiConsumer<String, String> onText, Consumer<String> onRejected) {
        try {
            onText.accept(name, decoding.decode());
        } catch (TextDecoder.RejectedText e) {
            onRejected.accept(message(name, e));
        }
    }

    private String message(String name, TextDecoder.RejectedText e) {
        return switch (e.problem()) {
            case EMPTY -> getTranslation("text.reject.empty", name);
            case TOO_LARGE ->
                e.detail() < 0
                        ? getTranslation("text.reject.tooLargeStream", name, maxBytes / 1024)
                        : getTranslation("text.reject.tooLarge", name, e.detail() / 1024, maxBytes / 1024);
            case BINARY -> getTranslation("text.reject.binary", name, e.detail());
            case NOT_UTF8 -> getTranslation("text.reject.notUtf8", name, e.detail());
            case NO_LETTERS -> getTranslation("text.reject.noLetters", name);
        };
    }

    /** Size in megabytes with one decimal, as the messages show it. */
    private String megabytes(long bytes) {
        return String.format(getLocale(), "%.1f", bytes / (1024.0 * 1024.0));
    }

    /**
     * Checks pastes in the browser, before anything is sent: a paste or drop that would make the
     * text larger than the limit (in UTF-8 bytes, as the server counts) is not inserted, and a
     * message says why; a counter shows the size so far. The server checks again on "Use".
     */
    private void guardPasteSize(long requestCharsLimit) {
        // the rest of the request (other changes, the envelope) is small; keep 64 KB for it
        long wireMax = requestCharsLimit < 0 ? -1 : Math.max(0, requestCharsLimit - 64 * 1024);
        paste.getElement()
                .executeJs(
                        PASTE_GUARD,
                        maxBytes,
                        wireMax,
                        pasteSize.getElement(),
                        pasteRefused.getElement(),
                        usePaste.getElement(),
                        getTranslation("text.paste.tooLarge", "{size}", megabytes(maxBytes)),
                        getTranslation("text.paste.size", "{size}", megabytes(maxBytes)));
    }

    /**
     * The browser side of {@link #guardPasteSize}: {@code measure} counts UTF-8 bytes and the
     * characters the text takes in Vaadin's JSON message (quotes, backslashes and some controls
     * escaped).
     */
    private static final String PASTE_GUARD = """
            const area = this;
            if (area.__pasteGuard) { return; }
            area.__pasteGuard = true;
            const max = $0, wireMax = $1, counter = $2, refused = $3, use = $4;
            const tooLargeText = $5, sizeText = $6;
            const mb = b => (b / 1048576).toFixed(1);
            const measure = s => {
              let bytes = 0, wire = 2;
              for (let i = 0; i < s.length; i++) {
                const c = s.charCodeAt(i);
                if (c < 0x80) {
                  bytes++;
                  wire += c === 0x22 || c === 0x5c || c === 8 || c === 9 || c === 10 || c === 12 || c === 13
                    ? 2 : (c < 0x20 ? 6 : 1);
                } else if (c < 0x800) { bytes += 2; wire++; }
                else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
                  bytes += 4; wire += 2; i++;
                } else if (c >= 0xd800 && c < 0xe000) { bytes += 3; wire += 6; }
                else { bytes += 3; wire++; }
              }
              return { bytes, wire };
            };
            const fits = m => m.bytes <= max && (wireMax < 0 || m.wire <= wireMax);
            const refuse = m => { refused.textContent = tooLargeText.replace('{size}', mb(m.bytes)); refused.hidden = false; };
            const update = () => {
              const m = measure(area.value || '');
              counter.textContent = sizeText.replace('{size}', mb(m.bytes));
              const ok = fits(m);
              use.disabled = !ok;
              if (ok) { refused.hidden = true; } else { refuse(m); }
            };
            const incoming = (e, data) => {
              const input = area.inputElement;
              const v = input ? input.value : (area.value || '');
              const from = input ? input.selectionStart : v.length, to = input ? input.selectionEnd : v.length;
              const m = measure(v.slice(0, from) + (data || '') + v.slice(to));
              if (!fits(m)) { e.preventDefault(); e.stopImmediatePropagation(); refuse(m); }
            };
            area.addEventListener('paste', e => incoming(e, e.clipboardData && e.clipboardData.getData('text/plain')), true);
            area.addEventListener('drop', e => incoming(e, e.dataTransfer && e.dataTransfer.getData('text/plain')), true);
            area.addEventListener('input', update);
            """;

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
