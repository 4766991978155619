package org.rnnplayground.text.ui;

import java.util.List;

/**
 * Something the pages say about the current text while it is current (why a sample replaced the
 * default corpus, why the cleaning was switched): a translation key and its parameters, so each
 * page says it in its own language.
 *
 * @param key translation key
 * @param params the message's parameters
 * @param action what the Text page offers next to the message
 */
public record Notice(String key, List<Object> params, Action action) {

    /** What the Text page offers next to a notice. */
    public enum Action {
        NONE,
        /** Re-process the text with Unicode cleaning. */
        USE_UNICODE
    }

    public Notice {
        params = List.copyOf(params);
    }

    /** A notice without an action. */
    public static Notice of(String key, Object... params) {
        return new Notice(key, List.of(params), Action.NONE);
    }
}
