package org.rnnplayground.model.concise;

import org.rnnplayground.model.Lane;

/**
 * A layer that can make its weight gradients on a second thread ({@link LaneGradients}) while its
 * own thread runs the recurrence backwards, when {@link ConciseRnn} hands it a step's {@link Lane}
 * and the layer is large enough for it to pay ({@link Lane#pays}).
 */
interface LaneTaker {

    /** The lane of the current step, or {@link Lane#NONE} (the default) to work on one thread. */
    void lane(Lane lane);
}
