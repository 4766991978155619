package org.rnnplayground.training;

/**
 * Where a waiting run stands.
 *
 * @param position 1-based place among the waiting runs that can start as soon as training slots
 *     free: position 1 starts at the next free slot, then position 2, and so on, unless a run
 *     ahead is stopped (the positions then move up); 0 when the run is not in that line
 * @param behindOwnRuns true when the run waits for one of its owner's own runs to end first (the
 *     owner trains as many runs as one user may at once); it then joins the end of the line
 */
public record QueuePlace(int position, boolean behindOwnRuns) {

    /** Not waiting. */
    public static final QueuePlace NONE = new QueuePlace(0, false);

    public QueuePlace {
        if (position < 0 || (behindOwnRuns && position != 0)) {
            throw new IllegalArgumentException("position " + position + ", behind own runs " + behindOwnRuns);
        }
    }

    /** In the line at {@code position} (1-based). */
    public static QueuePlace inLine(int position) {
        if (position < 1) {
            throw new IllegalArgumentException("position must be at least 1: " + position);
        }
        return new QueuePlace(position, false);
    }

    /** Waiting for the owner's own runs to end. */
    public static QueuePlace behindOwn() {
        return new QueuePlace(0, true);
    }

    /** True when the run is waiting at all. */
    public boolean waiting() {
        return position > 0 || behindOwnRuns;
    }
}
