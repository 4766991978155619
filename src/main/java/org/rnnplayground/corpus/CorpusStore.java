package org.rnnplayground.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.rnnplayground.corpus.CorpusUnavailableException.Reason;

/**
 * Gets the text of a catalog entry, as d2l's {@code download}: a corpus is read from the cache
 * folder when a file with the right SHA-1 is there, else downloaded, verified and stored there
 * first; a sample is read from the class path.
 */
public final class CorpusStore {

    private final CorpusCatalog catalog;
    private final Path cacheDir;
    private final HttpClient http;
    private final Duration timeout;
    private final String downloadBase;

    public CorpusStore(CorpusCatalog catalog, Path cacheDir, HttpClient http, Duration timeout) {
        this(catalog, cacheDir, http, timeout, null);
    }

    /**
     * @param downloadBase an address that corpora are downloaded from instead of the catalog's (the
     *     file name appended, after a {@code /}), or null for the catalog's addresses
     */
    public CorpusStore(CorpusCatalog catalog, Path cacheDir, HttpClient http, Duration timeout, String downloadBase) {
        this.catalog = catalog;
        this.cacheDir = cacheDir;
        this.http = http;
        this.timeout = timeout;
        this.downloadBase = downloadBase;
    }

    /** Where a corpus is downloaded from: the catalog's address, or the configured mirror's. */
    public String downloadUrl(CatalogEntry entry) {
        if (downloadBase == null || entry.kind() != CatalogEntry.Kind.CORPUS) {
            return entry.url();
        }
        return (downloadBase.endsWith("/") ? downloadBase : downloadBase + "/") + entry.file();
    }

    public CorpusCatalog catalog() {
        return catalog;
    }

    public Path cacheDir() {
        return cacheDir;
    }

    /** Whether the entry can be read without a download. */
    public boolean isAvailableOffline(CatalogEntry entry) {
        if (entry.kind() == CatalogEntry.Kind.SAMPLE) {
            return true;
        }
        Path file = cacheDir.resolve(entry.file());
        try {
            return Files.isRegularFile(file) && entry.sha1().equals(sha1(Files.readAllBytes(file)));
        } catch (IOException e) {
            return false;
        }
    }

    /** The entry's text, decoded as UTF-8. */
    public String read(CatalogEntry entry) throws CorpusUnavailableException {
        return new String(bytes(entry), StandardCharsets.UTF_8);
    }

    /** The entry's bytes, verified against the catalog's SHA-1 for a corpus. */
    public byte[] bytes(CatalogEntry entry) throws CorpusUnavailableException {
        return entry.kind() == CatalogEntry.Kind.SAMPLE ? sample(entry) : corpus(entry);
    }

    private byte[] sample(CatalogEntry entry) throws CorpusUnavailableException {
        try (InputStream in =
                CorpusStore.class.getClassLoader().getResourceAsStream(CorpusCatalog.RESOURCE_DIR + entry.file())) {
            if (in == null) {
                throw new CorpusUnavailableException(
                        Reason.SAMPLE_MISSING, entry, entry.file() + " not packaged", null);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CorpusUnavailableException(Reason.SAMPLE_MISSING, entry, e.getMessage(), e);
        }
    }

    private byte[] corpus(CatalogEntry entry) throws CorpusUnavailableException {
        Path file = cacheDir.resolve(entry.file());
        if (Files.isRegularFile(file)) {
            try {
                byte[] cached = Files.readAllBytes(file);
                if (entry.sha1().equals(sha1(cached))) {
                    return cached;
                }
            } catch (IOException e) {
                // fall through to a fresh download
            }
        }
        byte[] downloaded = download(entry);
        String actual = sha1(downloaded);
        if (!entry.sha1().equals(actual)) {
            throw new CorpusUnavailableException(
                    Reason.CHECKSUM_MISMATCH, entry, "expected SHA-1 " + entry.sha1() + ", got " + actual, null);
        }
        store(entry, file, downloaded);
        return downloaded;
    }

    private byte[] download(CatalogEntry entry) throws CorpusUnavailableException {
        try {
            String url = downloadUrl(entry);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .GET()
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new CorpusUnavailableException(
                        Reason.DOWNLOAD_FAILED, entry, "HTTP " + response.statusCode() + " from " + url, null);
            }
            return response.body();
        } catch (IOException | IllegalArgumentException e) {
            throw new CorpusUnavailableException(
                    Reason.DOWNLOAD_FAILED, entry, e.getClass().getSimpleName() + " " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CorpusUnavailableException(Reason.DOWNLOAD_FAILED, entry, "interrupted", e);
        }
    }

    private void store(CatalogEntry entry, Path file, byte[] content) throws CorpusUnavailableException {
        try {
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempFile(cacheDir, entry.file(), ".part");
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CorpusUnavailableException(Reason.CACHE_NOT_WRITABLE, entry, cacheDir + ": " + e.getMessage(), e);
        }
    }

    /** SHA-1 of the bytes as lower-case hex. */
    public static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
