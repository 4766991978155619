package org.rnnplayground.sampling.ui;

import java.util.Arrays;
import java.util.List;

/**
 * The tokens of a text by corpus position, as a person reads them: a character (a space shown as a
 * middle dot) or a word. Positions are those of d2l's flattened {@code corpus}: line after line,
 * with nothing between lines.
 */
final class TokenText {

    /** Shown for a space token, so that a run of characters keeps its word breaks visible. */
    static final String SPACE = "·";

    private final List<? extends List<String>> lines;
    private final int[] lineStarts; // [numLines + 1], corpus position of each line's first token
    private final boolean words;

    /**
     * @param lines tokens per line, d2l's {@code tokens}, [numLines][numTokensInLine]
     * @param words whether tokens are words (shown apart) rather than characters or subwords (shown
     *     joined)
     */
    TokenText(List<? extends List<String>> lines, boolean words) {
        this.lines = lines;
        this.words = words;
        this.lineStarts = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) {
            lineStarts[i + 1] = lineStarts[i] + lines.get(i).size();
        }
    }

    /** Number of tokens. */
    int length() {
        return lineStarts[lineStarts.length - 1];
    }

    /** Whether tokens are shown apart (words) or joined (characters, subwords). */
    boolean words() {
        return words;
    }

    /** The token at a corpus position, as stored. */
    String token(int position) {
        if (position < 0 || position >= length()) {
            throw new IndexOutOfBoundsException("position " + position + " of " + length());
        }
        int line = Arrays.binarySearch(lineStarts, position);
        // an exact hit may be the start of empty lines too: take the last line starting here
        if (line >= 0) {
            while (line + 1 < lineStarts.length && lineStarts[line + 1] == position) {
                line++;
            }
        } else {
            line = -line - 2;
        }
        return lines.get(line).get(position - lineStarts[line]);
    }

    /** The token at a position as shown: a space as a middle dot. */
    String shown(int position) {
        String token = token(position);
        return token.equals(" ") ? SPACE : token;
    }

    /** Tokens {@code [from, to)} as shown, joined (characters) or separated by spaces (words). */
    String shown(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int p = from; p < to; p++) {
            if (words && p > from) {
                b.append(' ');
            }
            b.append(shown(p));
        }
        return b.toString();
    }
}
