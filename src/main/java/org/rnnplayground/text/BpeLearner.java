package org.rnnplayground.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Learns BPE merges with the rules documented on {@link BpeTokenizer}, keeping pair counts up to
 * date instead of recounting all words after each merge: a merge only revisits the words that
 * contain the merged pair.
 *
 * <p>Symbols are numbered; a pair {@code (left, right)} is packed into one {@code long} and owns a
 * <i>slot</i> holding its weighted count and the words it occurs in (a word may be listed twice or
 * no longer contain the pair; both are checked when the list is read).
 *
 * <p>The next merge comes from a priority queue ordered by count (highest first), then by first
 * occurrence (earliest first), written as (word index, character offset in the word). Entries are
 * not removed when a pair changes; a new entry is pushed instead, and a popped entry whose count
 * is out of date is dropped. The character offset of an occurrence never changes when other
 * symbols merge, and a pair's occurrences only disappear, so its first occurrence only moves
 * later: an entry's recorded first occurrence is a lower bound, checked when the entry reaches the
 * top and pushed again if it moved. One learner learns once.
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
    private long[] slotFirst = new long[1024]; // lower bound of the first occurrence, packed (word, offset)
    private int[][] slotWords = new int[1024][];
    private int[] slotWordCount = new int[1024];
    private boolean[] slotDirty = new boolean[1024]; // touched since the queue last heard of it
    private int[] slotQueuedCount = new int[1024]; // count of the newest queue entry of the slot
    private long[] slotQueuedFirst = new long[1024]; // first occurrence of the newest queue entry
    private int numSlots;
    private int[] dirty = new int[64];
    private int numDirty;

    private final PriorityQueue<Candidate> queue = new PriorityQueue<>();

    /** A queue entry: a slot with its count and a lower bound of its first occurrence when pushed. */
    private record Candidate(int count, long first, int slot) implements Comparable<Candidate> {
        @Override
        public int compareTo(Candidate other) {
            int byCount = Integer.compare(other.count, count);
            return byCount != 0 ? byCount : Long.compare(first, other.first);
        }
    }

    BpeLearner(List<String> lines) {
        Map<String, int[]> counter = new LinkedHashMap<>();
        for (String line : lines) {
            WordTokenizer.forEachWord(
                    line,
                    word -> BpeTokenizer.forEachPiece(
                            word, piece -> counter.computeIfAbsent(piece, p -> new int[1])[0]++));
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
        pushDirtySlots();
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
            pushDirtySlots();
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

    /** The slot with the highest count, ties to the pair that occurs first; -1 if no pair is left. */
    private int bestSlot() {
        while (!queue.isEmpty()) {
            Candidate top = queue.poll();
            int slot = top.slot();
            if (top.count() != slotCount[slot] || top.count() <= 0) {
                continue; // out of date: a newer entry was pushed when the count changed
            }
            long first = firstOccurrence(slot);
            slotFirst[slot] = first;
            if (first != top.first()) {
                queue.add(new Candidate(top.count(), first, slot)); // its first occurrence moved later
                slotQueuedFirst[slot] = first;
                continue;
            }
            return slot;
        }
        return -1;
    }

    private void pushDirtySlots() {
        for (int k = 0; k < numDirty; k++) {
            int slot = dirty[k];
            slotDirty[slot] = false;
            // A word that is rewritten removes and re-adds all its pairs; most come back with the
            // same count. Queue only real changes, or the queue grows by every pair of every
            // rewritten word at every merge.
            boolean changed = slotCount[slot] != slotQueuedCount[slot] || slotFirst[slot] < slotQueuedFirst[slot];
            if (slotCount[slot] > 0 && changed) {
                queue.add(new Candidate(slotCount[slot], slotFirst[slot], slot));
                slotQueuedCount[slot] = slotCount[slot];
                slotQueuedFirst[slot] = slotFirst[slot];
            }
        }
        numDirty = 0;
    }

    /** @return (word index, character offset) of the pair's first occurrence, packed so that smaller is earlier */
    private long firstOccurrence(int slot) {
        int left = (int) (slotPair[slot] >>> 32);
        int right = (int) slotPair[slot];
        long first = Long.MAX_VALUE;
        int[] list = slotWords[slot];
        for (int k = 0; k < slotWordCount[slot]; k++) {
            int w = list[k];
            if (w < (int) (first >>> 32)) {
                int offset = offsetOfPair(w, left, right);
                if (offset >= 0) {
                    first = LongIntMap.pack(w, offset);
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
            if (visitedAt[w] == step || offsetOfPair(w, left, right) < 0) {
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
        int offset = 0; // character offset of syms[i] in the word
        for (int i = 0; i + 1 < lengths[w]; i++) {
            long pair = LongIntMap.pack(syms[i], syms[i + 1]);
            int slot = sign > 0 ? slotFor(pair) : slotOfPair.get(pair);
            slotCount[slot] += sign * wordFreqs[w];
            if (sign > 0) {
                listWord(slot, w);
                slotFirst[slot] = Math.min(slotFirst[slot], LongIntMap.pack(w, offset));
            }
            if (!slotDirty[slot]) {
                slotDirty[slot] = true;
                if (numDirty == dirty.length) {
                    dirty = Arrays.copyOf(dirty, numDirty * 2);
                }
                dirty[numDirty++] = slot;
            }
            offset += symbols.get(syms[i]).length();
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
            slotFirst = Arrays.copyOf(slotFirst, capacity);
            slotWords = Arrays.copyOf(slotWords, capacity);
            slotWordCount = Arrays.copyOf(slotWordCount, capacity);
            slotDirty = Arrays.copyOf(slotDirty, capacity);
            slotQueuedCount = Arrays.copyOf(slotQueuedCount, capacity);
            slotQueuedFirst = Arrays.copyOf(slotQueuedFirst, capacity);
        }
        slotPair[numSlots] = pair;
        slotFirst[numSlots] = Long.MAX_VALUE;
        slotQueuedFirst[numSlots] = Long.MAX_VALUE;
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

    /** @return the character offset of the leftmost occurrence of the pair in word {@code w}, or -1 */
    private int offsetOfPair(int w, int left, int right) {
        int[] syms = words[w];
        int offset = 0;
        for (int i = 0; i + 1 < lengths[w]; i++) {
            if (syms[i] == left && syms[i + 1] == right) {
                return offset;
            }
            offset += symbols.get(syms[i]).length();
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
