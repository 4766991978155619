package org.rnnplayground.sampling.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rnnplayground.sampling.EpochLayout;
import org.rnnplayground.sampling.Minibatch;
import org.rnnplayground.sampling.SamplerKind;
import org.rnnplayground.sampling.Samplers;

class LayoutHtmlTest {

    static final LayoutHtml.Labels LABELS = new LayoutHtml.Labels(
            i -> "row " + i,
            (i, a, b) -> "row " + i + ": " + a + "-" + b,
            "carried",
            "reset",
            "label",
            "skipped",
            n -> n + " more rows",
            n -> n + " more");

    private static final Pattern ROW_SPAN =
            Pattern.compile("class=\"(?:win-row|mb-row)\" data-row=\"(\\d+)\" data-from=\"(\\d+)\" data-to=\"(\\d+)\"");

    /** A text of lowercase letters and spaces, split over lines of varying length (some empty). */
    private static TokenText chars(int length) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        for (int p = 0; p < length; p++) {
            line.add(p % 7 == 3 ? " " : String.valueOf((char) ('a' + p % 26)));
            if (p % 11 == 10) {
                lines.add(line);
                lines.add(List.of());
                line = new ArrayList<>();
            }
        }
        lines.add(line);
        return new TokenText(lines, false);
    }

    /** Positions covered by each row's spans: [batch_size] sets. */
    private static List<BitSet> covered(String html, int batchSize) {
        List<BitSet> rows = new ArrayList<>();
        for (int i = 0; i < batchSize; i++) {
            rows.add(new BitSet());
        }
        Matcher m = ROW_SPAN.matcher(html);
        while (m.find()) {
            BitSet row = rows.get(Integer.parseInt(m.group(1)));
            int from = Integer.parseInt(m.group(2));
            int to = Integer.parseInt(m.group(3));
            assertFalse(row.get(from, to).cardinality() > 0, "spans of one row do not overlap");
            row.set(from, to);
        }
        return rows;
    }

    @Test
    void theWindowColoursExactlyThePositionsOfEachRowThatFallInsideIt() {
        int length = 400;
        int window = 150;
        TokenText text = chars(length);
        int[] corpus = new int[length];
        for (SamplerKind kind : SamplerKind.values()) {
            for (long seed = 0; seed < 20; seed++) {
                EpochLayout layout = Samplers.epoch(kind, corpus, 4, 9, Samplers.rng(seed));
                for (Minibatch batch : layout.minibatches()) {
                    String html = LayoutHtml.window(layout, batch, text, LABELS, window);
                    List<BitSet> covered = covered(html, batch.batchSize());
                    for (int i = 0; i < batch.batchSize(); i++) {
                        BitSet expected = new BitSet();
                        int start = batch.rowStarts()[i];
                        expected.set(Math.min(start, window), Math.min(start + 9, window));
                        assertEquals(expected, covered.get(i), kind + " seed " + seed + " batch " + batch.index());
                    }
                }
            }
        }
    }

    @Test
    void theWindowShowsEveryTokenOnceAndStrikesThroughTheOffset() {
        TokenText text = chars(200);
        EpochLayout layout = Samplers.epoch(SamplerKind.SEQUENTIAL, new int[200], 2, 10, 7, Samplers.rng(0));
        String html = LayoutHtml.window(layout, layout.minibatches().get(1), text, LABELS, 200);
        assertEquals(text.shown(0, 200), html.replaceAll("<[^>]+>", ""));
        Matcher skipped = Pattern.compile("<span class=\"win-skipped\"[^>]*>([^<]*)</span>")
                .matcher(html);
        assertTrue(skipped.find());
        assertEquals(text.shown(0, 7), skipped.group(1), "the offset's 7 tokens come first, struck through");
    }

    @Test
    void rowsListEveryRowWithItsSpanAndItsTokens() {
        TokenText text = chars(300);
        EpochLayout layout = Samplers.epoch(SamplerKind.RANDOM, new int[300], 5, 12, Samplers.rng(3));
        Minibatch batch = layout.minibatches().get(2);
        String html = LayoutHtml.rows(batch, text, LABELS, false, 64, 60, 4);
        List<BitSet> covered = covered(html, 5);
        for (int i = 0; i < 5; i++) {
            int start = batch.rowStarts()[i];
            BitSet expected = new BitSet();
            expected.set(start, start + 12);
            assertEquals(expected, covered.get(i));
            assertTrue(html.contains("<span class=\"mb-x\" title=\"row " + i + ": " + start + "-" + (start + 11) + "\">"
                    + text.shown(start, start + 12) + "</span>"));
        }
        assertEquals(5, html.split("class=\"mb-row\"", -1).length - 1);
        assertTrue(html.contains(LayoutHtml.RESET));
        assertFalse(html.contains(LayoutHtml.CARRIED));
    }

    @Test
    void rowsBeyondTheLimitAreCountedNotDrawn() {
        TokenText text = chars(300);
        EpochLayout layout = Samplers.epoch(SamplerKind.SEQUENTIAL, new int[300], 10, 3, 0, Samplers.rng(3));
        String html = LayoutHtml.rows(layout.minibatches().get(1), text, LABELS, true, 4, 2, 2);
        assertEquals(4, html.split("class=\"mb-row\"", -1).length - 1);
        assertTrue(html.contains("6 more rows"));
        assertTrue(html.contains("1 more"), "num_steps 3 drawn as 2 tokens and a count");
        assertTrue(html.contains(LayoutHtml.CARRIED));
    }

    @Test
    void tokensAreEscapedAndSpacesShownAsMiddleDots() {
        TokenText words = new TokenText(List.of(List.of("<b>", "&", "x\"y"), List.of("z", "w")), true);
        assertEquals("&lt;b&gt; &amp; x&quot;y", org.rnnplayground.ui.Widgets.escapeHtml(words.shown(0, 3)));
        TokenText chars = new TokenText(List.of(List.of("a", " ", "b")), false);
        assertEquals("a·b", chars.shown(0, 3));
        EpochLayout layout = Samplers.epoch(SamplerKind.RANDOM, new int[5], 1, 1, 0, Samplers.rng(0));
        String html = LayoutHtml.window(layout, layout.minibatches().get(0), words, LABELS, 5);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("&lt;b&gt;"));
    }

    @Test
    void tokenTextFindsTokensAcrossEmptyLines() {
        TokenText text =
                new TokenText(List.of(List.of("a", "b"), List.of(), List.of(), List.of("c"), List.of("d")), false);
        assertEquals(4, text.length());
        assertEquals("abcd", text.shown(0, 4));
        assertEquals("c", text.token(2));
        assertEquals("d", text.token(3));
    }
}
