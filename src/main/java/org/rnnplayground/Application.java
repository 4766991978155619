package org.rnnplayground;

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
            System.exit(CommandLine.run(args, System.out, System.err));
        }
        SpringApplication.run(Application.class, args);
    }
}
