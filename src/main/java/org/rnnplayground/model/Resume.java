package org.rnnplayground.model;

/**
 * Where a run picks up after an interruption: the parameters saved at the end of an epoch. With
 * them, and the sampler's random generator advanced past the epochs done, the run goes on exactly
 * as if it had never stopped (the sequential sampler starts each epoch from a fresh state, and the
 * samples' seeds follow the epoch).
 *
 * @param epochsDone epochs finished before the checkpoint, at least 1
 * @param parameters the model's {@link CharModel#parameters()} at that point, [parameterCount]
 */
public record Resume(int epochsDone, double[] parameters) {

    public Resume {
        if (epochsDone < 1) {
            throw new IllegalArgumentException("a checkpoint follows at least one epoch, got " + epochsDone);
        }
        if (parameters == null || parameters.length == 0) {
            throw new IllegalArgumentException("a checkpoint needs the parameters");
        }
    }
}
