package org.rnnplayground.text;

import java.util.ArrayList;
import java.util.List;

/**
 * d2l's {@code tokenize(lines, 'char')}: every character of a line is a token, spaces included.
 * Characters are Unicode code points, not UTF-16 units, so a Chinese character or an emoji outside
 * the Basic Multilingual Plane is one token.
 */
public record CharTokenizer() implements Tokenizer {

    @Override
    public List<String> tokenize(String line) {
        List<String> tokens = new ArrayList<>(line.length());
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            i += Character.charCount(cp);
            tokens.add(Character.toString(cp));
        }
        return List.copyOf(tokens);
    }
}
