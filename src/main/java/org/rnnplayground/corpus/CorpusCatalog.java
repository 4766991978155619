package org.rnnplayground.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The texts on offer, read from {@code sample-texts/catalog.json} (packaged on the class path):
 * public-domain corpora downloaded on demand, and short samples shipped with the product.
 */
public final class CorpusCatalog {

    /** Class-path folder of the catalog and the samples. */
    public static final String RESOURCE_DIR = "sample-texts/";

    private final List<CatalogEntry> entries;

    public CorpusCatalog(List<CatalogEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads the catalog shipped on the class path. */
    public static CorpusCatalog load() {
        try (InputStream in = CorpusCatalog.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + "catalog.json")) {
            if (in == null) {
                throw new IllegalStateException("sample-texts/catalog.json is missing from the class path");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CorpusCatalog parse(InputStream json) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        List<CatalogEntry> entries = new ArrayList<>();
        for (JsonNode n : root.path("corpora")) {
            entries.add(entry(n, CatalogEntry.Kind.CORPUS));
        }
        for (JsonNode n : root.path("samples")) {
            entries.add(entry(n, CatalogEntry.Kind.SAMPLE));
        }
        return new CorpusCatalog(entries);
    }

    private static CatalogEntry entry(JsonNode n, CatalogEntry.Kind kind) {
        return new CatalogEntry(
                text(n, "id"),
                text(n, "name"),
                text(n, "language"),
                kind,
                text(n, "url"),
                text(n, "sha1"),
                text(n, "file"),
                text(n, "note"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    public List<CatalogEntry> entries() {
        return entries;
    }

    public Optional<CatalogEntry> find(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /**
     * The text pages open on when the default corpus cannot be had (offline and not cached): the
     * first shipped sample in the default's language.
     */
    public CatalogEntry fallbackEntry() {
        String language = defaultEntry().language();
        List<CatalogEntry> samples = entries.stream()
                .filter(e -> e.kind() == CatalogEntry.Kind.SAMPLE)
                .toList();
        return samples.stream()
                .filter(e -> e.language().equals(language))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the catalog has no sample in " + language));
    }

    /** The default text: The Time Machine. */
    public CatalogEntry defaultEntry() {
        return find("timemachine").orElse(entries.getFirst());
    }
}
