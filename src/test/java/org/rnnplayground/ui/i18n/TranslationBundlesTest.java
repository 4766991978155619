package org.rnnplayground.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every UI text exists in English and Chinese, and every literal key used in the code exists. */
class TranslationBundlesTest {

    private final TranslationProvider provider = new TranslationProvider();

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = TranslationProvider.class.getClassLoader().getResourceAsStream("i18n/" + name + ".properties")) {
            if (in != null) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return p;
    }

    @Test
    void englishAndChineseBundlesHaveTheSameKeys() throws IOException {
        for (String bundle : TranslationProvider.BUNDLES) {
            Properties en = load(bundle);
            Properties zh = load(bundle + "_zh_CN");
            assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()), bundle);
            for (String key : en.stringPropertyNames()) {
                assertTrue(key.startsWith(bundle + "."), "key " + key + " belongs in bundle " + key.split("\\.")[0]);
            }
        }
    }

    @Test
    void everyLiteralKeyInTheCodeIsTranslated() throws IOException {
        Pattern call = Pattern.compile("getTranslation\\(\\s*\"([a-zA-Z0-9_.]+)\"\\s*[,)]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    for (Locale l : TranslationProvider.LOCALES) {
                        if (provider.getTranslation(m.group(1), l).startsWith("!")) {
                            missing.add(m.group(1) + " (" + l + ")");
                        }
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "untranslated keys: " + missing);
    }

    @Test
    void everyCatalogTextAndLanguageHasANameInEachLanguage() {
        for (var entry : org.rnnplayground.corpus.CorpusCatalog.load().entries()) {
            for (Locale l : TranslationProvider.LOCALES) {
                String name = provider.getTranslation("corpus.catalog." + entry.id(), l);
                String language = provider.getTranslation("corpus.language." + entry.language(), l);
                assertFalse(name.startsWith("!"), entry.id() + " has no name in " + l);
                assertFalse(language.startsWith("!"), entry.language() + " has no name in " + l);
            }
        }
        assertEquals("中文", provider.getTranslation("corpus.language.zh", Locale.SIMPLIFIED_CHINESE));
        assertEquals("Chinese", provider.getTranslation("corpus.language.zh", Locale.ENGLISH));
    }

    @Test
    void chineseOfAnyRegionUsesSimplifiedChineseAndOthersEnglish() {
        assertEquals("文本", provider.getTranslation("shell.nav.text", Locale.forLanguageTag("zh-TW")));
        assertEquals("Text", provider.getTranslation("shell.nav.text", Locale.GERMAN));
        assertEquals("Text", provider.getTranslation("shell.nav.text", null));
    }

    @Test
    void parametersAreFormatted() {
        String en = provider.getTranslation("shell.backend.summary", Locale.ENGLISH, "CPU", 2, "OPENBLAS");
        assertEquals("ND4J CPU · 2 threads · OPENBLAS", en);
        assertEquals(
                "ND4J CPU · 1 thread · OPENBLAS",
                provider.getTranslation("shell.backend.summary", Locale.ENGLISH, "CPU", 1, "OPENBLAS"));
        assertNotNull(provider.getTranslation("shell.backend.summary", Locale.SIMPLIFIED_CHINESE, "CPU", 1, "x"));
        assertFalse(provider.getTranslation("no.such.key", Locale.ENGLISH).isEmpty());
    }
}
