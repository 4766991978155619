package org.rnnplayground.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times the text stages on a large text: a corpus repeated until it reaches a target size, then
 * cleaned (book mode), tokenized by char and by word, indexed (vocabulary and corpus) and counted
 * (unigrams, bigrams, trigrams). Prints the median and minimum of each stage over the repetitions,
 * after one warm-up round.
 *
 * <pre>{@code
 * java -cp target/classes:$(cat cp.txt) org.rnnplayground.text.TextBenchmark \
 *     ../shared/corpora/timemachine.txt 10 5
 * }</pre>
 *
 * Arguments: corpus path, target size in MB (10^6 bytes of UTF-8, whole copies of the corpus; default
 * 10), repetitions (default 5).
 */
public final class TextBenchmark {
    private static final String TOTAL = "TOTAL (all stages above)";
    private static final int BPE_MERGES = 1000;

    private TextBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: TextBenchmark <corpus.txt> [targetMB=10] [repetitions=5]");
            System.exit(2);
        }
        Path path = Path.of(args[0]);
        double targetMb = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 5;

        String corpus = Files.readString(path, StandardCharsets.UTF_8);
        long corpusBytes = corpus.getBytes(StandardCharsets.UTF_8).length;
        int copies = (int) Math.max(1, Math.ceil(targetMb * 1e6 / corpusBytes));
        String text = corpus.repeat(copies);
        System.out.printf(
                Locale.ROOT,
                "%s x %d = %.2f MB, %d runs after 1 warm-up, %d processors, java %s%n",
                path.getFileName(),
                copies,
                copies * corpusBytes / 1e6,
                repetitions,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version());

        Map<String, List<Double>> millis = new LinkedHashMap<>();
        for (int run = 0; run <= repetitions; run++) {
            Map<String, Double> times = oneRound(text, run == 0);
            if (run == 0) {
                System.out.printf(Locale.ROOT, "warm-up round (cold JIT): TOTAL %.1f ms%n", times.get(TOTAL));
            } else {
                times.forEach((stage, ms) ->
                        millis.computeIfAbsent(stage, s -> new ArrayList<>()).add(ms));
            }
        }
        System.out.printf(Locale.ROOT, "%-34s %10s %10s%n", "stage", "median ms", "min ms");
        millis.forEach((stage, ms) -> System.out.printf(
                Locale.ROOT,
                "%-34s %10.1f %10.1f%n",
                stage,
                median(ms),
                ms.stream().min(Double::compare).orElseThrow()));
    }

    /** One round of every stage; returns stage name to milliseconds. */
    private static Map<String, Double> oneRound(String text, boolean report) {
        Map<String, Double> times = new LinkedHashMap<>();
        List<String> lines = time(times, "clean (book)", () -> CleaningMode.BOOK.cleanLines(text, true));

        TokenizedText chars = time(times, "char: tokenize", () -> TokenizedText.of(lines, new CharTokenizer()));
        Vocabulary charVocab = time(times, "char: vocabulary", () -> chars.vocabulary(0, List.of()));
        int[] charCorpus = time(times, "char: corpus (indices)", () -> chars.encode(charVocab));
        List<NGramCounts> charGrams = time(times, "char: n-grams 1..3", () -> NGramCounts.countUpTo(chars, 3));

        TokenizedText words = time(times, "word: tokenize", () -> TokenizedText.of(lines, new WordTokenizer()));
        Vocabulary wordVocab = time(times, "word: vocabulary", () -> words.vocabulary(0, List.of()));
        int[] wordCorpus = time(times, "word: corpus (indices)", () -> words.encode(wordVocab));
        List<NGramCounts> wordGrams = time(times, "word: n-grams 1..3", () -> NGramCounts.countUpTo(words, 3));

        times.put(
                "TOTAL (all stages above)",
                times.values().stream().mapToDouble(Double::doubleValue).sum());
        time(times, "TextPipeline.process bookChars", () -> TextPipeline.process(text, TextOptions.bookChars()));
        time(times, "TextPipeline.process bookWords", () -> TextPipeline.process(text, TextOptions.bookWords()));
        BpeTokenizer bpe =
                time(times, "bpe: learn " + BPE_MERGES + " merges", () -> BpeTokenizer.learn(lines, BPE_MERGES));
        time(times, "bpe: tokenize", () -> TokenizedText.of(lines, bpe));

        if (report) {
            System.out.printf(
                    Locale.ROOT,
                    "chars %d (vocabSize %d), words %d (vocabSize %d), top trigram %s%n",
                    charCorpus.length,
                    charVocab.vocabSize(),
                    wordCorpus.length,
                    wordVocab.vocabSize(),
                    wordGrams.get(2).atRank(1));
        }
        if (charGrams.size() != 3 || wordGrams.size() != 3) {
            throw new IllegalStateException("expected n-gram counts for n = 1..3");
        }
        return times;
    }

    private static <T> T time(Map<String, Double> times, String stage, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        times.put(stage, (System.nanoTime() - start) / 1e6);
        return result;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
