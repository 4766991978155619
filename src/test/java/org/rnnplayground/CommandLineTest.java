package org.rnnplayground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CommandLine.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void unknownCommandsAreRefusedWithTheListOfCommands() {
        assertEquals(2, run("serve-coffee"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Commands: train"));
    }

    @Test
    void trainHelpPrintsItsUsage() {
        assertEquals(0, run("train", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--hidden"));
    }

    @Test
    void trainWithAMissingCorpusSaysSo() {
        assertEquals(2, run("train", "--corpus", "no/such/file.txt", "--epochs", "1"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("cannot read corpus"));
    }
}
