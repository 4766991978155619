package org.rnnplayground.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns BPE merges with the rules documented on {@link BpeTokenizer}, keeping pair counts up to
 * date instead of recounting all words after each merge: a merge only revisits the words that
 * contain the merged pair.
 *
 * <p>Symbols are numbered; a pair {@code (left, right)} is packed into one {@code long} and owns a
 * <i>slot</i> holding its weighted count and the words it occurs in (a word may be listed twice or
 * no longer contain the pair; both are checked when the list is read). One learner learns once.
 */
final class BpeLearner {
    private static final int[] NO_WORDS = new int[0];

    private final List<String> wordTexts = new ArrayList<>(); // distinct words, first-appearance order
    private final int[] wordFreqs; // [numWords]
    private final int[][] words; // [numWords][...] current symbol ids of each word
    private final int[] lengths; // [numWords] used length of each words[w]
    private final int[] visitedAt; // [numWords] last merge step that visited the word

    private final List<String> symbols = new ArrayList<>();
    private final Map<String, Integer> symbolIds = new HashMap<>();

    private final LongIntMap slotOfPair = new LongIntMap(1024);
    private long[] slotPair = new long[1024];
    private int[] slotCount = new int[1024];
    private int[][] slotWords = new int[1024][];
    private int[] slotWordCount = new int[1024];
    private int numSlots;

    BpeLearner(List<String> lines) {
        Map<String, int[]> counter = new LinkedHashMap<>();
        for (String line : lines) {
            WordTokenizer.forEachWord(line, word -> counter.computeIfAbsent(word, w -> new int[1])[0]++);
        }
        int numWords = counter.size();
        wordFreqs = new int[numWords];
        words = new int[numWords][];
        lengths = new int[numWords];
        visitedAt = new int[numWords];
        int w = 0;
        for (Map.Entry<String, int[]> entry : counter.entrySet()) {
            String text = entry.getKey();
            wordTexts.add(text);
            wordFreqs[w] = entry.getValue()[0];
            words[w] = text.codePoints()
                    .map(cp -> symbolId(Character.toString(cp)))
                    .toArray();
            lengths[w] = words[w].length;
            addPairs(w, +1);
            w++;
        }
    }

    BpeTokenizer learn(int numMerges) {
        List<BpeMerge> merges = new ArrayList<>();
        for (int step = 1; step <= numMerges; step++) {
            int best = bestSlot();
            if (best < 0) {
                break; // no word has two symbols left
            }
            int left = (int) (slotPair[best] >>> 32);
            int right = (int) slotPair[best];
            BpeMerge merge = BpeMerge.of(symbols.get(left), symbols.get(right), slotCount[best]);
            merges.add(merge);
            mergeEverywhere(best, left, right, symbolId(merge.merged()), step);
        }
        Map<String, List<String>> learnedWords = new HashMap<>();
        for (int w = 0; w < words.length; w++) {
            List<String> segmentation = new ArrayList<>(lengths[w]);
            for (int i = 0; i < lengths[w]; i++) {
                segmentation.add(symbols.get(words[w][i]));
            }
            learnedWords.put(wordTexts.get(w), List.copyOf(segmentation));
        }
        return new BpeTokenizer(merges, learnedWords);
    }

    /** The live slot with the highest count, ties to the pair that occurs first; -1 if none. */
    private int bestSlot() {
        int best = -1;
        long bestFirst = Long.MAX_VALUE;
        for (int s = 0; s < numSlots; s++) {
            int count = slotCount[s];
            if (count <= 0 || (best >= 0 && count < slotCount[best])) {
                continue;
            }
            if (best < 0 || count > slotCount[best]) {
                best = s;
                bestFirst = -1; // computed only if a tie needs it
                continue;
            }
            if (bestFirst < 0) {
                bestFirst = firstOccurrence(best);
            }
            long first = firstOccurrence(s);
            if (first < bestFirst) {
                best = s;
                bestFirst = first;
            }
        }
        return best;
    }

    /** @return (word index, position) of the pair's first occurrence, packed so that smaller is earlier */
    private long firstOccurrence(int slot) {
        int left = (int) (slotPair[slot] >>> 32);
        int right = (int) slotPair[slot];
        long first = Long.MAX_VALUE;
        int[] list = slotWords[slot];
        for (int k = 0; k < slotWordCount[slot]; k++) {
            int w = list[k];
            if (w < (int) (first >>> 32)) {
                int pos = indexOfPair(w, left, right);
                if (pos >= 0) {
                    first = LongIntMap.pack(w, pos);
                }
            }
        }
        return first;
    }

    private void mergeEverywhere(int slot, int left, int right, int merged, int step) {
        int[] list = slotWords[slot];
        int n = slotWordCount[slot];
        slotWords[slot] = NO_WORDS; // words that get the pair again are listed anew
        slotWordCount[slot] = 0;
        for (int k = 0; k < n; k++) {
            int w = list[k];
            if (visitedAt[w] == step || indexOfPair(w, left, right) < 0) {
                continue;
            }
            visitedAt[w] = step;
            addPairs(w, -1);
            int[] syms = words[w];
            int out = 0;
            for (int i = 0; i < lengths[w]; i++) {
                if (i + 1 < lengths[w] && syms[i] == left && syms[i + 1] == right) {
                    syms[out++] = merged;
                    i++;
                } else {
                    syms[out++] = syms[i];
                }
            }
            lengths[w] = out;
            addPairs(w, +1);
        }
    }

    /** Adds ({@code sign} +1) or removes (-1) the pairs of word {@code w}, weighted by its frequency. */
    private void addPairs(int w, int sign) {
        int[] syms = words[w];
        for (int i = 0; i + 1 < lengths[w]; i++) {
            long pair = LongIntMap.pack(syms[i], syms[i + 1]);
            int slot = sign > 0 ? slotFor(pair) : slotOfPair.get(pair);
            slotCount[slot] += sign * wordFreqs[w];
            if (sign > 0) {
                listWord(slot, w);
            }
        }
    }

    private int slotFor(long pair) {
        int existing = slotOfPair.putIfAbsent(pair, numSlots);
        if (existing >= 0) {
            return existing;
        }
        if (numSlots == slotPair.length) {
            int capacity = numSlots * 2;
            slotPair = Arrays.copyOf(slotPair, capacity);
            slotCount = Arrays.copyOf(slotCount, capacity);
            slotWords = Arrays.copyOf(slotWords, capacity);
            slotWordCount = Arrays.copyOf(slotWordCount, capacity);
        }
        slotPair[numSlots] = pair;
        slotWords[numSlots] = NO_WORDS;
        return numSlots++;
    }

    private void listWord(int slot, int w) {
        int n = slotWordCount[slot];
        int[] list = slotWords[slot];
        if (n > 0 && list[n - 1] == w) {
            return;
        }
        if (n == list.length) {
            list = Arrays.copyOf(list, Math.max(4, n * 2));
            slotWords[slot] = list;
        }
        list[n] = w;
        slotWordCount[slot] = n + 1;
    }

    private int indexOfPair(int w, int left, int right) {
        int[] syms = words[w];
        for (int i = 0; i + 1 < lengths[w]; i++) {
            if (syms[i] == left && syms[i + 1] == right) {
                return i;
            }
        }
        return -1;
    }

    private int symbolId(String symbol) {
        Integer id = symbolIds.get(symbol);
        if (id != null) {
            return id;
        }
        symbols.add(symbol);
        symbolIds.put(symbol, symbols.size() - 1);
        return symbols.size() - 1;
    }
}
