package org.rnnplayground.corpus;

/**
 * One text the product offers.
 *
 * @param id stable identifier, used in URLs and sessions
 * @param name display name
 * @param language ISO 639-1 code of the text's language
 * @param kind downloaded on demand (a public-domain corpus) or shipped with the product (a sample)
 * @param url where a corpus is downloaded from; null for a sample
 * @param sha1 the corpus's SHA-1 in lower-case hex; null for a sample
 * @param file file name in the cache folder (corpus) or in {@code sample-texts/} (sample)
 * @param note source and licence
 */
public record CatalogEntry(
        String id, String name, String language, Kind kind, String url, String sha1, String file, String note) {

    /** Where a text comes from. */
    public enum Kind {
        CORPUS,
        SAMPLE
    }

    public CatalogEntry {
        if (id == null || id.isBlank() || name == null || file == null || kind == null) {
            throw new IllegalArgumentException("catalog entry needs id, name, kind and file: " + id);
        }
        if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw new IllegalArgumentException("catalog file must be a plain file name: " + file);
        }
        if (kind == Kind.CORPUS && (url == null || sha1 == null || !sha1.matches("[0-9a-f]{40}"))) {
            throw new IllegalArgumentException("corpus " + id + " needs a URL and a 40-digit lower-case SHA-1");
        }
    }
}
