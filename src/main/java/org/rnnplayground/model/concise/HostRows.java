package org.rnnplayground.model.concise;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@code double[]} copy of a whole c-order ND4J matrix, float32 or float64, for the elementwise
 * work of {@link GruCell}: rows are copied in and out in bulk through a direct NIO view of the
 * native buffer (no per-element JNI, no ND4J op calls), widened from or narrowed to float32 on the
 * way. The arithmetic itself runs in float64 whatever the network's type.
 *
 * <p>Like {@link org.rnnplayground.model.HostMirror}, which holds the array in the network's own
 * type; the GRU's cell has about fifteen lines of arithmetic per element, kept in one copy here
 * instead of a float and a double version. Not thread-safe.
 */
final class HostRows {

    /** Held so that its native buffer, which the NIO views below point into, lives as long as they do. */
    private final INDArray matrix;

    private final int cols;
    private final FloatBuffer nativeFloats;
    private final DoubleBuffer nativeDoubles;
    /** Staging for float32 matrices, [rows * cols]; null for float64. */
    private final float[] staging;
    /** The host copy, [rows * cols] row-major: element (i, j) is {@code a[i * cols + j]}. */
    final double[] a;

    /**
     * @param matrix a c-order matrix that owns its whole buffer (not a view), [rows, cols], float32
     *     or float64
     */
    HostRows(INDArray matrix) {
        if (matrix.rank() != 2 || matrix.ordering() != 'c' || matrix.isView() || matrix.offset() != 0) {
            throw new IllegalArgumentException("needs a whole c-order matrix, got " + matrix.shapeInfoToString());
        }
        this.matrix = matrix;
        this.cols = (int) matrix.size(1);
        int length = Math.toIntExact(matrix.length());
        a = new double[length];
        if (matrix.dataType() == DataType.FLOAT) {
            nativeFloats = matrix.data().asNioFloat();
            nativeDoubles = null;
            staging = new float[length];
        } else if (matrix.dataType() == DataType.DOUBLE) {
            nativeFloats = null;
            nativeDoubles = matrix.data().asNioDouble();
            staging = null;
        } else {
            throw new IllegalArgumentException("float32 or float64 only, got " + matrix.dataType());
        }
    }

    /**
     * Bytes per element of a matrix with a host copy, for {@code b} bytes per number: the native
     * element, its {@code double} copy and, for float32, its staging copy.
     */
    static int bytesPerElement(int b) {
        return b + Double.BYTES + (b == Float.BYTES ? Float.BYTES : 0);
    }

    /** The matrix this is a copy of. */
    INDArray matrix() {
        return matrix;
    }

    /** Copies rows {@code [from, to)} from the ND4J array to the host copy. */
    void pull(int from, int to) {
        int at = from * cols;
        int end = to * cols;
        if (staging == null) {
            nativeDoubles.get(at, a, at, end - at);
            return;
        }
        nativeFloats.get(at, staging, at, end - at);
        for (int k = at; k < end; k++) {
            a[k] = staging[k];
        }
    }

    /** Copies rows {@code [from, to)} from the host copy to the ND4J array, in place on it. */
    void push(int from, int to) {
        int at = from * cols;
        int end = to * cols;
        if (staging == null) {
            nativeDoubles.put(at, a, at, end - at);
            return;
        }
        for (int k = at; k < end; k++) {
            staging[k] = (float) a[k];
        }
        nativeFloats.put(at, staging, at, end - at);
    }
}
