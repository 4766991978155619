package org.rnnplayground.model;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
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
 * no per-element JNI).
 *
 * <p>The copy is in the matrix's own type, a {@code float[]} for float32 or a {@code double[]} for
 * float64, never both: code that computes on it has a loop for each (as {@link Activation}), so a
 * float32 model's elementwise work runs in float32, with twice the lanes per vector and half the
 * bytes of a widened copy. Not thread-safe.
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
     * A copy in the matrix's own type.
     *
     * @param matrix a c-order matrix that owns its whole buffer (not a view), [rows, cols], float32
     *     or float64
     */
    public HostMirror(INDArray matrix) {
        if (matrix.rank() != 2 || matrix.ordering() != 'c' || matrix.isView() || matrix.offset() != 0) {
            throw new IllegalArgumentException("needs a whole c-order matrix, got " + matrix.shapeInfoToString());
        }
        this.matrix = matrix;
        this.cols = (int) matrix.size(1);
        int length = Math.toIntExact(matrix.length());
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

    /** The matrix this is a copy of. */
    public INDArray matrix() {
        return matrix;
    }

    /** The host copy of a float32 matrix, [rows * cols] row-major; null for float64. */
    public float[] floats() {
        return floats;
    }

    /** The host copy of a float64 matrix, [rows * cols] row-major; null for float32. */
    public double[] doubles() {
        return doubles;
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

    /** Sets every element of the host copy to zero, in place on the host copy. */
    public void clear() {
        if (floats != null) {
            Arrays.fill(floats, 0f);
        } else {
            Arrays.fill(doubles, 0);
        }
    }

    /** Sets rows {@code [from, to)} of the host copy to zero, in place on the host copy. */
    public void clear(int from, int to) {
        if (floats != null) {
            Arrays.fill(floats, index(from), index(to), 0f);
        } else {
            Arrays.fill(doubles, index(from), index(to), 0);
        }
    }

    /**
     * Copies {@code length} elements from index {@code at} of the host copy into {@code into} (widened
     * for float32), for reading outside the hot loops.
     */
    public void copyTo(int at, double[] into, int intoAt, int length) {
        for (int k = 0; k < length; k++) {
            into[intoAt + k] = floats != null ? floats[at + k] : doubles[at + k];
        }
    }

    /**
     * Makes row {@code r} of the host copy the one-hot vector of {@code indices[r]}, for every
     * {@code r}; in place on the host copy (the native array is not written).
     *
     * @param indices a column index per row, from row 0
     */
    public void oneHot(int[] indices) {
        clear();
        for (int r = 0; r < indices.length; r++) {
            if (floats != null) {
                floats[index(r) + indices[r]] = 1f;
            } else {
                doubles[index(r) + indices[r]] = 1;
            }
        }
    }

    /** Multiplies rows {@code [from, to)} of the host copy by {@code factor}, in place on the host copy. */
    public void scale(int from, int to, double factor) {
        if (floats != null) {
            float f = (float) factor;
            for (int k = index(from); k < index(to); k++) {
                floats[k] *= f;
            }
        } else {
            for (int k = index(from); k < index(to); k++) {
                doubles[k] *= factor;
            }
        }
    }

    /**
     * Gathers rows: row {@code at + r} of this host copy becomes row {@code rows[r]} of {@code source}'s,
     * for every {@code r}; in place on this host copy. With {@code source} holding {@code W} this is
     * {@code one-hot(rows) W} without the product.
     *
     * @param source a host copy of the same type and width, [rows', cols]
     * @param rows indices into {@code source}'s rows
     */
    public void gatherRows(HostMirror source, int[] rows, int at) {
        requireLike(source);
        for (int r = 0; r < rows.length; r++) {
            if (floats != null) {
                System.arraycopy(source.floats, source.index(rows[r]), floats, index(at + r), cols);
            } else {
                System.arraycopy(source.doubles, source.index(rows[r]), doubles, index(at + r), cols);
            }
        }
    }

    /**
     * Scatter-adds rows: row {@code r} of this host copy is added to row {@code rows[r]} of {@code
     * target}'s, for {@code r} in {@code [from, to)}; in place on {@code target}'s host copy. With this
     * holding {@code dZ} it is {@code one-hot(rows)^T dZ} without the product.
     *
     * @param rows a row index into {@code target} for every row of this host copy
     * @param target a host copy of the same type and width
     */
    public void scatterAddRows(int from, int to, int[] rows, HostMirror target) {
        requireLike(target);
        for (int r = from; r < to; r++) {
            if (floats != null) {
                add(floats, index(r), target.floats, target.index(rows[r]), cols);
            } else {
                add(doubles, index(r), target.doubles, target.index(rows[r]), cols);
            }
        }
    }

    /**
     * Sums rows {@code [from, to)} into row 0 of {@code target}'s host copy (overwriting it), in
     * place on it: a bias's gradient {@code 1^T dZ}.
     *
     * @param target a host copy of the same type and width, [1, cols] or more rows
     */
    public void sumRows(int from, int to, HostMirror target) {
        requireLike(target);
        target.clear(0, 1);
        addRowsTo(from, to, target);
    }

    /**
     * Adds rows {@code [from, to)} to row 0 of {@code target}'s host copy, in place on it: a bias's
     * gradient summed step by step while each step's rows are in cache.
     *
     * @param target a host copy of the same type and width, [1, cols] or more rows
     */
    public void addRowsTo(int from, int to, HostMirror target) {
        requireLike(target);
        for (int r = from; r < to; r++) {
            if (floats != null) {
                add(floats, index(r), target.floats, 0, cols);
            } else {
                add(doubles, index(r), target.doubles, 0, cols);
            }
        }
    }

    /** {@code to[toAt, toAt + length) += from[fromAt, fromAt + length)}: one loop the JIT vectorises. */
    private static void add(float[] from, int fromAt, float[] to, int toAt, int length) {
        for (int j = 0; j < length; j++) {
            to[toAt + j] += from[fromAt + j];
        }
    }

    private static void add(double[] from, int fromAt, double[] to, int toAt, int length) {
        for (int j = 0; j < length; j++) {
            to[toAt + j] += from[fromAt + j];
        }
    }

    private void requireLike(HostMirror other) {
        if (other.cols != cols || (other.floats == null) != (floats == null)) {
            throw new IllegalArgumentException("host copies of different widths or types: " + matrix.shapeInfoToString()
                    + " and " + other.matrix.shapeInfoToString());
        }
    }
}
