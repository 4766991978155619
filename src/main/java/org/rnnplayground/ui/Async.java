package org.rnnplayground.ui;

import java.util.concurrent.CompletionException;

/** Helpers for the background work pages start and finish with {@code UI.access}. */
public final class Async {

    private Async() {}

    /** The real failure behind a future's completion exception. */
    public static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
