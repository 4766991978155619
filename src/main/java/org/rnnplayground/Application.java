package org.rnnplayground;

import java.io.PrintStream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the web app; {@code java -jar rnn-playground.jar train ...} instead runs the headless
 * training command line without starting the web server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            // Results go to stdout; everything libraries log goes to stderr, so --json output is clean.
            PrintStream results = System.out;
            System.setOut(System.err);
            System.exit(CommandLine.run(args, results, System.err));
        }
        SpringApplication.run(Application.class, args);
    }
}
