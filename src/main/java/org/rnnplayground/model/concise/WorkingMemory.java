package org.rnnplayground.model.concise;

/** A layer that keeps buffers from one pass to the next and can drop them (see {@link ConciseRnn}). */
interface WorkingMemory {

    /** Drops the buffers and what refers into them; the next pass allocates them again. */
    void release();
}
