package org.rnnplayground.model.budget;

import java.util.ArrayList;
import java.util.List;

/**
 * Why the budget refuses some work: a translatable sentence that names the numbers and what to
 * reduce.
 *
 * @param key translation key of the sentence (bundle {@code budget}); its last argument is the
 *     translated {@code hintKey}
 * @param args the numbers it names, before the hint
 * @param hintKey translation key of what to reduce
 * @param needed what the work needs (bytes or multiply-adds)
 * @param limit the limit it exceeds (same unit)
 */
public record BudgetProblem(String key, List<Object> args, String hintKey, long needed, long limit) {

    /** Looks up a translation, as Vaadin's {@code getTranslation(key, params...)}. */
    @FunctionalInterface
    public interface Translator {
        String translate(String key, Object... args);
    }

    public BudgetProblem {
        args = List.copyOf(args);
    }

    /** The sentence in the translator's language. */
    public String message(Translator translator) {
        List<Object> all = new ArrayList<>(args);
        all.add(translator.translate(hintKey));
        return translator.translate(key, all.toArray());
    }

    @Override
    public String toString() {
        return key + " " + args + " (needs " + needed + ", limit " + limit + "; " + hintKey + ")";
    }
}
