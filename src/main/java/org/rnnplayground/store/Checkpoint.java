package org.rnnplayground.store;

import java.time.Instant;
import java.util.UUID;

/**
 * What resuming a run needs, taken after {@code epoch} epochs and {@code minibatch} minibatches of
 * the next (0 at an epoch's end). The bytes are the runtime's own encoding, named by {@code format}
 * so a later version can tell old checkpoints apart. Arrays are not copied: do not change them.
 *
 * @param runId the run
 * @param epoch epochs done
 * @param minibatch minibatches done in the next epoch, 0 at an epoch's end
 * @param format how the bytes are encoded (for example {@code scratch-f32-v1}), up to 40 characters
 * @param parameters the model's parameters
 * @param samplerState where the sampler is (offsets, shuffle), or null
 * @param randomState the random generators' state, or null
 * @param extraState any other training state (carried hidden state, updater state), or null
 * @param createdAt when it was taken
 */
public record Checkpoint(
        UUID runId,
        int epoch,
        int minibatch,
        String format,
        byte[] parameters,
        byte[] samplerState,
        byte[] randomState,
        byte[] extraState,
        Instant createdAt) {

    public Checkpoint {
        if (runId == null || format == null || parameters == null || createdAt == null) {
            throw new IllegalArgumentException("a checkpoint needs its run, format, parameters and time");
        }
        if (format.isBlank() || format.length() > 40) {
            throw new IllegalArgumentException(
                    "a checkpoint's format must be 1 to 40 characters, got '" + format + "'");
        }
        if (epoch < 0 || minibatch < 0) {
            throw new IllegalArgumentException(
                    "a checkpoint's epoch and minibatch must be >= 0, got " + epoch + " and " + minibatch);
        }
    }

    @Override
    public String toString() {
        return "Checkpoint[run " + runId + ", epoch " + epoch + ", minibatch " + minibatch + ", " + format + ", "
                + parameters.length + " parameter bytes]";
    }
}
