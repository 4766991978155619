package org.rnnplayground;

import java.io.PrintStream;
import java.util.Arrays;
import org.rnnplayground.cli.TrainCommand;
import org.rnnplayground.text.TextBenchmark;

/** Headless sub-commands of the jar: {@code java -jar rnn-playground.jar COMMAND [options]}. */
final class CommandLine {

    private CommandLine() {}

    /**
     * Runs one sub-command.
     *
     * @return the process exit status
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (command) {
            case "train" -> TrainCommand.run(rest, out);
            case "bench-text" -> {
                try {
                    TextBenchmark.main(rest);
                    yield 0;
                } catch (java.io.IOException e) {
                    err.println("error: " + e.getMessage());
                    yield 2;
                }
            }
            default -> {
                err.println(
                        "Unknown command '" + command + "'. Commands: train (headless training, --help for"
                                + " its options), bench-text CORPUS [MB] [REPETITIONS] (text pipeline timing). Run without arguments to start the web app.");
                yield 2;
            }
        };
    }
}
