package org.rnnplayground.training.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.ui.CurrentText;
import org.rnnplayground.text.ui.TextAnalysis;
import org.rnnplayground.text.ui.TextAnalyzer;
import org.rnnplayground.training.RunRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The Train page rendered server-side without a browser, on a text of a million distinct words
 * tokenized as words: the form shows the budget's refusal before Start is clicked, follows the
 * fields, and the server refuses the launch too.
 */
@SpringBootTest(classes = Application.class)
@ViewPackages(packages = "org.rnnplayground")
class TrainViewTest extends SpringBrowserlessTest {

    @Autowired
    private ApplicationContext spring;

    /** 1,000,000 distinct words of five letters (book cleaning keeps letters only). */
    private static String millionWords() {
        StringBuilder text = new StringBuilder(6_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            int n = i;
            for (int k = 0; k < 5; k++) {
                text.append((char) ('a' + n % 26));
                n /= 26;
            }
            text.append(i % 20 == 19 ? '\n' : ' ');
        }
        return text.toString();
    }

    @Test
    void aHugeVocabularyIsRefusedNextToTheFormAndByTheServer() throws Exception {
        String raw = millionWords();
        TextAnalysis words = spring.getBean(TextAnalyzer.class)
                .analyze("million words", raw, TextOptions.bookWords())
                .get();
        assertEquals(1_000_001, words.text().vocabSize());
        spring.getBean(CurrentText.class)
                .set(new CurrentText.Source("million words", raw, null), TextOptions.bookWords(), words);

        TrainView view = navigate(TrainView.class);
        String refusal = view.form.estimate.getText();
        assertTrue(refusal.startsWith("vocabulary 1,000,001 × hidden 512 needs "), refusal);
        assertTrue(refusal.endsWith("raise min_freq or use characters"), refusal);
        assertTrue(view.form.estimate.hasClassName("message-error"));

        view.form.numHiddens.setNumber(128); // the estimate follows the field
        assertTrue(view.form.estimate.getText().startsWith("vocabulary 1,000,001 × hidden 128 needs "));

        view.form.start.click();
        String launched = view.launchMessage.getText();
        assertTrue(launched.startsWith("vocabulary 1,000,001 × hidden 128 needs "), launched);
        assertTrue(view.launchMessage.hasClassName("message-error"));
        var user = CurrentUser.of(VaadinSession.getCurrent());
        assertEquals(0, spring.getBean(RunRegistry.class).runsOf(user).size(), "nothing was queued");
    }

    @Test
    void aSmallTextShowsTheEstimateInstead() throws Exception {
        String raw = "the time machine by h g wells ".repeat(200);
        TextAnalysis chars = spring.getBean(TextAnalyzer.class)
                .analyze("small", raw, TextOptions.bookChars())
                .get();
        spring.getBean(CurrentText.class)
                .set(new CurrentText.Source("small", raw, null), TextOptions.bookChars(), chars);
        TrainView view = navigate(TrainView.class);
        String estimate = view.form.estimate.getText();
        assertTrue(estimate.startsWith("This model: "), estimate);
        assertTrue(estimate.contains("limit 512 MB"), estimate);
        assertFalse(view.form.estimate.hasClassName("message-error"));
    }
}
