package org.rnnplayground.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Download on demand, SHA-1 verification and the cache, against a server on the loopback address. */
class CorpusStoreTest {

    private static final byte[] CONTENT = "a tiny corpus\nfor the cache test\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path cache;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tiny.txt", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, CONTENT.length);
            exchange.getResponseBody().write(CONTENT);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private CorpusStore store(CatalogEntry entry) {
        return new CorpusStore(
                new CorpusCatalog(List.of(entry)), cache, HttpClient.newHttpClient(), Duration.ofSeconds(5));
    }

    private CatalogEntry corpus(String path, String sha1) {
        return new CatalogEntry("tiny", "Tiny", "en", CatalogEntry.Kind.CORPUS, url(path), sha1, "tiny.txt", null);
    }

    @Test
    void downloadsVerifiesCachesAndThenReadsFromTheCache() throws Exception {
        CatalogEntry entry = corpus("/tiny.txt", CorpusStore.sha1(CONTENT));
        CorpusStore store = store(entry);
        assertFalse(store.isAvailableOffline(entry));

        assertArrayEquals(CONTENT, store.bytes(entry));
        assertEquals(1, requests.get());
        assertArrayEquals(CONTENT, Files.readAllBytes(cache.resolve("tiny.txt")));
        assertTrue(store.isAvailableOffline(entry));

        assertArrayEquals(CONTENT, store.bytes(entry));
        assertEquals(1, requests.get(), "second read must come from the cache");
    }

    @Test
    void refusesContentWithTheWrongSha1AndCachesNothing() {
        CatalogEntry entry = corpus("/tiny.txt", "0".repeat(40));
        var e = assertThrows(
                CorpusUnavailableException.class, () -> store(entry).bytes(entry));
        assertEquals(CorpusUnavailableException.Reason.CHECKSUM_MISMATCH, e.reason());
        assertFalse(Files.exists(cache.resolve("tiny.txt")));
    }

    @Test
    void aCorruptCachedFileIsReplacedByAFreshDownload() throws Exception {
        CatalogEntry entry = corpus("/tiny.txt", CorpusStore.sha1(CONTENT));
        Files.writeString(cache.resolve("tiny.txt"), "truncated");
        assertArrayEquals(CONTENT, store(entry).bytes(entry));
        assertEquals(1, requests.get());
    }

    @Test
    void missingCorpusOfflineGivesADownloadFailedReason() {
        CatalogEntry entry = corpus("/missing.txt", CorpusStore.sha1(CONTENT));
        var e = assertThrows(
                CorpusUnavailableException.class, () -> store(entry).bytes(entry));
        assertEquals(CorpusUnavailableException.Reason.DOWNLOAD_FAILED, e.reason());

        server.stop(0);
        var offline = assertThrows(
                CorpusUnavailableException.class, () -> store(entry).bytes(entry));
        assertEquals(CorpusUnavailableException.Reason.DOWNLOAD_FAILED, offline.reason());
    }

    @Test
    void theTimeMachineInTheSharedCacheMatchesTheCatalogSha1() throws Exception {
        CorpusCatalog catalog = CorpusCatalog.load();
        CatalogEntry tm = catalog.defaultEntry();
        assertEquals("090b5e7e70c295757f55df93cb0a180b9691891a", tm.sha1());
        TestCorpora.require(tm.id()); // from the cache, or downloaded into it and verified
        Path cache = TestCorpora.cacheDir();
        CorpusStore store = new CorpusStore(catalog, cache, HttpClient.newHttpClient(), Duration.ofSeconds(1));
        assertTrue(store.isAvailableOffline(tm), "The Time Machine must now be in " + cache.toAbsolutePath());
        assertTrue(store.read(tm).startsWith("The Time Machine, by H. G. Wells"));
    }
}
