package org.rnnplayground.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** The opening of a text shows what the whole text's first page shows, at a bounded cost. */
class TextOpeningTest {

    private static final int OPENING = 64 * 1024;

    /** The tokens of the first page, row by row, as the Text page shows them. */
    private static List<List<String>> firstPage(ProcessedText text) {
        TokenPage page = TokenPage.at(text, TokenPage.Position.START, TokenPage.Limits.DEFAULT);
        List<List<String>> rows = new ArrayList<>();
        for (TokenPage.Row row : page.rows()) {
            List<String> tokens = new ArrayList<>();
            for (int t = row.from(); t < row.to(); t++) {
                tokens.add(text.tokenAt(text.lineStart(row.line()) + t));
            }
            rows.add(tokens);
        }
        return rows;
    }

    private static String chinese(int chars) {
        Random random = new Random(3);
        StringBuilder text = new StringBuilder();
        while (text.length() < chars) {
            text.append((char) (0x4E00 + random.nextInt(3000)));
            if (text.length() % 30 == 0) {
                text.append("。\n");
            }
        }
        return text.toString();
    }

    @Test
    void theOpeningsFirstPageIsTheWholeTextsFirstPage() {
        TextOptions unicodeChars = new TextOptions(CleaningMode.UNICODE, true, TokenizerKind.CHAR, 0, 0);
        TextOptions unicodeWords = new TextOptions(CleaningMode.UNICODE, false, TokenizerKind.WORD, 0, 0);
        record Case(String text, TextOptions options) {}
        List<Case> cases = List.of(
                new Case(AdversarialTexts.distinctWords(300_000), TextOptions.bookWords()),
                new Case(AdversarialTexts.distinctWords(300_000), TextOptions.bookChars()),
                new Case(AdversarialTexts.singleLine(2_000_000, 5), TextOptions.bookWords()),
                new Case(AdversarialTexts.singleLine(2_000_000, 5), TextOptions.bookChars()),
                new Case(AdversarialTexts.repeated('a', 1_000_000), TextOptions.bookWords()),
                new Case(chinese(500_000), unicodeChars),
                new Case(chinese(500_000), unicodeWords));
        for (Case c : cases) {
            ProcessedText whole = TextPipeline.process(c.text(), c.options());
            ProcessedText opening = TextPipeline.opening(c.text(), c.options(), OPENING);
            List<List<String>> expected = firstPage(whole);
            List<List<String>> shown = firstPage(opening);
            // a token cut by the opening's end may be shorter, but never on screen differently:
            // tokens are shown with at most maxTokenChars characters
            int max = TokenPage.Limits.DEFAULT.maxTokenChars();
            assertThat(shown.size()).as(c.options() + " rows").isEqualTo(expected.size());
            for (int r = 0; r < expected.size(); r++) {
                assertThat(shown.get(r).stream().map(t -> t.substring(0, Math.min(max, t.length()))))
                        .as(c.options() + " row " + r)
                        .containsExactlyElementsOf(expected.get(r).stream()
                                .map(t -> t.substring(0, Math.min(max, t.length())))
                                .toList());
            }
            assertThat(opening.corpusLength()).isLessThanOrEqualTo(OPENING);
        }
    }

    @Test
    void aBpeOpeningIsSplitIntoCharactersUntilTheMergesAreLearned() {
        String text = AdversarialTexts.distinctWords(10_000);
        TextOptions bpe = new TextOptions(CleaningMode.BOOK, true, TokenizerKind.BPE, 50, 0);
        ProcessedText opening = TextPipeline.opening(text, bpe, OPENING);
        ProcessedText chars = TextPipeline.opening(text, TextOptions.bookChars(), OPENING);
        assertThat(firstPage(opening)).isEqualTo(firstPage(chars));
        assertThat(opening.options()).isEqualTo(bpe);
    }

    @Test
    void processingStopsWhenNobodyWantsTheResult() {
        String text = AdversarialTexts.distinctWords(1000);
        int[] asked = {0};
        assertThatThrownBy(() -> TextPipeline.process(text, TextOptions.bookWords(), () -> ++asked[0] >= 2))
                .isInstanceOf(CancellationException.class);
        assertThat(asked[0]).isEqualTo(2);
        assertThat(TextPipeline.process(text, TextOptions.bookWords(), () -> false))
                .isEqualTo(TextPipeline.process(text, TextOptions.bookWords()));
    }
}
