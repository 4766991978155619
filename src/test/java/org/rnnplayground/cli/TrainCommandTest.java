package org.rnnplayground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    Path dir;

    String run(int expectedStatus, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = TrainCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(expectedStatus, status, out);
        return out;
    }

    Path corpus() throws IOException {
        Path file = dir.resolve("tiny.txt");
        Files.writeString(file, "The Time Machine, by H. G. Wells\n".repeat(20));
        return file;
    }

    @Test
    void printsOneJsonLineWithTheReferenceFields() throws IOException {
        String out = run(
                0,
                "train",
                "--corpus",
                corpus().toString(),
                "--hidden",
                "8",
                "--batch",
                "2",
                "--steps",
                "5",
                "--epochs",
                "2",
                "--sampler",
                "random",
                "--json");
        String[] lines = out.strip().split("\n");
        assertEquals(1, lines.length, out);
        String json = lines[0];
        for (String field : new String[] {
            "\"impl\": \"scratch\"",
            "\"sampler\": \"random\"",
            "\"hidden\": 8",
            "\"epochs\": 2",
            "\"vocab\": 16",
            "\"tokens_per_s\": ",
            "\"perplexity\": ",
            "\"status\": \"completed\""
        }) {
            assertTrue(json.contains(field), field + " in " + json);
        }
    }

    @Test
    void reportsDivergenceWithStatus1() throws IOException {
        String out = run(
                1,
                "--corpus",
                corpus().toString(),
                "--hidden",
                "8",
                "--batch",
                "2",
                "--steps",
                "5",
                "--epochs",
                "20",
                "--lr",
                "1000",
                "--no-clip",
                "--json");
        assertTrue(out.contains("\"status\": \"diverged\""), out);
    }

    @Test
    void explainsBadArguments() {
        assertTrue(run(2, "train", "--hidden", "8").contains("--corpus FILE is required"));
        assertTrue(run(2, "train", "--corpus", "x", "--sampler", "shuffled").contains("--sampler does not accept"));
        assertTrue(run(2, "train", "--corpus", "x", "--batch", "0").contains("batch_size must be at least 1"));
        assertTrue(run(2, "train", "--corpus", "x", "--threads", "0").contains("--threads must be at least 1, got 0"));
        assertTrue(run(2, "train", "--corpus", "x", "--threads", "-3").contains("--threads must be at least 1"));
        assertTrue(run(2, "train", "--corpus", dir.resolve("missing.txt").toString())
                .contains("cannot read corpus"));
    }
}
