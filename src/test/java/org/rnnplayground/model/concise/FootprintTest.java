package org.rnnplayground.model.concise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Layer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.Footprint;
import org.rnnplayground.model.RnnParams;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.TrainHyper;

/**
 * A model's own estimate against the model: the parameter count equals what the built model
 * reports, for every kind, layer count and input; the working memory of a training step bounds
 * from above, within a factor of two, the buffers that the layers really hold after a step, counted
 * by walking their fields (ND4J arrays by their buffer, Java arrays by their length); and the
 * trace's estimate bounds what a traced forward pass leaves behind.
 */
class FootprintTest {

    private static final int VOCAB = 37;
    private static final int HIDDEN = 11;

    private static ModelSpec spec(String impl, int layers, int embedding) {
        Implementation implementation = Implementation.valueOf(impl);
        return implementation.library() ? new ModelSpec(implementation, layers, embedding) : ModelSpec.scratch();
    }

    private static TrainConfig config(int batchSize, int numSteps, TrainConfig.Precision precision) {
        TrainConfig book = TrainConfig.book();
        return new TrainConfig(
                HIDDEN,
                batchSize,
                numSteps,
                1,
                book.hyper(),
                book.sampler(),
                book.activation(),
                precision,
                0,
                0,
                "a",
                0,
                book.decoding());
    }

    @ParameterizedTest
    @CsvSource({
        "SCRATCH, 1, 0",
        "LIBRARY_RNN, 1, 0",
        "LIBRARY_RNN, 2, 0",
        "LIBRARY_RNN, 3, 5",
        "LIBRARY_RNN, 4, 0",
        "LIBRARY_GRU, 1, 0",
        "LIBRARY_GRU, 2, 5",
        "LIBRARY_GRU, 3, 0",
        "LIBRARY_GRU, 4, 5",
        "LIBRARY_LSTM, 1, 5",
        "LIBRARY_LSTM, 2, 0",
        "LIBRARY_LSTM, 3, 5",
        "LIBRARY_LSTM, 4, 0"
    })
    void theParameterCountIsTheBuiltModels(String impl, int layers, int embedding) {
        ModelSpec spec = spec(impl, layers, embedding);
        TrainConfig config = config(2, 3, TrainConfig.Precision.FLOAT32);
        CharModel model = spec.newModel(VOCAB, config);
        assertEquals(model.parameterCount(), spec.footprint(VOCAB, config).parameters());
    }

    @ParameterizedTest
    @CsvSource({
        "SCRATCH, 1, 0, FLOAT32",
        "SCRATCH, 1, 0, FLOAT64",
        "LIBRARY_RNN, 1, 0, FLOAT32",
        "LIBRARY_RNN, 2, 6, FLOAT64",
        "LIBRARY_GRU, 1, 0, FLOAT32",
        "LIBRARY_GRU, 3, 6, FLOAT32",
        "LIBRARY_GRU, 2, 0, FLOAT64",
        "LIBRARY_LSTM, 1, 0, FLOAT32",
        "LIBRARY_LSTM, 2, 6, FLOAT64",
        "LIBRARY_LSTM, 4, 0, FLOAT32"
    })
    void theWorkingMemoryBoundsWhatATrainingStepAllocates(
            String impl, int layers, int embedding, TrainConfig.Precision precision) {
        ModelSpec spec = spec(impl, layers, embedding);
        int batchSize = 4, numSteps = 9;
        TrainConfig config = config(batchSize, numSteps, precision);
        CharModel model = spec.newModel(VOCAB, config);
        SplittableRandom random = new SplittableRandom(1);
        int[][] x = new int[batchSize][numSteps], y = new int[batchSize][numSteps];
        for (int i = 0; i < batchSize; i++) {
            for (int t = 0; t < numSteps; t++) {
                x[i][t] = random.nextInt(VOCAB);
                y[i][t] = random.nextInt(VOCAB);
            }
        }
        model.trainStep(x, y, model.beginState(batchSize), TrainHyper.clipped(1, 1));

        long held = heldBytes(model);
        Footprint f = spec.footprint(VOCAB, config);
        assertTrue(held > 0, "the walk found the buffers");
        assertTrue(f.trainingBytes() >= held, "estimate " + f.trainingBytes() + " < held " + held);
        assertTrue(f.trainingBytes() <= 2 * held, "estimate " + f.trainingBytes() + " > 2 x held " + held);
        // the estimate grows as the buffers do: twice the rows, about twice the bytes
        Footprint twice = spec.footprint(VOCAB, config(2 * batchSize, numSteps, precision));
        assertTrue(twice.trainingBytes() > 1.8 * f.trainingBytes() && twice.trainingBytes() <= 2 * f.trainingBytes());

        model.releaseWorkingMemory();
        assertTrue(heldBytes(model) < held / 10, "released: " + heldBytes(model) + " of " + held);

        // a traced forward pass of a fresh model holds no more than the trace's estimate
        CharModel traced = spec.newModel(VOCAB, config);
        traced.traceShapes(x);
        long tracedHeld = heldBytes(traced);
        assertTrue(tracedHeld > 0 && f.traceBytes() >= tracedHeld, "trace " + f.traceBytes() + " < " + tracedHeld);
    }

    /**
     * Bytes of the per-minibatch buffers a model holds: every ND4J buffer and Java array reachable
     * from the fields of our own classes (the model, its layers, their workspaces), each counted
     * once, parameters and their gradients ({@link RnnParams}, DL4J's flat vectors) left out.
     */
    static long heldBytes(CharModel model) {
        List<Object> roots = new ArrayList<>();
        roots.add(model);
        if (model instanceof ConciseRnn concise) {
            for (Layer layer : concise.network().getLayers()) {
                roots.add(layer);
            }
        }
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        long[] bytes = {0};
        for (Object root : roots) {
            walk(root, seen, bytes);
        }
        return bytes[0];
    }

    private static void walk(Object o, Set<Object> seen, long[] bytes) {
        if (o == null || o instanceof RnnParams) {
            return;
        }
        if (o instanceof INDArray a) {
            DataBuffer buffer = a.data().originalDataBuffer() != null ? a.data().originalDataBuffer() : a.data();
            if (seen.add(buffer)) {
                bytes[0] += buffer.length() * buffer.getElementSize();
            }
            return;
        }
        if (!seen.add(o)) {
            return;
        }
        Class<?> type = o.getClass();
        if (type.isArray()) {
            int n = Array.getLength(o);
            Class<?> component = type.getComponentType();
            if (component.isPrimitive()) {
                bytes[0] += (long) n * primitiveBytes(component);
            } else {
                for (int i = 0; i < n; i++) {
                    walk(Array.get(o, i), seen, bytes);
                }
            }
            return;
        }
        for (Class<?> c = type; c != null && c.getName().startsWith("org.rnnplayground."); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                field.setAccessible(true);
                try {
                    walk(field.get(o), seen, bytes);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static int primitiveBytes(Class<?> type) {
        if (type == double.class || type == long.class) {
            return 8;
        }
        if (type == float.class || type == int.class) {
            return 4;
        }
        return type == short.class || type == char.class ? 2 : 1;
    }
}
