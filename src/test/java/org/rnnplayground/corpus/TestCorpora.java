package org.rnnplayground.corpus;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * The catalog corpora for tests, got the way the product gets them: from the corpus cache when a
 * file with the catalog's SHA-1 is there, else downloaded into it and verified. The cache is the
 * system property {@code playground.corpus.cache} (the build points it at {@code ../shared/corpora}
 * when that folder exists, else at the product's default cache). A test that needs a corpus which is
 * neither cached nor downloadable (an offline machine) is skipped, and the reason printed.
 */
public final class TestCorpora {

    /** The catalog id of The Time Machine, d2l chapter 8's corpus. */
    public static final String TIME_MACHINE = "timemachine";

    private TestCorpora() {}

    /** The cache folder the tests and the app under test share. */
    public static Path cacheDir() {
        String configured = System.getProperty("playground.corpus.cache");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "rnn-playground", "corpora");
    }

    /** The text of The Time Machine as d2l downloads it; skips the calling test when it cannot be had. */
    public static String timeMachine() {
        return text(TIME_MACHINE);
    }

    /** The path of The Time Machine in the cache, downloaded first if needed; skips the test if impossible. */
    public static Path timeMachinePath() {
        text(TIME_MACHINE);
        return cacheDir().resolve(entry(TIME_MACHINE).file());
    }

    /**
     * Makes sure a catalog corpus is in the cache (downloading and verifying it if not), so that an
     * app under test finds it there; skips the calling test when that is impossible.
     */
    public static void require(String id) {
        text(id);
    }

    /** A catalog entry's text, from the cache or downloaded into it; skips the test if unavailable. */
    public static String text(String id) {
        CatalogEntry entry = entry(id);
        CorpusStore store =
                new CorpusStore(CorpusCatalog.load(), cacheDir(), HttpClient.newHttpClient(), Duration.ofSeconds(30));
        try {
            return store.read(entry);
        } catch (CorpusUnavailableException e) {
            String why =
                    entry.name() + " is not in the corpus cache " + cacheDir().toAbsolutePath()
                            + " and could not be downloaded (" + e.getMessage() + "); put " + entry.file()
                            + " there (SHA-1 " + entry.sha1() + ") to run this test";
            System.err.println("SKIPPED: " + why);
            Assumptions.abort(why);
            throw new AssertionError("unreachable");
        }
    }

    private static CatalogEntry entry(String id) {
        return CorpusCatalog.load().find(id).orElseThrow(() -> new IllegalArgumentException("no catalog entry " + id));
    }
}
