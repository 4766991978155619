package org.rnnplayground.text.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.browserless.internal.MockVaadin;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.corpus.CatalogEntry;
import org.rnnplayground.corpus.TestCorpora;
import org.springframework.boot.test.context.SpringBootTest;

/** The Text page rendered server-side without a browser. */
@SpringBootTest(classes = Application.class)
@ViewPackages(packages = "org.rnnplayground")
class TextViewTest extends SpringBrowserlessTest {

    /** The page opens on the default text, The Time Machine: downloaded into the cache if needed. */
    @BeforeAll
    static void theDefaultTextIsAvailable() {
        TestCorpora.require(TestCorpora.TIME_MACHINE);
    }

    @Test
    void textPageListsTheCatalogAndSelectsTheTimeMachine() {
        TextView view = navigate(TextView.class);
        List<CatalogEntry> items =
                view.sources.catalog.getGenericDataView().getItems().toList();
        assertTrue(items.size() >= 4, "catalog shows the corpus and the samples: " + items);
        assertEquals("timemachine", items.getFirst().id());
        assertEquals(org.rnnplayground.text.TextOptions.bookChars(), view.optionsFromFields());
    }

    @Test
    void theTokenPanelNumbersTheBooksLinesFromZero() throws InterruptedException {
        TextView view = navigate(TextView.class);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!"The Time Machine".equals(view.currentName.getText()) || view.progress.isVisible()) {
            assertTrue(System.nanoTime() < deadline, "timed out; the page says: " + view.message.getText());
            Thread.sleep(20);
            MockVaadin.clientRoundtrip();
        }
        // d2l: len(lines) == 3221 after read_time_machine, empty lines included; labels are lines[i]'s i
        int last = view.tokens.page().lastLine();
        String range = view.tokens.range.getText();
        assertTrue(range.startsWith("Lines 0–" + last + " of 3,221 · tokens 0–"), range);
        String html = TextInputLimitsViewTest.spansHtml(view);
        assertTrue(html.contains("data-line=\"0\"><span class=\"line-no\">0</span>"), html);
        assertTrue(html.contains("data-line=\"" + last + "\""), html);
        assertTrue(!html.contains("data-line=\"" + (last + 1) + "\""), html);
        view.tokens.showNext();
        assertTrue(view.tokens.range.getText().startsWith("Lines " + (last + 1) + "–"), view.tokens.range.getText());
        view.tokens.showPrevious();
        assertEquals(range, view.tokens.range.getText());
    }
}
