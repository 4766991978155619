package org.rnnplayground.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rnnplayground.sampling.SamplerConfig;
import org.rnnplayground.text.CleaningMode;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;
import org.rnnplayground.text.TokenizerKind;

class CorpusCatalogTest {

    @Test
    void everyShippedSampleIsPackagedAndNonEmpty() throws Exception {
        CorpusCatalog catalog = CorpusCatalog.load();
        CorpusStore store =
                new CorpusStore(catalog, Path.of("unused"), HttpClient.newHttpClient(), Duration.ofSeconds(1));
        long samples = 0;
        for (CatalogEntry e : catalog.entries()) {
            if (e.kind() == CatalogEntry.Kind.SAMPLE) {
                samples++;
                assertFalse(store.read(e).isBlank(), e.id());
            }
        }
        assertTrue(samples >= 3, "expected at least three samples, found " + samples);
        assertTrue(catalog.find("rnn-zh").isPresent(), "a Chinese sample is listed");
    }

    @Test
    void theFallbackIsAShippedSampleInTheDefaultsLanguage() {
        CorpusCatalog catalog = CorpusCatalog.load();
        CatalogEntry fallback = catalog.fallbackEntry();
        assertEquals(CatalogEntry.Kind.SAMPLE, fallback.kind());
        assertEquals(catalog.defaultEntry().language(), fallback.language());
    }

    @Test
    void aConfiguredMirrorReplacesTheCatalogsDownloadAddress() {
        CorpusCatalog catalog = CorpusCatalog.load();
        CatalogEntry corpus = catalog.defaultEntry();
        HttpClient http = HttpClient.newHttpClient();
        assertEquals(
                corpus.url(), new CorpusStore(catalog, Path.of("c"), http, Duration.ofSeconds(1)).downloadUrl(corpus));
        for (String base : new String[] {"http://lab.local/corpora", "http://lab.local/corpora/"}) {
            assertEquals(
                    "http://lab.local/corpora/" + corpus.file(),
                    new CorpusStore(catalog, Path.of("c"), http, Duration.ofSeconds(1), base).downloadUrl(corpus));
        }
        assertThrows(IllegalArgumentException.class, () -> new CorpusProperties(null, null, "file:///etc/passwd"));
    }

    /** The fallback and the Chinese sample train with the book's batch_size=32, num_steps=35 as they open. */
    @Test
    void theFallbackAndTheChineseSampleHoldTheBooksMinibatch() throws Exception {
        CorpusCatalog catalog = CorpusCatalog.load();
        CorpusStore store =
                new CorpusStore(catalog, Path.of("unused"), HttpClient.newHttpClient(), Duration.ofSeconds(1));
        for (CatalogEntry e :
                List.of(catalog.fallbackEntry(), catalog.find("rnn-zh").orElseThrow())) {
            String raw = store.read(e);
            CleaningMode cleaning = CleaningMode.bookRemovesMost(raw) ? CleaningMode.UNICODE : CleaningMode.BOOK;
            int length = TextPipeline.process(raw, new TextOptions(cleaning, true, TokenizerKind.CHAR, 0, 0))
                    .corpusLength();
            assertEquals(Optional.empty(), SamplerConfig.problem(length, 32, 35), e.id() + ": " + length + " tokens");
        }
    }

    @Test
    void idsAreUnique() {
        var ids = CorpusCatalog.load().entries().stream().map(CatalogEntry::id).toList();
        assertEquals(ids.size(), ids.stream().distinct().count());
    }

    @Test
    void entriesValidateThemselves() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new CatalogEntry("x", "X", "en", CatalogEntry.Kind.CORPUS, "http://h/x", "abc", "x.txt", null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new CatalogEntry("x", "X", "en", CatalogEntry.Kind.SAMPLE, null, null, "../x.txt", null));
    }
}
