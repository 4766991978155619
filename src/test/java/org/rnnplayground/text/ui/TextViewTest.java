package org.rnnplayground.text.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
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
}
