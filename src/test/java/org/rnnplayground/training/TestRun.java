package org.rnnplayground.training;

import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;
import org.rnnplayground.text.TextRef;

/** A run for tests: its spec, naming a raw text by hash, and that text resolved, as a page launches them. */
public record TestRun(RunSpec spec, RunText text) {

    public static TestRun of(
            String name, String raw, TextOptions options, int maxTokens, TrainConfig config, ModelSpec model) {
        RunSpec spec = new RunSpec(name, TextRef.of(raw, options), maxTokens, config, model);
        return new TestRun(spec, RunText.resolve(spec, TextPipeline.process(raw, options)));
    }

    /** A from-scratch run named {@code name} on a tiny text of "abc"s, batch 2 by 3 steps. */
    public static TestRun tiny(String name) {
        return of(
                name,
                "abcabcabcabcabcabcabcabcabcabc",
                TextOptions.bookChars(),
                0,
                TrainConfig.book().withBatch(2, 3),
                ModelSpec.scratch());
    }

    public LaunchResult launchBy(RunQueue queue, UserId owner) {
        return queue.launch(owner, spec, text);
    }
}
