package org.rnnplayground.text;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The tokens of a text, stored compactly: every distinct token (a <i>type</i>) once, numbered in
 * order of first appearance, and the whole text as one flat array of type ids with the start of
 * each line. Seen from outside it is an unmodifiable {@code List<List<String>>}, one token list per
 * line, exactly d2l's 2D {@code tokens}; the n-gram counter and the pipeline read the ids directly.
 *
 * <p>Numbering types by first appearance makes the type table a Python {@code Counter} built by
 * iterating the tokens in order, which is what d2l's {@code Vocab} sorts.
 */
final class TokenizedText extends AbstractList<List<String>> implements RandomAccess {
    private final String[] types; // [numTypes], first-appearance order
    private final int[] typeCounts; // [numTypes]
    private final int[] ids; // [numTokens], type id of each token, all lines flattened
    private final int[] lineStarts; // [numLines + 1]
    private final Tokenizer tokenizer; // the tokenizer that made it, or null

    private TokenizedText(String[] types, int[] typeCounts, int[] ids, int[] lineStarts, Tokenizer tokenizer) {
        this.types = types;
        this.typeCounts = typeCounts;
        this.ids = ids;
        this.lineStarts = lineStarts;
        this.tokenizer = tokenizer;
    }

    /** Tokenizes every line with {@code tokenizer}. */
    static TokenizedText of(List<String> lines, Tokenizer tokenizer) {
        Builder builder = new Builder(lines.size());
        for (String line : lines) {
            switch (tokenizer) {
                case CharTokenizer c -> {
                    for (int i = 0; i < line.length(); ) {
                        int cp = line.codePointAt(i);
                        i += Character.charCount(cp);
                        builder.addCodePoint(cp);
                    }
                }
                case WordTokenizer w -> WordTokenizer.forEachWordSpan(line, (from, to) -> builder.add(line, from, to));
                case BpeTokenizer bpe -> bpe.forEachToken(line, builder::add);
            }
            builder.endLine();
        }
        return builder.build(tokenizer);
    }

    /** Interns already tokenized lines (any {@code List<List<String>>}); a TokenizedText is returned as is. */
    static TokenizedText of(List<? extends List<String>> tokenLines) {
        if (tokenLines instanceof TokenizedText text) {
            return text;
        }
        Builder builder = new Builder(tokenLines.size());
        for (List<String> line : tokenLines) {
            for (String token : line) {
                builder.add(token);
            }
            builder.endLine();
        }
        return builder.build(null);
    }

    /** @return the tokenizer that produced this text, or null if it was built from token lists */
    Tokenizer tokenizer() {
        return tokenizer;
    }

    int numTokens() {
        return ids.length;
    }

    int numTypes() {
        return types.length;
    }

    String type(int typeId) {
        return types[typeId];
    }

    int typeCount(int typeId) {
        return typeCounts[typeId];
    }

    /** @return the position of the first token of {@code line} among all tokens; {@code line == size()} gives the total */
    int lineStart(int line) {
        return lineStarts[line];
    }

    /** @return the token at a position of the flattened text */
    String tokenAt(int position) {
        return types[ids[position]];
    }

    /** @return the type ids of all tokens, lines flattened, {@code [numTokens]}; shared, do not modify */
    int[] ids() {
        return ids;
    }

    /** d2l's {@code Vocab(tokens, min_freq, reserved_tokens)} over these tokens. */
    Vocabulary vocabulary(int minFreq, List<String> reservedTokens) {
        return Vocabulary.fromCounter(types, typeCounts, minFreq, reservedTokens);
    }

    /**
     * The corpus: every token's vocabulary index, lines flattened, as d2l's {@code [vocab[token] for
     * line in tokens for token in line]}.
     *
     * @return {@code [numTokens]} indices into {@code vocab}
     */
    int[] encode(Vocabulary vocab) {
        int[] indexOfType = new int[types.length];
        for (int t = 0; t < types.length; t++) {
            indexOfType[t] = vocab.indexOf(types[t]);
        }
        int[] corpus = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            corpus[i] = indexOfType[ids[i]];
        }
        return corpus;
    }

    @Override
    public List<String> get(int line) {
        return new LineTokens(lineStarts[line], lineStarts[line + 1]);
    }

    @Override
    public int size() {
        return lineStarts.length - 1;
    }

    /** The tokens of one line, a read-only view. */
    private final class LineTokens extends AbstractList<String> implements RandomAccess {
        private final int from;
        private final int to;

        LineTokens(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public String get(int index) {
            if (index < 0 || index >= to - from) {
                throw new IndexOutOfBoundsException("token " + index + " of a line with " + (to - from));
            }
            return types[ids[from + index]];
        }

        @Override
        public int size() {
            return to - from;
        }
    }

    /** Collects tokens line by line, numbering types by first appearance. */
    static final class Builder {
        private final StringIntMap typeIds = new StringIntMap(1024);
        private int[] bmpTypeIds; // code point -> type id for the Basic Multilingual Plane, -1 = unseen
        private String[] types = new String[64];
        private int[] counts = new int[64];
        private int numTypes;
        private int[] ids = new int[1024];
        private int numTokens;
        private int[] lineStarts;
        private int numLines;

        Builder(int expectedLines) {
            lineStarts = new int[expectedLines + 1];
        }

        void add(String token) {
            int id = typeIds.get(token);
            append(id != StringIntMap.ABSENT ? id : newType(token));
        }

        /** Adds the token {@code line.substring(from, to)}, made only when it is a new type. */
        void add(String line, int from, int to) {
            int id = typeIds.get(line, from, to);
            append(id != StringIntMap.ABSENT ? id : newType(line.substring(from, to)));
        }

        void addCodePoint(int cp) {
            if (cp > 0xFFFF) {
                add(Character.toString(cp));
                return;
            }
            if (bmpTypeIds == null) {
                bmpTypeIds = new int[0x10000];
                Arrays.fill(bmpTypeIds, -1);
            }
            int id = bmpTypeIds[cp];
            if (id < 0) {
                String token = String.valueOf((char) cp);
                int known = typeIds.get(token);
                id = known != StringIntMap.ABSENT ? known : newType(token);
                bmpTypeIds[cp] = id;
            }
            append(id);
        }

        void endLine() {
            if (numLines + 2 > lineStarts.length) {
                lineStarts = Arrays.copyOf(lineStarts, lineStarts.length * 2 + 2);
            }
            lineStarts[++numLines] = numTokens;
        }

        TokenizedText build(Tokenizer tokenizer) {
            return new TokenizedText(
                    Arrays.copyOf(types, numTypes),
                    Arrays.copyOf(counts, numTypes),
                    Arrays.copyOf(ids, numTokens),
                    Arrays.copyOf(lineStarts, numLines + 1),
                    tokenizer);
        }

        private int newType(String token) {
            if (numTypes == types.length) {
                types = Arrays.copyOf(types, numTypes * 2);
                counts = Arrays.copyOf(counts, numTypes * 2);
            }
            types[numTypes] = token;
            typeIds.putIfAbsent(token, numTypes);
            return numTypes++;
        }

        private void append(int typeId) {
            if (numTokens == ids.length) {
                ids = Arrays.copyOf(ids, numTokens * 2);
            }
            ids[numTokens++] = typeId;
            counts[typeId]++;
        }
    }
}
