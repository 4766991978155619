package org.rnnplayground.text.ui;

/** How a token is written on screen when it may be arbitrarily long (a whole giant line is one word token). */
final class TokenDisplay {
    private TokenDisplay() {}

    /** A token as a label: the space token as {@code ␣}, so that it can be seen. */
    static String visible(String token) {
        return token.equals(" ") ? "␣" : token;
    }

    /**
     * @param token a token
     * @param maxChars the most characters to show, at least 1
     * @return the token, or its first {@code maxChars} characters and "…" when it is longer (never
     *     ending between the halves of a surrogate pair)
     */
    static String shorten(String token, int maxChars) {
        if (token.length() <= maxChars) {
            return token;
        }
        int end = Character.isHighSurrogate(token.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return token.substring(0, end) + "…";
    }
}
