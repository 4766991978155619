package org.rnnplayground.text.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnplayground.text.CleaningMode;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;
import org.rnnplayground.text.TokenizerKind;

/** A text never silently becomes empty: book cleaning gives way to Unicode cleaning, or says why. */
class CleaningAdviceTest {

    /** Written for this test. */
    private static final String CHINESE = "模型一个字一个字地读，然后猜下一个字。\n".repeat(5);

    private static final TextOptions BOOK_WORDS = new TextOptions(CleaningMode.BOOK, true, TokenizerKind.WORD, 0, 2);

    @Test
    void aChineseTextIsCleanedInUnicodeModeAndThePagesSaySo() {
        CleaningAdvice.Choice choice = CleaningAdvice.advise(CHINESE, BOOK_WORDS, false);
        assertEquals(new TextOptions(CleaningMode.UNICODE, true, TokenizerKind.WORD, 0, 2), choice.options());
        assertEquals(1, choice.notices().size());
        Notice notice = choice.notices().getFirst();
        assertEquals("text.notice.switchedToUnicode", notice.key());
        assertEquals(List.of(100L), notice.params());
        assertEquals(Notice.Action.NONE, notice.action());
        assertTrue(TextPipeline.process(CHINESE, choice.options()).corpusLength() > 0);
        assertEquals(0, TextPipeline.process(CHINESE, BOOK_WORDS).corpusLength(), "what book cleaning would give");
    }

    @Test
    void bookCleaningChosenForTheTextIsKeptAndExplainedWithTheWayOut() {
        String mixed = CHINESE + "RNN";
        CleaningAdvice.Choice choice = CleaningAdvice.advise(mixed, BOOK_WORDS, true);
        assertEquals(BOOK_WORDS, choice.options());
        Notice notice = choice.notices().getFirst();
        assertEquals("text.notice.bookRemoves", notice.key());
        long kept = Math.round(100 * CleaningMode.bookKeptShare(mixed));
        assertEquals(List.of(100 - kept), notice.params());
        assertEquals(Notice.Action.USE_UNICODE, notice.action());
    }

    @Test
    void whatIsSaidAboutATextStaysWhileItStillHolds() {
        Notice switched =
                CleaningAdvice.advise(CHINESE, BOOK_WORDS, false).notices().getFirst();
        Notice bookRemoves =
                CleaningAdvice.advise(CHINESE, BOOK_WORDS, true).notices().getFirst();
        Notice fallback = Notice.of("corpus.fallback", "Rivers");
        TextOptions unicodeChars = new TextOptions(CleaningMode.UNICODE, true, TokenizerKind.CHAR, 0, 0);
        assertEquals(
                List.of(fallback, switched),
                CleaningAdvice.stillTrue(List.of(fallback, switched, bookRemoves), unicodeChars));
        assertEquals(List.of(fallback), CleaningAdvice.stillTrue(List.of(fallback, switched), BOOK_WORDS));
    }

    @Test
    void englishTextAndUnicodeRequestsAreLeftAlone() {
        String english = "The Time Traveller (for so it will be convenient to speak of him)";
        assertEquals(
                new CleaningAdvice.Choice(BOOK_WORDS, List.of()), CleaningAdvice.advise(english, BOOK_WORDS, false));
        TextOptions unicode = new TextOptions(CleaningMode.UNICODE, false, TokenizerKind.CHAR, 0, 0);
        assertEquals(new CleaningAdvice.Choice(unicode, List.of()), CleaningAdvice.advise(CHINESE, unicode, false));
    }
}
