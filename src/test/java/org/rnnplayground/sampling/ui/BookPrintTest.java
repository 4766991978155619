package org.rnnplayground.sampling.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rnnplayground.sampling.EpochLayout;
import org.rnnplayground.sampling.Minibatch;
import org.rnnplayground.sampling.SamplerKind;
import org.rnnplayground.sampling.Samplers;

class BookPrintTest {

    @Test
    void tensorsArePrintedAsPyTorchDoesAlignedToTheWidestNumber() {
        assertEquals("tensor([[ 3,  4,  5,  6,  7],\n        [18, 19, 20, 21, 22]])", BookPrint.tensor(new int[][] {
            {3, 4, 5, 6, 7}, {18, 19, 20, 21, 22}
        }));
        assertEquals("tensor([[1, 2, 3]])", BookPrint.tensor(new int[][] {{1, 2, 3}}));
        assertEquals("tensor([[  5, 100],\n        [ 12,   0]])", BookPrint.tensor(new int[][] {{5, 100}, {12, 0}}));
    }

    @Test
    void sequentialToyWithOffsetZeroPrintsTheThreeMinibatchesOfTheBooksLoop() {
        EpochLayout layout = Samplers.epoch(SamplerKind.SEQUENTIAL, ToyExamplePanel.TOY, 2, 5, 0, Samplers.rng(1));
        // 34 usable tokens in 2 strips of 17: three minibatches of 5 steps, the last 2 of each strip unused
        assertEquals("""
                X:  tensor([[ 0,  1,  2,  3,  4],
                        [17, 18, 19, 20, 21]])
                Y: tensor([[ 1,  2,  3,  4,  5],
                        [18, 19, 20, 21, 22]])
                X:  tensor([[ 5,  6,  7,  8,  9],
                        [22, 23, 24, 25, 26]])
                Y: tensor([[ 6,  7,  8,  9, 10],
                        [23, 24, 25, 26, 27]])
                X:  tensor([[10, 11, 12, 13, 14],
                        [27, 28, 29, 30, 31]])
                Y: tensor([[11, 12, 13, 14, 15],
                        [28, 29, 30, 31, 32]])""", BookPrint.epoch(layout));
    }

    @Test
    void everyPrintedRowEqualsTheLayoutForEachOffsetOfBothMethods() {
        for (SamplerKind kind : SamplerKind.values()) {
            for (int offset = 0; offset <= kind.maxOffset(5); offset++) {
                EpochLayout layout = Samplers.epoch(kind, ToyExamplePanel.TOY, 2, 5, offset, Samplers.rng(offset));
                List<int[][]> printed = parse(BookPrint.epoch(layout));
                assertEquals(2 * layout.numBatches(), printed.size(), kind + " offset " + offset);
                for (Minibatch batch : layout.minibatches()) {
                    assertArrayEquals(batch.x(), printed.get(2 * batch.index()), kind + " X " + batch.index());
                    assertArrayEquals(batch.y(), printed.get(2 * batch.index() + 1), kind + " Y " + batch.index());
                }
            }
        }
    }

    @Test
    void theHtmlFormReadsExactlyAsThePrintAndColoursEachRowOfX() {
        EpochLayout layout = Samplers.epoch(SamplerKind.RANDOM, ToyExamplePanel.TOY, 2, 5, Samplers.rng(7));
        String html = BookPrint.epochHtml(layout);
        String text = html.replaceAll("<[^>]+>", "");
        assertEquals(BookPrint.epoch(layout), text);
        assertEquals(layout.numBatches(), count(html, "class=\"toy-batch\""));
        assertEquals(layout.numBatches() * 2, count(html, "class=\"toy-x-row\""));
    }

    private static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }

    /** Reads the tensors back from the printed text, in order (X, Y, X, Y, ...). */
    private static List<int[][]> parse(String printed) {
        List<int[][]> tensors = new ArrayList<>();
        Matcher m = Pattern.compile("tensor\\(\\[(.*?)\\]\\)", Pattern.DOTALL).matcher(printed);
        while (m.find()) {
            Matcher row = Pattern.compile("\\[([^\\[\\]]*)\\]").matcher(m.group(1));
            List<int[]> rows = new ArrayList<>();
            while (row.find()) {
                rows.add(Arrays.stream(row.group(1).split(","))
                        .mapToInt(v -> Integer.parseInt(v.trim()))
                        .toArray());
            }
            tensors.add(rows.toArray(int[][]::new));
        }
        return tensors;
    }
}
