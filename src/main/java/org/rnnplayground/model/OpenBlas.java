package org.rnnplayground.model;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix products straight through OpenBLAS's {@code cblas_sgemm} / {@code cblas_dgemm}: the same
 * library instance that ND4J's own BLAS wrapper calls (so {@link NativeThreads} and
 * {@code OPENBLAS_NUM_THREADS} apply), without libnd4j's {@code mmul} op around it.
 *
 * <p>Measured on the benchmark machine (one thread, CPU time): the per-step product
 * {@code [32, 256] x [256, 256]} takes about 49 us this way against 58 to 70 us through
 * {@code Nd4j.gemm}, and 35 steps make two such products each. Operands must have contiguous rows
 * (whole c-order matrices or row-block views of them, as the workspace cuts) or contiguous columns
 * (whole f-order matrices, as DL4J's parameter and gradient views): a column-major operand goes to
 * BLAS as its row-major transpose.
 */
public final class OpenBlas {

    /** On the CUDA backend arrays live on the GPU: products then go through {@code Nd4j.gemm}. */
    private static final boolean CPU = Nd4j.getEnvironment().isCPU();

    private OpenBlas() {}

    /**
     * {@code C = op(A) op(B) + beta * C}, where {@code op} transposes when asked.
     *
     * @param a {@code [m, k]}, or {@code [k, m]} with {@code transA}
     * @param b {@code [k, n]}, or {@code [n, k]} with {@code transB}
     * @param c {@code [m, n]}; overwritten ({@code beta} 0) or accumulated into ({@code beta} 1), in place
     */
    public static void gemm(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c, double beta) {
        int m = (int) c.size(0);
        int n = (int) c.size(1);
        int k = (int) (transA ? a.size(0) : a.size(1));
        if ((transA ? a.size(1) : a.size(0)) != m
                || (transB ? b.size(1) : b.size(0)) != k
                || (transB ? b.size(0) : b.size(1)) != n) {
            throw new IllegalArgumentException("shapes do not multiply: " + shape(a, transA) + " x " + shape(b, transB)
                    + " -> " + shape(c, false));
        }
        if (!CPU) {
            Nd4j.gemm(a, b, c, transA, transB, 1.0, beta);
            return;
        }
        if (!rowMajor(c) && rowMajor(c.transpose())) {
            gemm(b, !transB, a, !transA, c.transpose(), beta); // C^T = op(B)^T op(A)^T, in place on C
            return;
        }
        if (!rowMajor(a) && rowMajor(a.transpose())) {
            a = a.transpose(); // a column-major [m, k] is a row-major [k, m]
            transA = !transA;
        }
        if (!rowMajor(b) && rowMajor(b.transpose())) {
            b = b.transpose();
            transB = !transB;
        }
        int opA = transA ? CblasTrans : CblasNoTrans;
        int opB = transB ? CblasTrans : CblasNoTrans;
        if (c.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(
                    CblasRowMajor,
                    opA,
                    opB,
                    m,
                    n,
                    k,
                    1f,
                    floats(a, c),
                    rowStride(a),
                    floats(b, c),
                    rowStride(b),
                    (float) beta,
                    floats(c, c),
                    rowStride(c));
        } else {
            openblas_nolapack.cblas_dgemm(
                    CblasRowMajor,
                    opA,
                    opB,
                    m,
                    n,
                    k,
                    1.0,
                    doubles(a, c),
                    rowStride(a),
                    doubles(b, c),
                    rowStride(b),
                    beta,
                    doubles(c, c),
                    rowStride(c));
        }
    }

    /** Whether {@code x} is a matrix with contiguous rows, as BLAS's row-major operands must be. */
    private static boolean rowMajor(INDArray x) {
        return x.rank() == 2 && (x.size(1) == 1 || x.stride(1) == 1) && (x.size(0) == 1 || x.stride(0) >= x.size(1));
    }

    /**
     * The leading dimension of a row-major matrix with contiguous rows; throws for other layouts. ND4J
     * reports arbitrary strides along an axis of size 1 (a one-row view, as in generation), so those
     * are not trusted.
     */
    private static int rowStride(INDArray x) {
        long rows = x.size(0);
        long cols = x.size(1);
        long ld = rows == 1 ? cols : x.stride(0);
        if (x.rank() != 2 || (cols > 1 && x.stride(1) != 1) || ld < cols) {
            throw new IllegalArgumentException(
                    "needs a row-major matrix with contiguous rows, got " + x.shapeInfoToString());
        }
        return (int) Math.max(1, ld);
    }

    /** The address of {@code x}'s first element (a view's buffer starts at the view's offset). */
    private static FloatPointer floats(INDArray x, INDArray like) {
        checkType(x, like);
        return (FloatPointer) x.data().addressPointer();
    }

    private static DoublePointer doubles(INDArray x, INDArray like) {
        checkType(x, like);
        return (DoublePointer) x.data().addressPointer();
    }

    private static void checkType(INDArray x, INDArray like) {
        if (x.dataType() != like.dataType() || !(x.dataType() == DataType.FLOAT || x.dataType() == DataType.DOUBLE)) {
            throw new IllegalArgumentException(
                    "float32 or float64 operands of one type, got " + x.dataType() + " and " + like.dataType());
        }
    }

    private static String shape(INDArray x, boolean transposed) {
        return transposed ? "[" + x.size(1) + ", " + x.size(0) + "]" : "[" + x.size(0) + ", " + x.size(1) + "]";
    }
}
