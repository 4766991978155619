package org.rnnplayground.work;

/** A kind of heavy work with its own pool. */
public enum WorkKind {
    /** Forward passes of the Shapes page. */
    SHAPES("shape-trace"),
    /** Text generated with a finished run's model. */
    GENERATION("generation"),
    /** Fits of the sequence page's small models. */
    SEQUENCE("sequence-fit"),
    /** Cleaning, tokenizing and counting texts. */
    TEXT_ANALYSIS("text-analysis"),
    /** Reading and downloading catalog corpora. */
    CORPUS_DOWNLOAD("corpus-io"),
    /** The Minibatches page's counts of coverage over many epochs. */
    COVERAGE("coverage"),
    /** The Inside page's passes over a run's model: hidden states, next-token odds, gradients through time. */
    INSIDE("inside");

    private final String threadName;

    WorkKind(String threadName) {
        this.threadName = threadName;
    }

    /** The prefix of its threads' names. */
    public String threadName() {
        return threadName;
    }
}
