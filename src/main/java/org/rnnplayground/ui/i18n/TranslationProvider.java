package org.rnnplayground.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * All UI text, in English and Simplified Chinese. Each feature keeps its own bundle under {@code
 * i18n/} (keys prefixed by the feature, e.g. {@code text.title}) so that features can be worked on
 * independently; this provider looks a key up in each bundle in turn. Vaadin picks the locale from
 * the browser's languages; the switch in the header overrides it for the session.
 */
@Component
public class TranslationProvider implements I18NProvider {

    /** The locales we ship bundles for; the first is the fallback. */
    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    /** Bundle base names under {@code i18n/}, one per feature. */
    static final List<String> BUNDLES = List.of(
            "shell",
            "corpus",
            "text",
            "statistics",
            "minibatches",
            "shapes",
            "train",
            "sequence",
            "inside",
            "admin",
            "budget");

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale effective = supported(locale);
        for (String name : BUNDLES) {
            ResourceBundle bundle = bundle(name, effective);
            if (bundle != null && bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return params.length == 0 ? pattern : new MessageFormat(pattern, effective).format(params);
            }
        }
        return "!" + key;
    }

    /** Maps any requested locale onto one we ship: Chinese of any region to Simplified Chinese. */
    public static Locale supported(Locale locale) {
        if (locale != null && "zh".equals(locale.getLanguage())) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        return Locale.ENGLISH;
    }

    static ResourceBundle bundle(String name, Locale locale) {
        try {
            Locale bundleLocale = Locale.ENGLISH.equals(locale) ? Locale.ROOT : locale;
            return ResourceBundle.getBundle("i18n." + name, bundleLocale, NO_DEFAULT_LOCALE_FALLBACK);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
