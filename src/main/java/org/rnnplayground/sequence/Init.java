package org.rnnplayground.sequence;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Parameter initialisation shared by the models of this package. */
final class Init {

    private Init() {}

    /**
     * Xavier (Glorot) uniform initialisation, as the book's {@code nn.init.xavier_uniform_}: each
     * weight from {@code U(-a, a)} with {@code a = sqrt(6 / (fan_in + fan_out))}, drawn row by row.
     *
     * @return weights, [fanIn, fanOut], float64
     */
    static INDArray xavierUniform(SplittableRandom random, int fanIn, int fanOut) {
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        double[] w = new double[fanIn * fanOut];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextDouble(-a, a);
        }
        return Nd4j.create(w, new long[] {fanIn, fanOut}, DataType.DOUBLE); // [fan_in, fan_out]
    }
}
