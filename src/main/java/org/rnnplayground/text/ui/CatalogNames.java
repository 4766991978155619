package org.rnnplayground.text.ui;

import java.util.function.Function;
import org.rnnplayground.corpus.CatalogEntry;

/**
 * A catalog entry's name and language in the user's language: translation keys {@code
 * corpus.catalog.<id>} and {@code corpus.language.<code>}; the catalog's own name or code where a
 * key is missing.
 */
final class CatalogNames {

    private CatalogNames() {}

    /** @param translate looks a key up in the user's language ({@code Component::getTranslation}) */
    static String name(CatalogEntry entry, Function<String, String> translate) {
        return orElse(translate.apply("corpus.catalog." + entry.id()), entry.name());
    }

    static String language(CatalogEntry entry, Function<String, String> translate) {
        return orElse(translate.apply("corpus.language." + entry.language()), entry.language());
    }

    /** The translation, or {@code fallback} when the key is missing (the provider answers {@code !key}). */
    private static String orElse(String translated, String fallback) {
        return translated == null || translated.startsWith("!") ? fallback : translated;
    }
}
