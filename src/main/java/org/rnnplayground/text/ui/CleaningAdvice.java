package org.rnnplayground.text.ui;

import java.util.List;
import org.rnnplayground.text.CleaningMode;
import org.rnnplayground.text.TextOptions;

/**
 * Keeps a text from silently becoming empty: book cleaning keeps only the letters A–Z, so on a
 * Chinese, Greek or Russian text it removes nearly everything. Unless the user chose book cleaning
 * for this text, such a text is cleaned in Unicode mode instead; either way the pages say why.
 */
final class CleaningAdvice {

    /**
     * The options to process a text with, and what to tell the user about them.
     *
     * @param options the options to use
     * @param notices what the pages say about the choice (empty when nothing changed)
     */
    record Choice(TextOptions options, List<Notice> notices) {}

    private static final String SWITCHED = "text.notice.switchedToUnicode";
    private static final String BOOK_REMOVES = "text.notice.bookRemoves";

    private CleaningAdvice() {}

    /**
     * @param raw the text before cleaning
     * @param requested the options the form asks for
     * @param bookChosen whether the user chose book cleaning for this very text
     */
    static Choice advise(String raw, TextOptions requested, boolean bookChosen) {
        if (requested.cleaning() != CleaningMode.BOOK || !CleaningMode.bookRemovesMost(raw)) {
            return new Choice(requested, List.of());
        }
        long removedPercent = Math.round(100 * (1 - CleaningMode.bookKeptShare(raw)));
        if (bookChosen) {
            return new Choice(
                    requested, List.of(new Notice(BOOK_REMOVES, List.of(removedPercent), Notice.Action.USE_UNICODE)));
        }
        TextOptions unicode = new TextOptions(
                CleaningMode.UNICODE, true, requested.tokenizer(), requested.bpeMerges(), requested.minFreq());
        return new Choice(unicode, List.of(Notice.of(SWITCHED, removedPercent)));
    }

    /**
     * The notices about a text that still hold when the same text is processed again with other
     * options: why it is cleaned in Unicode mode, as long as it still is; anything not about the
     * cleaning (such as why a sample replaced the default corpus). What {@link #advise} says about
     * book cleaning is left out: it says it again if it still applies.
     */
    static List<Notice> stillTrue(List<Notice> previous, TextOptions next) {
        return previous.stream()
                .filter(n -> !n.key().equals(BOOK_REMOVES))
                .filter(n -> !n.key().equals(SWITCHED) || next.cleaning() == CleaningMode.UNICODE)
                .toList();
    }
}
