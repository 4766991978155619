package org.rnnplayground.corpus;

/**
 * A text could not be had. Carries a {@link Reason} so that the UI can explain it in the user's
 * language, plus the technical detail for the log.
 */
public class CorpusUnavailableException extends Exception {

    /** Why a text is unavailable. */
    public enum Reason {
        /** Not cached and the download failed (offline, host unreachable, HTTP error). */
        DOWNLOAD_FAILED,
        /** Downloaded or cached bytes do not have the catalog's SHA-1. */
        CHECKSUM_MISMATCH,
        /** A shipped sample is missing from the class path. */
        SAMPLE_MISSING,
        /** The cache folder cannot be written. */
        CACHE_NOT_WRITABLE
    }

    private final Reason reason;
    private final CatalogEntry entry;

    public CorpusUnavailableException(Reason reason, CatalogEntry entry, String detail, Throwable cause) {
        super(entry.name() + ": " + reason + ": " + detail, cause);
        this.reason = reason;
        this.entry = entry;
    }

    public Reason reason() {
        return reason;
    }

    public CatalogEntry entry() {
        return entry;
    }
}
