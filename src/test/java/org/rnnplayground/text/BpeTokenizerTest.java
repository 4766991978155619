package org.rnnplayground.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BpeTokenizerTest {

    /** d2l 15.6's example words: fast x4, faster x3, tall x5, taller x4 (without its end marker). */
    private static final List<String> D2L_WORDS = List.of(
            "fast fast fast fast", "faster faster faster", "tall tall tall tall tall", "taller taller taller taller");

    @Test
    void learnsTheHandCheckedMergesOfTheBooksExample() {
        // Pair counts at the start: (t,a) (a,l) (l,l) 9 each; (f,a) (a,s) (s,t) 7; (l,e) 4; (t,e) (e,r) 3.
        // Ties go to the pair met first: "tall" is the first word with count-9 pairs, (t,a) comes first in it.
        BpeTokenizer bpe = BpeTokenizer.learn(D2L_WORDS, 10);

        assertThat(bpe.merges())
                .containsExactly(
                        BpeMerge.of("t", "a", 9),
                        BpeMerge.of("ta", "l", 9),
                        BpeMerge.of("tal", "l", 9),
                        BpeMerge.of("f", "a", 7),
                        BpeMerge.of("fa", "s", 7),
                        BpeMerge.of("fas", "t", 7),
                        BpeMerge.of("e", "r", 7), // 3 in faster + 4 in taller
                        BpeMerge.of("tall", "er", 4),
                        BpeMerge.of("fast", "er", 3));
        // every word is one symbol after 9 merges, so the 10th is not possible
    }

    @Test
    void segmentsLearnedAndUnseenWords() {
        BpeTokenizer bpe = BpeTokenizer.learn(D2L_WORDS, 7);

        assertThat(bpe.segment("taller")).containsExactly("tall", "er");
        assertThat(bpe.segment("tallest")).containsExactly("tall", "e", "s", "t");
        // (t, a) is merged first, so the "t" of "fas t" is gone by the time (fas, t) comes
        assertThat(bpe.segment("fastar")).containsExactly("fas", "ta", "r");
        assertThat(bpe.tokenize("tall faster")).containsExactly("tall", " ", "fast", "er");
    }

    @Test
    void tiesGoToFirstOccurrenceNotToLexicographicOrder() {
        BpeTokenizer bpe = BpeTokenizer.learn(List.of("zy ab"), 1);

        assertThat(bpe.merges()).containsExactly(BpeMerge.of("z", "y", 1));
    }

    @Test
    void mergesLeftToRightWithoutOverlap() {
        BpeTokenizer bpe = BpeTokenizer.learn(List.of("aaa"), 1);

        assertThat(bpe.merges()).containsExactly(BpeMerge.of("a", "a", 2));
        assertThat(bpe.segment("aaa")).containsExactly("aa", "a");
        assertThat(bpe.segment("aaaaa")).containsExactly("aa", "aa", "a");
    }

    @Test
    void zeroMergesIsTheCharTokenizer() {
        List<String> lines =
                CleaningMode.BOOK.cleanLines(TimeMachine.text(), true).subList(0, 300);
        BpeTokenizer bpe = BpeTokenizer.learn(lines, 0);

        assertThat(bpe.merges()).isEmpty();
        assertThat(bpe.tokenizeLines(lines)).isEqualTo(new CharTokenizer().tokenizeLines(lines));
    }

    @Test
    void replayingMergesReproducesTheLearnedSegmentation() {
        List<String> lines = CleaningMode.BOOK.cleanLines(TimeMachine.text(), true);
        BpeTokenizer learned = BpeTokenizer.learn(lines, 300);
        BpeTokenizer replayed = BpeTokenizer.ofMerges(learned.merges());

        assertThat(replayed.tokenizeLines(lines)).isEqualTo(learned.tokenizeLines(lines));
    }

    @Test
    void incrementalLearningMatchesRecountingEveryStep() {
        List<String> lines = CleaningMode.BOOK.cleanLines(TimeMachine.text(), true);

        assertThat(BpeTokenizer.learn(lines, 400).merges()).isEqualTo(naiveMerges(lines, 400));
    }

    @Test
    void incrementalLearningMatchesRecountingOnTieHeavyRandomTexts() {
        // few letters, short words: many pairs tie, and merged symbols meet again in new pairs
        for (long seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            List<String> lines = new ArrayList<>();
            for (int line = 0; line < 3; line++) {
                StringBuilder text = new StringBuilder();
                for (int word = 0; word < 6; word++) {
                    int length = 1 + random.nextInt(7);
                    for (int k = 0; k < length; k++) {
                        text.append((char) ('a' + random.nextInt(3)));
                    }
                    text.append(' ');
                }
                lines.add(text.toString().strip());
            }

            assertThat(BpeTokenizer.learn(lines, 30).merges())
                    .as("seed %d, lines %s", seed, lines)
                    .isEqualTo(naiveMerges(lines, 30));
        }
    }

    @Test
    void rejectsNegativeMerges() {
        assertThatThrownBy(() -> BpeTokenizer.learn(List.of("a"), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numMerges must be >= 0");
        assertThatThrownBy(() -> new BpeMerge("a", "b", "ba", 1)).hasMessageContaining("left + right");
    }

    /** d2l 15.6 done literally: recount all pairs every step, Python's max keeps the first maximum. */
    private static List<BpeMerge> naiveMerges(List<String> lines, int numMerges) {
        Map<List<String>, Integer> words = new LinkedHashMap<>();
        for (String line : lines) {
            for (String word : new WordTokenizer().tokenize(line)) {
                words.merge(new CharTokenizer().tokenize(word), 1, Integer::sum);
            }
        }
        List<BpeMerge> merges = new ArrayList<>();
        for (int step = 0; step < numMerges; step++) {
            Map<List<String>, Integer> pairs = new LinkedHashMap<>();
            words.forEach((symbols, freq) -> {
                for (int i = 0; i + 1 < symbols.size(); i++) {
                    pairs.merge(List.of(symbols.get(i), symbols.get(i + 1)), freq, Integer::sum);
                }
            });
            Map.Entry<List<String>, Integer> best = null;
            for (Map.Entry<List<String>, Integer> entry : pairs.entrySet()) {
                if (best == null || entry.getValue() > best.getValue()) {
                    best = entry;
                }
            }
            if (best == null) {
                break;
            }
            BpeMerge merge = BpeMerge.of(best.getKey().get(0), best.getKey().get(1), best.getValue());
            merges.add(merge);
            Map<List<String>, Integer> next = new LinkedHashMap<>();
            words.forEach((symbols, freq) -> {
                List<String> merged = new ArrayList<>();
                for (int i = 0; i < symbols.size(); i++) {
                    if (i + 1 < symbols.size()
                            && symbols.get(i).equals(merge.left())
                            && symbols.get(i + 1).equals(merge.right())) {
                        merged.add(merge.merged());
                        i++;
                    } else {
                        merged.add(symbols.get(i));
                    }
                }
                next.merge(merged, freq, Integer::sum);
            });
            words = next;
        }
        return merges;
    }

    @Test
    void aGiantWordIsLearnedAndSegmentedInPieces() {
        String word = AdversarialTexts.oneWord(1_000_003, 5);
        BpeTokenizer bpe = BpeTokenizer.learn(List.of(word), 300);
        assertThat(bpe.merges()).hasSize(300);
        List<String> symbols = bpe.segment(word);
        assertThat(String.join("", symbols)).isEqualTo(word);
        assertThat(symbols).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(BpeTokenizer.MAX_PIECE_LENGTH));
        // a piece is a word of its own: no symbol spans the cut at MAX_PIECE_LENGTH
        int offset = 0;
        for (String s : symbols) {
            int end = offset + s.length();
            assertThat(offset / BpeTokenizer.MAX_PIECE_LENGTH).isEqualTo((end - 1) / BpeTokenizer.MAX_PIECE_LENGTH);
            offset = end;
        }
    }

    @Test
    void oneRepeatedCharacterMergesIntoLongRuns() {
        BpeTokenizer bpe = BpeTokenizer.learn(List.of("a".repeat(1 << 20)), 20);
        // a, aa, aaaa, ... up to the piece length (64 = 2^6): six merges, then no pair is left
        assertThat(bpe.merges()).hasSize(6);
        assertThat(bpe.tokenize("a".repeat(1 << 20))).hasSize((1 << 20) / BpeTokenizer.MAX_PIECE_LENGTH);
    }
}
