package org.rnnplayground.inside.ui;

import org.rnnplayground.inside.GradientsThroughTime;
import org.rnnplayground.inside.HiddenStates;
import org.rnnplayground.inside.NextTokenOdds;
import org.rnnplayground.inside.Passage;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.training.RunSnapshot;

/**
 * The passes of one refresh of the Inside page over one run's model, run on the page's bounded pool:
 * hidden states and next-token odds over the passage, and gradients through time on the run's first
 * minibatch. A finished run's model is shared (generation uses it too): it is locked while it works and
 * its working memory released afterwards.
 */
final class InsideWork {

    /**
     * What the page shows of one run.
     *
     * @param gradients null when the run's text is too short for one minibatch
     */
    record Result(Passage passage, HiddenStates states, NextTokenOdds odds, GradientsThroughTime gradients) {}

    private InsideWork() {}

    /**
     * @param shared whether the model is a finished run's (shared), not a copy made for this refresh
     */
    static Result inspect(CharModel model, RunSnapshot run, Passage passage, boolean shared) {
        synchronized (model) {
            try {
                HiddenStates states = HiddenStates.of(model, passage);
                NextTokenOdds odds = NextTokenOdds.of(model, passage);
                return new Result(passage, states, odds, gradients(model, run));
            } finally {
                if (shared) {
                    model.releaseWorkingMemory();
                }
            }
        }
    }

    /** Gradients through time alone, for the run compared with the first. */
    static GradientsThroughTime gradientsOf(CharModel model, RunSnapshot run, boolean shared) {
        synchronized (model) {
            try {
                return gradients(model, run);
            } finally {
                if (shared) {
                    model.releaseWorkingMemory();
                }
            }
        }
    }

    /** One minibatch of the run's own sizes, under its own clipping. */
    private static GradientsThroughTime gradients(CharModel model, RunSnapshot run) {
        TrainConfig config = run.spec().config();
        int[] corpus = run.text().corpus();
        if ((corpus.length - 1) / config.batchSize() < 1) {
            return null;
        }
        int[][][] xy = GradientsThroughTime.firstMinibatch(corpus, config.batchSize(), config.numSteps());
        return GradientsThroughTime.measure(model, xy[0], xy[1], config.hyper());
    }
}
