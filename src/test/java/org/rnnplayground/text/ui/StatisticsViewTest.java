package org.rnnplayground.text.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.corpus.TestCorpora;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;
import org.rnnplayground.text.TextRef;
import org.rnnplayground.ui.chart.Series;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The Statistics page rendered server-side without a browser, on a text small enough to count by hand. */
@SpringBootTest(classes = Application.class)
@ViewPackages(packages = "org.rnnplayground")
class StatisticsViewTest extends SpringBrowserlessTest {

    /** The page opens on the default text, The Time Machine: downloaded into the cache if needed. */
    @BeforeAll
    static void theDefaultTextIsAvailable() {
        TestCorpora.require(TestCorpora.TIME_MACHINE);
    }

    /** Words: a a a b b c a b; unigrams a 4, b 3, c 1; bigrams a a 2, a b 2, b b 1, b c 1, c a 1. */
    private static final String TEXT = "a a a b\nb c a b\n";

    @Autowired
    private ApplicationContext spring;

    private static TextAnalysis tiny() {
        return new TextAnalysis(
                "Tiny", TextRef.of(TEXT, TextOptions.bookWords()), TextPipeline.process(TEXT, TextOptions.bookWords()));
    }

    /** Makes the analysis of the tiny text current and opens the page. */
    private StatisticsView open(TextAnalysis analysis) {
        CurrentText current = spring.getBean(CurrentText.class);
        current.set(new CurrentText.Source("Tiny", TEXT, null), analysis.text().options(), analysis);
        StatisticsView view = navigate(StatisticsView.class);
        roundTrip(); // the grids fetch their rows lazily, when the response is written
        return view;
    }

    private StatisticsView open() {
        TextAnalysis analysis = tiny();
        analysis.ngrams();
        return open(analysis);
    }

    private static String cell(StatisticsView view, String column, int order) {
        return view.table.text(column, order);
    }

    @Test
    void showsTheTextTheTopNGramsAndTheFits() {
        StatisticsView view = open();

        assertThat(view.textName.getText()).isEqualTo("Tiny");
        assertThat(view.textOptions.getText()).contains("Words");
        GridTester<?, ?> unigrams = test(view.tops.get(0).grid);
        assertThat(unigrams.size()).isEqualTo(3);
        assertThat(unigrams.getCellText(0, 1)).isEqualTo("a");
        assertThat(unigrams.getCellText(0, 2)).isEqualTo("4");
        GridTester<?, ?> bigrams = test(view.tops.get(1).grid);
        assertThat(bigrams.getCellText(0, 1)).isEqualTo("a a");
        assertThat(bigrams.getCellText(0, 2)).isEqualTo("2");
        assertThat(bigrams.getCellText(1, 1)).isEqualTo("a b");

        assertThat(cell(view, "distinct", 2)).isEqualTo("5");
        assertThat(cell(view, "total", 2)).isEqualTo("7");
        assertThat(cell(view, "ranks", 1)).isEqualTo("3");
        // three data series and three dashed fits, each fit labelled with its exponent
        List<Series> series = view.chart.getSeries();
        assertThat(series).hasSize(6);
        assertThat(series.stream().filter(Series::dashed)).hasSize(3);
        assertThat(series.get(1).label()).startsWith("unigram fit, α = ");
    }

    @Test
    void changingTheShareRefitsAndABadShareIsExplained() {
        StatisticsView view = open();
        String alphaAll = cell(view, "alpha", 1);
        System.err.println("DEBUG name=" + view.textName.getText() + " alpha=" + alphaAll + " ranks="
                + cell(view, "ranks", 1) + " msg=" + view.message.getText());

        // 50 % of 3 ranks is 2: frequencies 4 and 3, so alpha = ln(4/3) / ln 2
        test(view.share).setValue("50");
        assertThat(cell(view, "ranks", 1)).isEqualTo("2");
        double alpha = Double.parseDouble(cell(view, "alpha", 1));
        assertThat(alpha).isCloseTo(Math.log(4.0 / 3) / Math.log(2), within(5e-4));
        assertThat(cell(view, "alpha", 1)).isNotEqualTo(alphaAll);
        assertThat(view.chart.getSeries().get(1).label())
                .isEqualTo(String.format(Locale.ENGLISH, "unigram fit, α = %.2f", alpha));
        assertThat(view.chart.getSeries().get(1).points().getLast().x()).isEqualTo(2);

        view.share.setNumber(0);
        assertThat(view.share.isInvalid()).isTrue();
        assertThat(view.share.getErrorMessage()).contains("1").contains("100");
        assertThat(cell(view, "ranks", 1)).isEqualTo("2");

        test(view.share).setValue("100");
        assertThat(view.share.isInvalid()).isFalse();
        assertThat(cell(view, "alpha", 1)).isEqualTo(alphaAll);
    }

    @Test
    void topNSetsTheRowsOfEveryTable() {
        StatisticsView view = open();
        test(view.topN).setValue("2");
        roundTrip();
        assertThat(test(view.tops.get(0).grid).size()).isEqualTo(2);
        assertThat(test(view.tops.get(2).grid).size()).isEqualTo(2);

        view.topN.setNumber(0);
        assertThat(view.topN.isInvalid()).isTrue();
        assertThat(view.topN.getErrorMessage()).contains("10,000");
        assertThat(test(view.tops.get(0).grid).size()).isEqualTo(2);
    }

    @Test
    void nGramsNotCountedYetAreCountedInTheBackgroundAndThenShown() throws InterruptedException {
        TextAnalysis analysis = tiny();
        StatisticsView view;
        synchronized (analysis) { // TextAnalysis.ngrams() counts under this lock: the counting thread waits
            view = open(analysis);
            assertThat(view.message.getText()).startsWith("Counting the n-grams of Tiny");
            assertThat(view.progress.isVisible()).isTrue();
        }

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (view.progress.isVisible() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            // the test holds the session lock, so the counting thread's ui.access waits in the queue
            VaadinSession session = VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
        }
        assertThat(view.progress.isVisible()).isFalse();
        assertThat(view.message.getText()).isEmpty();
        assertThat(cell(view, "distinct", 1)).isEqualTo("3");
        assertThat(test(view.tops.get(0).grid).getCellText(0, 1)).isEqualTo("a");
    }
}
