package org.rnnplayground.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenPageTest {

    /** Walks all pages from the start, checking each against the limits. */
    private static List<TokenPage> allPages(ProcessedText text, TokenPage.Limits limits) {
        List<TokenPage> pages = new ArrayList<>();
        TokenPage.Position at = TokenPage.Position.START;
        while (!at.isEnd(text)) {
            TokenPage page = TokenPage.at(text, at, limits);
            assertThat(page.rows()).isNotEmpty().hasSizeLessThanOrEqualTo(limits.maxLines());
            assertThat(page.numTokens()).isLessThanOrEqualTo(limits.maxTokens());
            int chars = 0;
            for (TokenPage.Row row : page.rows()) {
                for (int t = row.from(); t < row.to(); t++) {
                    chars += limits.charsOf(text.tokenAt(text.lineStart(row.line()) + t));
                }
            }
            assertThat(chars).isLessThanOrEqualTo(limits.maxChars());
            pages.add(page);
            at = page.end();
        }
        return pages;
    }

    /** Asserts that the pages show every line and every token exactly once, in order. */
    private static void assertCoversTheText(ProcessedText text, List<TokenPage> pages) {
        int line = 0;
        int token = 0;
        for (TokenPage page : pages) {
            for (TokenPage.Row row : page.rows()) {
                if (token == text.lineLength(line) && row.line() != line) {
                    line++;
                    token = 0;
                }
                assertThat(row.line()).isEqualTo(line);
                assertThat(row.from()).isEqualTo(token);
                assertThat(row.lineLength()).isEqualTo(text.lineLength(line));
                token = row.to();
            }
        }
        assertThat(line).isEqualTo(text.lines().size() - 1);
        assertThat(token).isEqualTo(text.lineLength(line));
    }

    @Test
    void theTimeMachineHasTheBooksLinesNumberedFromZero() {
        String raw = TimeMachine.text();
        // d2l's len(lines): readlines() gives one line per line break, plus an unterminated last line
        long lineBreaks = raw.chars().filter(c -> c == '\n').count();
        long booksLines = lineBreaks + (raw.endsWith("\n") ? 0 : 1);
        assertThat(booksLines).isEqualTo(3221);

        ProcessedText text = TextPipeline.process(raw, TextOptions.bookWords());
        assertThat(text.lines()).hasSize((int) booksLines);
        TokenPage first = TokenPage.at(text, TokenPage.Position.START, TokenPage.Limits.DEFAULT);
        assertThat(first.firstLine()).isZero();
        assertThat(first.rows())
                .extracting(TokenPage.Row::line)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        TokenPage.Row zero = first.rows().getFirst();
        assertThat(text.lines().get(0)).isEqualTo("the time machine by h g wells");
        assertThat(zero.to()).isEqualTo(7);
        // empty lines of the book are rows too, with no tokens
        assertThat(first.rows()).anySatisfy(r -> assertThat(r.lineLength()).isZero());
        assertCoversTheText(text, allPages(text, TokenPage.Limits.DEFAULT));
    }

    @Test
    void aGiantLineIsCutIntoBoundedPages() {
        ProcessedText text = TextPipeline.process(AdversarialTexts.singleLine(50_000, 3), TextOptions.bookChars());
        assertThat(text.lines()).hasSize(1);
        List<TokenPage> pages = allPages(text, TokenPage.Limits.DEFAULT);
        assertThat(pages.size()).isGreaterThanOrEqualTo(text.corpusLength() / TokenPage.Limits.DEFAULT.maxTokens());
        assertThat(pages.get(0).rows().getFirst().continues()).isTrue();
        assertThat(pages.get(1).rows().getFirst().continued()).isTrue();
        assertCoversTheText(text, pages);
    }

    @Test
    void aGiantTokenCountsOnlyTheCharactersShown() {
        // one word token of a million letters, then a short line
        ProcessedText text =
                TextPipeline.process(AdversarialTexts.repeated('a', 1_000_000) + "\nb c\n", TextOptions.bookWords());
        TokenPage.Limits limits = new TokenPage.Limits(16, 400, 100, 40);
        List<TokenPage> pages = allPages(text, limits);
        assertThat(pages.getFirst().rows()).hasSize(2);
        assertCoversTheText(text, pages);
    }

    @Test
    void linesStayWholeWhenTheyFitOnAPage() {
        // five lines of ten char tokens each ("abcde fghi" is 10 characters), 25 tokens per page
        String raw = "abcde fghi\n".repeat(5);
        ProcessedText text = TextPipeline.process(raw, TextOptions.bookChars());
        List<TokenPage> pages = allPages(text, new TokenPage.Limits(16, 25, 1000, 10));
        assertThat(pages).hasSize(3);
        for (TokenPage page : pages) {
            assertThat(page.rows()).allSatisfy(r -> {
                assertThat(r.continued()).isFalse();
                assertThat(r.continues()).isFalse();
            });
        }
        assertCoversTheText(text, pages);
    }

    @Test
    void limitsExplainWhatIsWrong() {
        assertThatThrownBy(() -> new TokenPage.Limits(0, 10, 100, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one line");
        assertThatThrownBy(() -> new TokenPage.Limits(4, 10, 5, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxChars >= maxTokenChars");
    }
}
