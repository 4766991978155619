package org.rnnplayground.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Time Machine from the shared corpus cache (never copied into the repository). */
final class TimeMachine {
    private TimeMachine() {}

    static Path path() {
        String cache = System.getProperty("playground.corpus-cache", "../shared/corpora");
        return Path.of(cache, "timemachine.txt");
    }

    static String text() {
        try {
            return Files.readString(path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The Time Machine is expected at " + path().toAbsolutePath(), e);
        }
    }
}
