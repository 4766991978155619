package org.rnnplayground.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.Channel;
import org.rnnplayground.model.concise.CellType;
import org.rnnplayground.model.concise.ConciseRnn;

/**
 * The gates a gated cell hands out are the ones its H was computed from: the book's equations hold
 * between the channels, step by step (d2l 9.1 for the GRU, 9.2 for the LSTM), for every layer.
 */
class ChannelsTest {

    static final int V = 6, H = 5, B = 3, T = 7, LAYERS = 2;

    @Test
    void lstmHiddenStateIsTheOutputGateTimesTanhOfTheMemoryCell() {
        List<Channel> channels = channels(CellType.LSTM);
        for (int l = 0; l < LAYERS; l++) {
            Channel h = find(channels, l, "H"), c = find(channels, l, "C");
            Channel i = find(channels, l, "I"), f = find(channels, l, "F"), o = find(channels, l, "O");
            Channel candidate = find(channels, l, "C~");
            for (int t = 0; t < T; t++) {
                for (int b = 0; b < B; b++) {
                    for (int j = 0; j < H; j++) {
                        double cPrev = t == 0 ? 0 : c.value(t - 1, b, j); // from a zero state
                        assertEquals(
                                f.value(t, b, j) * cPrev + i.value(t, b, j) * candidate.value(t, b, j),
                                c.value(t, b, j),
                                1e-12,
                                "C_t = F * C_{t-1} + I * C~");
                        assertEquals(
                                o.value(t, b, j) * Math.tanh(c.value(t, b, j)),
                                h.value(t, b, j),
                                1e-12,
                                "H = O * tanh(C)");
                    }
                }
            }
        }
    }

    @Test
    void gruHiddenStateBlendsTheOldStateAndTheCandidateByTheUpdateGate() {
        List<Channel> channels = channels(CellType.GRU);
        for (int l = 0; l < LAYERS; l++) {
            Channel h = find(channels, l, "H"), z = find(channels, l, "Z"), candidate = find(channels, l, "H~");
            Channel r = find(channels, l, "R");
            for (int t = 0; t < T; t++) {
                for (int b = 0; b < B; b++) {
                    for (int j = 0; j < H; j++) {
                        double hPrev = t == 0 ? 0 : h.value(t - 1, b, j);
                        double zt = z.value(t, b, j);
                        assertEquals(zt * hPrev + (1 - zt) * candidate.value(t, b, j), h.value(t, b, j), 1e-12);
                        assertTrue(r.value(t, b, j) > 0 && r.value(t, b, j) < 1, "R is a sigmoid");
                    }
                }
            }
        }
    }

    @Test
    void everyLayerStartsWithItsHiddenState() {
        List<Channel> rnn = channels(CellType.RNN);
        assertEquals(List.of("H", "H"), rnn.stream().map(Channel::name).toList());
        assertEquals(List.of(0, 1), rnn.stream().map(Channel::layer).toList());
        for (Channel c : rnn) {
            assertEquals(B, c.batchSize());
            assertEquals(T, c.numSteps());
            assertEquals(H, c.numHiddens());
        }
    }

    private static List<Channel> channels(CellType cell) {
        ConciseRnn model = ConciseRnn.create(
                new ConciseRnn.Architecture(V, H, cell, LAYERS, 0, Activation.TANH, DataType.DOUBLE, 4));
        SplittableRandom random = new SplittableRandom(8);
        int[][] x = new int[B][T];
        for (int[] row : x) {
            for (int t = 0; t < T; t++) {
                row[t] = random.nextInt(V);
            }
        }
        return model.channels(x, model.beginState(B));
    }

    private static Channel find(List<Channel> channels, int layer, String name) {
        return channels.stream()
                .filter(c -> c.layer() == layer && c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no channel " + name + " in layer " + layer));
    }
}
