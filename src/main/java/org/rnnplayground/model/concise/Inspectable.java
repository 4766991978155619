package org.rnnplayground.model.concise;

import java.util.List;
import org.rnnplayground.model.BackwardProbe;
import org.rnnplayground.model.Channel;

/** A recurrent layer of ours that shows its internals: each step's gates, and its backward pass. */
interface Inspectable {

    /** Watch this layer's backward passes as layer {@code layer} with {@code probe}, or stop with null. */
    void probe(BackwardProbe probe, int layer);

    /**
     * What the last forward pass computed besides {@code H} (an LSTM's memory cell and gates, a GRU's
     * gates), copied; each [num_steps, batch_size, num_hiddens].
     */
    List<Channel> gateChannels(int layer);
}
