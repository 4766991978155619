package org.rnnplayground.inside;

import java.util.ArrayList;
import java.util.List;
import org.rnnplayground.model.Channel;
import org.rnnplayground.model.CharModel;

/**
 * What every recurrent layer of a model computed at every step of a passage read from a zero state:
 * each layer's {@code H}, and for gated cells its memory cell and gates.
 *
 * <p>Step {@code t} (from 0) is the state after reading token {@code t} of the passage, the state from
 * which the model predicts token {@code t + 1}.
 *
 * @param channels per layer from the input up, {@code H} first; each [num_steps, 1, num_hiddens]
 */
public record HiddenStates(List<Channel> channels) {

    public HiddenStates {
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("no channels");
        }
    }

    /** Runs {@code model} over the passage (all tokens but the last), from a zero state. */
    public static HiddenStates of(CharModel model, Passage passage) {
        return new HiddenStates(model.channels(passage.inputs(), model.beginState(1)));
    }

    /** Layer and name of every channel, in order, e.g. {@code 0 H}, {@code 0 C}. */
    public List<Channel> list() {
        return channels;
    }

    /** The channel named {@code name} of layer {@code layer}. */
    public Channel channel(int layer, String name) {
        for (Channel c : channels) {
            if (c.layer() == layer && c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no channel " + name + " in layer " + layer);
    }

    /** The layers: 1 + the highest layer index. */
    public int numLayers() {
        return channels.get(channels.size() - 1).layer() + 1;
    }

    /** The names of one layer's channels, {@code H} first. */
    public List<String> names(int layer) {
        List<String> names = new ArrayList<>();
        for (Channel c : channels) {
            if (c.layer() == layer) {
                names.add(c.name());
            }
        }
        return names;
    }

    /**
     * One unit's value at every step.
     *
     * @return [num_steps]
     */
    public static double[] unit(Channel c, int unit) {
        double[] out = new double[c.numSteps()];
        for (int t = 0; t < out.length; t++) {
            out[t] = c.value(t, 0, unit);
        }
        return out;
    }
}
