package org.rnnplayground.text.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.UI;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.corpus.TestCorpora;
import org.rnnplayground.text.AdversarialTexts;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TokenizerKind;
import org.rnnplayground.work.BoundedExecutors;
import org.rnnplayground.work.PoolHold;
import org.rnnplayground.work.WorkKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The Text page shows a large text's first tokens before its analysis has finished: the analysis
 * pool is held busy by the test (a latch), so the counts cannot be there yet. Then the counts
 * follow; a newer text supersedes an older one still waiting; and what is sent stays bounded.
 */
@SpringBootTest(classes = Application.class)
@ViewPackages(packages = "org.rnnplayground")
class TextOpeningViewTest extends SpringBrowserlessTest {

    @BeforeAll
    static void theDefaultTextIsAvailable() {
        TestCorpora.require(TestCorpora.TIME_MACHINE);
    }

    @Autowired
    private BoundedExecutors executors;

    @Autowired
    private TextAnalyzer analyzer;

    @Autowired
    private ApplicationContext spring;

    private PoolHold hold;

    @AfterEach
    void releaseThePool() {
        if (hold != null) {
            hold.close();
        }
    }

    /** Occupies every thread of the analysis pool until {@link #hold} is closed. */
    private void holdTheAnalysisPool() throws InterruptedException {
        hold = PoolHold.of(executors.pool(WorkKind.TEXT_ANALYSIS));
    }

    private static void await(TextView view, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime())
                    .as("the page says: " + view.message.getText())
                    .isLessThan(deadline);
            Thread.sleep(20);
            MockVaadin.clientRoundtrip();
        }
    }

    private TextView openWithWords() throws InterruptedException {
        TextView view = navigate(TextView.class);
        await(view, () -> "The Time Machine".equals(view.currentName.getText()) && !view.progress.isVisible());
        view.tokenizer.setValue(TokenizerKind.WORD);
        await(view, () -> "4,580".equals(view.vocabSize.getText()) && !view.progress.isVisible());
        return view;
    }

    private static void upload(TextView view, String name, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(view.sources.receive(UI.getCurrent(), name, bytes.length, new ByteArrayInputStream(bytes)))
                .isTrue();
        MockVaadin.clientRoundtrip();
    }

    /** The HTML of the indices shown now (one Html child). */
    private static String indicesHtml(TextView view) {
        return view.tokens
                .indices
                .getChildren()
                .map(c -> ((com.vaadin.flow.component.Html) c).getInnerHtml())
                .reduce("", String::concat);
    }

    private static int spans(TextView view) {
        Matcher m = Pattern.compile("class=\"tok[ \"]").matcher(TextInputLimitsViewTest.spansHtml(view));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theFirstTokensShowWhileTheTextIsCountedAndTheCountsFollow() throws Exception {
        TextView view = openWithWords();
        // 5.5 MB, a vocabulary of a million (a count no other test uses, so no cached analysis serves it)
        String words = AdversarialTexts.distinctWords(999_999);
        holdTheAnalysisPool();
        upload(view, "words.txt", words);

        // the analysis cannot have run: the pool is held; the page shows the opening already
        assertThat(executors.pool(WorkKind.TEXT_ANALYSIS).stats().queued()).isPositive();
        assertThat(view.tokens.showsOpening()).isTrue();
        assertThat(view.currentName.getText()).isEqualTo("words.txt");
        assertThat(view.vocabSize.getText()).isEqualTo("counting…");
        assertThat(view.corpusLength.getText()).isEqualTo("counting…");
        assertThat(view.progress.isVisible()).isTrue();
        assertThat(view.message.getText()).startsWith("Counting words.txt");
        String html = TextInputLimitsViewTest.spansHtml(view);
        assertThat(html).contains(">a</span>", ">b</span>").doesNotContain("data-index");
        assertThat(spans(view)).isPositive().isLessThanOrEqualTo(TokenPanel.LIMITS.maxTokens());
        assertThat(view.tokens.next.isEnabled()).isFalse();
        assertThat(indicesHtml(view)).contains("The indices follow").doesNotContain("[1, 2");
        assertThat(view.vocabulary.counting.isVisible()).isTrue();
        assertThat(view.vocabulary.grid.getDataProvider().size(new com.vaadin.flow.data.provider.Query<>()))
                .isZero();
        // the current text is still the previous one until the counts are there
        assertThat(spring.getBean(CurrentText.class).source().orElseThrow().name())
                .isEqualTo("The Time Machine");

        hold.close();
        await(view, () -> !view.progress.isVisible());
        assertThat(view.tokens.showsOpening()).isFalse();
        assertThat(view.vocabSize.getText()).isEqualTo("1,000,000");
        assertThat(view.corpusLength.getText()).isEqualTo("999,999");
        assertThat(TextInputLimitsViewTest.spansHtml(view)).contains("data-index=\"");
        assertThat(indicesHtml(view)).contains("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]");
        assertThat(spans(view)).isLessThanOrEqualTo(TokenPanel.LIMITS.maxTokens());
        assertThat(spring.getBean(CurrentText.class).source().orElseThrow().name())
                .isEqualTo("words.txt");

        // the vocabulary table makes its rows as the grid asks, a page at a time, never all of them
        VocabularyPanel vocab = view.vocabulary;
        roundTrip(); // the grid fetches its rows when the response is written
        assertThat(vocab.rowsMade()).isPositive();
        assertThat(vocab.grid.getDataProvider().size(new com.vaadin.flow.data.provider.Query<>()))
                .isEqualTo(1_000_000);
        assertThat(vocab.rowsMade()).isLessThanOrEqualTo(10L * vocab.grid.getPageSize());
        long before = vocab.rowsMade();
        assertThat(vocab.rows(999_990, 50, false)).hasSize(10);
        assertThat(vocab.rows(0, 3, true).map(VocabularyPanel.Row::index)).containsExactly(999_999, 999_998, 999_997);
        assertThat(vocab.rowsMade() - before).isEqualTo(13);
        vocab.search.setValue("zz");
        assertThat(vocab.grid.getDataProvider().size(new com.vaadin.flow.data.provider.Query<>()))
                .isPositive()
                .isLessThanOrEqualTo(VocabularyPanel.MAX_MATCHES);
        assertThat(vocab.rows(0, 5, false)).allMatch(r -> r.token().contains("zz"));
    }

    @Test
    void aNewerTextSupersedesOneStillWaitingWhichIsGivenUp() throws Exception {
        TextView view = openWithWords();
        String first = AdversarialTexts.distinctWords(200_001);
        String second = AdversarialTexts.prose(200_000, 4242);
        holdTheAnalysisPool();
        upload(view, "first.txt", first);
        assertThat(view.currentName.getText()).isEqualTo("first.txt");
        assertThat(analyzer.holds(first, TextOptions.bookWords())).isTrue();

        upload(view, "second.txt", second);
        assertThat(view.currentName.getText()).isEqualTo("second.txt");
        assertThat(view.tokens.showsOpening()).isTrue();
        // nobody else waits for the first text: its analysis is given up before it starts
        assertThat(analyzer.holds(first, TextOptions.bookWords())).isFalse();

        hold.close();
        await(view, () -> !view.progress.isVisible());
        assertThat(view.currentName.getText()).isEqualTo("second.txt");
        assertThat(view.tokens.showsOpening()).isFalse();
        assertThat(view.message.getText()).isEmpty();
        assertThat(spring.getBean(CurrentText.class).source().orElseThrow().name())
                .isEqualTo("second.txt");
    }
}
