package org.rnnplayground.store;

import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.concise.ModelSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run's {@link TrainConfig} and {@link ModelSpec} as one JSON object ({@code {"config": ...,
 * "model": ...}}), the records' components by name; reading runs their validation again.
 */
final class SpecJson {

    /** The two parts of the column. */
    record Spec(TrainConfig config, ModelSpec model) {}

    private final JsonMapper json = JsonMapper.builder().build();

    String write(TrainConfig config, ModelSpec model) {
        return json.writeValueAsString(new Spec(config, model));
    }

    Spec read(String text) {
        return json.readValue(text, Spec.class);
    }
}
