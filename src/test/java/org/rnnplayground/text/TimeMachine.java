package org.rnnplayground.text;

import org.rnnplayground.corpus.TestCorpora;

/**
 * The Time Machine from the corpus cache, downloaded into it if needed (never copied into the
 * repository); a test that cannot have it is skipped, see {@link TestCorpora}.
 */
final class TimeMachine {
    private TimeMachine() {}

    static String text() {
        return TestCorpora.timeMachine();
    }
}
