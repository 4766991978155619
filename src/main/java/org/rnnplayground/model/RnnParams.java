package org.rnnplayground.model;

import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The five parameters of the book's RNN (d2l 8.5.2), or a gradient of the same shapes.
 *
 * <p>The arrays are mutable: training updates them in place. Copies are made with {@link #copy()}.
 *
 * @param wXh {@code W_xh}, [vocab_size, num_hiddens]
 * @param wHh {@code W_hh}, [num_hiddens, num_hiddens]
 * @param bH {@code b_h}, [num_hiddens]
 * @param wHq {@code W_hq}, [num_hiddens, vocab_size]
 * @param bQ {@code b_q}, [vocab_size]
 */
public record RnnParams(INDArray wXh, INDArray wHh, INDArray bH, INDArray wHq, INDArray bQ) {

    /** Standard deviation of the initial weights, as {@code torch.randn(shape) * 0.01} in the book. */
    public static final double INIT_SCALE = 0.01;

    /**
     * The book's initialisation: weights from N(0, 0.01^2), biases zero.
     *
     * <p>The normal draws come from {@code java.util.Random(seed)} in the order {@code W_xh},
     * {@code W_hh}, {@code W_hq}, row by row, so a seed gives the same values in float32 and
     * float64 (up to rounding) on every machine.
     */
    public static RnnParams init(int vocabSize, int numHiddens, DataType dataType, long seed) {
        Random random = new Random(seed);
        return new RnnParams(
                normal(random, vocabSize, numHiddens, dataType),
                normal(random, numHiddens, numHiddens, dataType),
                Nd4j.zeros(dataType, numHiddens),
                normal(random, numHiddens, vocabSize, dataType),
                Nd4j.zeros(dataType, vocabSize));
    }

    private static INDArray normal(Random random, int rows, int cols, DataType dataType) {
        double[] values = new double[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() * INIT_SCALE;
        }
        return Nd4j.create(values, new long[] {rows, cols}, DataType.DOUBLE).castTo(dataType);
    }

    /** Zeros shaped like {@code like}, for gradients. */
    public static RnnParams zerosLike(RnnParams like) {
        return new RnnParams(
                Nd4j.zerosLike(like.wXh),
                Nd4j.zerosLike(like.wHh),
                Nd4j.zerosLike(like.bH),
                Nd4j.zerosLike(like.wHq),
                Nd4j.zerosLike(like.bQ));
    }

    /** The arrays in the book's order {@code W_xh, W_hh, b_h, W_hq, b_q}. */
    public List<INDArray> arrays() {
        return List.of(wXh, wHh, bH, wHq, bQ);
    }

    /** The book's names, in the order of {@link #arrays()}. */
    public static List<String> names() {
        return List.of("W_xh", "W_hh", "b_h", "W_hq", "b_q");
    }

    /** Total number of scalars. */
    public long count() {
        return arrays().stream().mapToLong(INDArray::length).sum();
    }

    /** A deep copy. */
    public RnnParams copy() {
        return new RnnParams(wXh.dup(), wHh.dup(), bH.dup(), wHq.dup(), bQ.dup());
    }

    /** A deep copy in another precision. */
    public RnnParams castTo(DataType dataType) {
        return new RnnParams(
                wXh.castTo(dataType).dup(),
                wHh.castTo(dataType).dup(),
                bH.castTo(dataType).dup(),
                wHq.castTo(dataType).dup(),
                bQ.castTo(dataType).dup());
    }

    public int vocabSize() {
        return (int) wXh.size(0);
    }

    public int numHiddens() {
        return (int) wXh.size(1);
    }

    public DataType dataType() {
        return wXh.dataType();
    }

    /** The global L2 norm over all five arrays, {@code sqrt(sum_p ||p||^2)}, in double. */
    public double globalNorm() {
        return GradClipping.globalNorm(arrays());
    }
}
