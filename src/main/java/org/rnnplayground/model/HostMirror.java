package org.rnnplayground.model;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A Java-heap copy of a c-order ND4J matrix, for the elementwise work of each time step.
 *
 * <p>Measured on the benchmark machine: a small ND4J op call costs several microseconds before it
 * computes anything, and libnd4j's {@code tanh} and a broadcasting {@code muli} on a row-block view
 * take 50 to 70 us on a [32, 256] block, where copying the block out, running a Java loop that the
 * JIT vectorises, and copying it back takes about 5 us. So the per-step elementwise work runs here,
 * on row blocks pulled from and pushed to the native buffer (bulk copies through a direct NIO view,
 * no per-element JNI). Holds a {@code float[]} for float32 arrays or a {@code double[]} for float64
 * ones, never both. Not thread-safe.
 */
public final class HostMirror {

    /** Held so that its native buffer, which the NIO views below point into, lives as long as they do. */
    private final INDArray matrix;

    private final int cols;
    private final FloatBuffer nativeFloats;
    private final DoubleBuffer nativeDoubles;
    /** The host copy for float32 matrices, [rows * cols] row-major; null for float64. */
    final float[] floats;
    /** The host copy for float64 matrices, [rows * cols] row-major; null for float32. */
    final double[] doubles;

    /**
     * @param matrix a c-order matrix that owns its whole buffer (not a view), [rows, cols], float32
     *     or float64
     */
    public HostMirror(INDArray matrix) {
        if (matrix.rank() != 2 || matrix.ordering() != 'c' || matrix.isView() || matrix.offset() != 0) {
            throw new IllegalArgumentException("needs a whole c-order matrix, got " + matrix.shapeInfoToString());
        }
        this.matrix = matrix;
        this.cols = (int) matrix.size(1);
        int length = (int) matrix.length();
        if (matrix.dataType() == DataType.FLOAT) {
            nativeFloats = matrix.data().asNioFloat();
            nativeDoubles = null;
            floats = new float[length];
            doubles = null;
        } else if (matrix.dataType() == DataType.DOUBLE) {
            nativeFloats = null;
            nativeDoubles = matrix.data().asNioDouble();
            floats = null;
            doubles = new double[length];
        } else {
            throw new IllegalArgumentException("float32 or float64 only, got " + matrix.dataType());
        }
    }

    /** The index in {@link #floats} or {@link #doubles} of the first element of {@code row}. */
    int index(int row) {
        return row * cols;
    }

    /** Copies rows {@code [from, to)} from the ND4J array to the host copy. */
    public void pull(int from, int to) {
        int at = index(from);
        int length = index(to) - at;
        if (floats != null) {
            nativeFloats.get(at, floats, at, length);
        } else {
            nativeDoubles.get(at, doubles, at, length);
        }
    }

    /** Copies rows {@code [from, to)} from the host copy to the ND4J array, in place on it. */
    public void push(int from, int to) {
        int at = index(from);
        int length = index(to) - at;
        if (floats != null) {
            nativeFloats.put(at, floats, at, length);
        } else {
            nativeDoubles.put(at, doubles, at, length);
        }
    }
}
