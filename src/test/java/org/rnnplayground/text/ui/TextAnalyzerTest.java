package org.rnnplayground.text.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnnplayground.text.AdversarialTexts;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.work.BoundedExecutors;
import org.rnnplayground.work.PoolHold;
import org.rnnplayground.work.PoolSize;
import org.rnnplayground.work.WorkKind;

/** Analyses are shared between the callers of one text, and given up once none of them waits. */
class TextAnalyzerTest {

    private final BoundedExecutors executors = new BoundedExecutors(oneThreadEach());
    private final TextAnalyzer analyzer = new TextAnalyzer(new TextProperties(null, null), executors);

    private static Map<WorkKind, PoolSize> oneThreadEach() {
        Map<WorkKind, PoolSize> sizes = new EnumMap<>(WorkKind.class);
        for (WorkKind kind : WorkKind.values()) {
            sizes.put(kind, new PoolSize(1, 8));
        }
        return sizes;
    }

    private PoolHold hold;

    private void blockThePool() throws InterruptedException {
        hold = PoolHold.of(executors.pool(WorkKind.TEXT_ANALYSIS));
    }

    @AfterEach
    void shutDown() {
        if (hold != null) {
            hold.close();
        }
        executors.close();
    }

    @Test
    void aTextSomeoneStillWaitsForIsProcessedForThem() throws Exception {
        String text = AdversarialTexts.distinctWords(1000);
        blockThePool();
        CompletableFuture<TextAnalysis> first = analyzer.analyze("a.txt", text, TextOptions.bookWords());
        CompletableFuture<TextAnalysis> second = analyzer.analyze("b.txt", text, TextOptions.bookWords());
        first.cancel(false);
        assertThat(analyzer.holds(text, TextOptions.bookWords())).isTrue();
        hold.close();
        TextAnalysis analysis = second.get(60, TimeUnit.SECONDS);
        assertThat(analysis.name()).isEqualTo("b.txt");
        assertThat(analysis.text().vocabSize()).isEqualTo(1001);
        assertThat(first).isCancelled();
    }

    @Test
    void aTextNobodyWaitsForIsGivenUpAndLaterProcessedAfresh() throws Exception {
        String text = AdversarialTexts.distinctWords(1000);
        blockThePool();
        CompletableFuture<TextAnalysis> only = analyzer.analyze("a.txt", text, TextOptions.bookChars());
        assertThat(analyzer.holds(text, TextOptions.bookChars())).isTrue();
        only.cancel(false);
        assertThat(analyzer.holds(text, TextOptions.bookChars())).isFalse();
        hold.close();

        // asked again, it is processed again (not served as a cancelled result)
        TextAnalysis again =
                analyzer.analyze("a.txt", text, TextOptions.bookChars()).get(60, TimeUnit.SECONDS);
        assertThat(again.text().corpusLength()).isPositive();
        assertThat(analyzer.holds(text, TextOptions.bookChars())).isTrue();
    }

    @Test
    void theOpeningCostsTheSameWhateverTheTextsSize() {
        for (int words : new int[] {100_000, 1_000_000}) {
            String text = AdversarialTexts.distinctWords(words);
            var opening = analyzer.opening(text, TextOptions.bookWords());
            assertThat(opening.lines().stream().mapToInt(String::length).sum())
                    .isLessThanOrEqualTo(TextAnalyzer.OPENING_CHARS);
            assertThat(opening.corpusLength()).isLessThan(TextAnalyzer.OPENING_CHARS / 2);
        }
    }
}
