package org.rnnplayground.model;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Matrix products straight through OpenBLAS's {@code cblas_sgemm} / {@code cblas_dgemm}: the same
 * library instance that ND4J's own BLAS wrapper calls (so {@link NativeThreads} and
 * {@code OPENBLAS_NUM_THREADS} apply), without libnd4j's {@code mmul} op around it.
 *
 * <p>Measured on the benchmark machine (one thread, CPU time): the per-step product
 * {@code [32, 256] x [256, 256]} takes about 49 us this way against 58 to 70 us through
 * {@code Nd4j.gemm}, and 35 steps make two such products each. Operands must have contiguous rows
 * (whole c-order matrices or row-block views of them, as the workspace cuts) or contiguous columns
 * (whole f-order matrices, as DL4J's parameter and gradient views). BLAS reads every operand where
 * it lies, through a transpose flag and a leading dimension: no transposed view is built per call
 * (each costs ND4J a native shape buffer, about as much as a small product's arithmetic).
 *
 * <p>On AVX-512 cores, OpenBLAS (0.3.19 and later, SkylakeX kernels) runs a float32 product with
 * {@code m n k} at most {@code 100^3} through its small-matrix kernels, which pack nothing; larger
 * ones go through the general path, which packs both operands every call. For the recurrent step's
 * shapes the small kernels are much faster: {@code [32, 512] x [512, 512]} runs at 150 to 170 GFLOP/s
 * cut into blocks of 64 columns and 256 of depth with {@code B} aligned ({@link #alignedMatrix}),
 * against 90 to 100 GFLOP/s in one call (one core, whose large products reach 165 to 180). So a
 * product with few rows is cut into such blocks here ({@link #blocks}); on other cores, where
 * cutting costs a few per cent, it is made in one call.
 */
public final class OpenBlas {

    /** On the CUDA backend arrays live on the GPU: products then go through {@code Nd4j.gemm}. */
    private static final boolean CPU = Nd4j.getEnvironment().isCPU();

    /** Whether OpenBLAS has its AVX-512 small-matrix kernels here: products with few rows are then cut ({@link #blocks}). */
    private static final boolean SMALL_KERNELS = CPU && Avx512.available();

    /** The largest {@code m n k} that OpenBLAS's SkylakeX kernels run as a small product. */
    private static final long SMALL_PRODUCT = 100L * 100 * 100;

    /**
     * The most rows ({@code m}, the batch of a recurrent step) of a product that is cut: measured at
     * 32; larger blocks of rows make blocks too thin in {@code n} and {@code k}.
     */
    private static final int MAX_CUT_ROWS = 64;

    private static final int CACHE_LINE = 64;

    private OpenBlas() {}

    /**
     * {@code C = op(A) op(B) + beta * C}, where {@code op} transposes when asked.
     *
     * @param a {@code [m, k]}, or {@code [k, m]} with {@code transA}
     * @param b {@code [k, n]}, or {@code [n, k]} with {@code transB}
     * @param c {@code [m, n]}; overwritten ({@code beta} 0) or accumulated into ({@code beta} 1), in place
     */
    public static void gemm(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c, double beta) {
        gemm(a, transA, b, transB, c, beta, SMALL_KERNELS);
    }

    /**
     * {@link #gemm(INDArray, boolean, INDArray, boolean, INDArray, double)}, cutting products with few
     * rows into blocks when {@code cut} (on any core, so that tests reach the blocks everywhere).
     */
    static void gemm(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c, double beta, boolean cut) {
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
        // BLAS reads each operand in place through its strides: the product's order follows C's
        // layout, and an operand stored the other way round is its transpose in that order
        boolean rowOrder = rowMajor(c);
        if (!rowOrder && !columnMajor(c)) {
            throw new IllegalArgumentException(
                    "needs a matrix with contiguous rows or columns, got " + c.shapeInfoToString());
        }
        int order = rowOrder ? CblasRowMajor : CblasColMajor;
        int ldc = leading(c, rowOrder);
        boolean aFlipped = flipped(a, rowOrder);
        boolean bFlipped = flipped(b, rowOrder);
        int opA = transA != aFlipped ? CblasTrans : CblasNoTrans;
        int opB = transB != bFlipped ? CblasTrans : CblasNoTrans;
        int lda = leading(a, rowOrder != aFlipped);
        int ldb = leading(b, rowOrder != bFlipped);
        if (c.dataType() == DataType.FLOAT) {
            long[] cuts = cut && rowOrder && opA == CblasNoTrans ? blocks(m, n, k, opB == CblasTrans) : null;
            if (cuts == null) {
                openblas_nolapack.cblas_sgemm(
                        order,
                        opA,
                        opB,
                        m,
                        n,
                        k,
                        1f,
                        floats(a, c),
                        lda,
                        floats(b, c),
                        ldb,
                        (float) beta,
                        floats(c, c),
                        ldc);
            } else {
                inBlocks(
                        opB == CblasTrans,
                        m,
                        n,
                        k,
                        floats(a, c),
                        lda,
                        floats(b, c),
                        ldb,
                        (float) beta,
                        floats(c, c),
                        ldc,
                        (int) cuts[0],
                        (int) cuts[1]);
            }
        } else {
            openblas_nolapack.cblas_dgemm(
                    order, opA, opB, m, n, k, 1.0, doubles(a, c), lda, doubles(b, c), ldb, beta, doubles(c, c), ldc);
        }
    }

    /**
     * Loads OpenBLAS and makes one small product of each kind the models make, once per process:
     * the trainer calls this before a run's clock starts, so that loading the native library and
     * OpenBLAS's first allocations (about 9 ms, measured) fall before training, as a library's
     * import does, not in its first step.
     */
    public static void load() {
        Loaded.touch();
    }

    /** Initialised on the first {@link #load}: the products are made then, once. */
    private static final class Loaded {
        static final boolean DONE = warm();

        static void touch() {
            if (!DONE) {
                throw new IllegalStateException("OpenBLAS did not load");
            }
        }

        private static boolean warm() {
            for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                INDArray a = Nd4j.zeros(type, 32, 128);
                INDArray b = alignedMatrix(type, 128, 128);
                INDArray c = Nd4j.zeros(type, 32, 128);
                gemm(a, false, b, false, c, 1);
                gemm(a, false, b, true, c, 1);
                gemm(a, true, c, false, b, 0);
            }
            return true;
        }
    }

    /**
     * A fresh c-order {@code [rows, cols]} matrix of zeros whose first element starts a cache line (64
     * bytes), as a view of a slightly longer vector. OpenBLAS's small-matrix kernels read {@code B}
     * fastest so: {@code [32, 512] x [512, 512]} in blocks runs at 150 GFLOP/s with {@code B} aligned,
     * 110 with it 16 bytes off (ND4J aligns its buffers to 16 bytes only). Rows stay aligned when
     * {@code cols} is a multiple of 16 floats.
     */
    public static INDArray alignedMatrix(DataType type, int rows, int cols) {
        int size = type.width();
        int pad = CACHE_LINE / size;
        INDArray vector = Nd4j.zeros(type, (long) rows * cols + pad);
        long misaligned = vector.data().address() % CACHE_LINE;
        int skip = misaligned == 0 || misaligned % size != 0 ? 0 : (int) ((CACHE_LINE - misaligned) / size);
        return vector.get(NDArrayIndex.interval(skip, skip + (long) rows * cols))
                .reshape('c', rows, cols);
    }

    /**
     * The blocks a row-major float32 product {@code C = A op(B)} is cut into, {@code {columns, depth}}
     * of each, or null to make it in one call: only products with few rows that are too large for
     * OpenBLAS's small-matrix path are cut, into blocks that each fit it. With {@code B} not transposed
     * (the kernel OpenBLAS calls NN), blocks of 64 columns; with {@code B} transposed (TN), whose small
     * kernel OpenBLAS takes only for {@code m * columns <= 1200} and a depth of at least 32, blocks of
     * 32 columns (for {@code m = 32}); the sum, when too deep, into blocks of a power of two. Measured
     * at {@code m} from 1 to 128 and {@code k} from 256 to 1024 against other widths and depths (docs/benchmarks.md).
     */
    static long[] blocks(long m, long n, long k, boolean transB) {
        if (m > MAX_CUT_ROWS || m * n * k <= SMALL_PRODUCT) {
            return null;
        }
        long columns = Math.min(n, transB ? Math.min(32, 1200 / m / 8 * 8) : 64);
        long deepest = SMALL_PRODUCT / (m * columns) / 16 * 16;
        if (columns < 8 || deepest < 32) {
            return null;
        }
        // the whole sum when it fits, else blocks of a power of two deep: other depths (352 of 1024)
        // measured slower than one call
        long depth = k <= deepest ? k : Long.highestOneBit(deepest);
        return new long[] {columns, depth};
    }

    /**
     * {@code C = A op(B) + beta C}, row-major, as one small product per block of {@code columns} of
     * {@code C} and {@code depth} of the sum: the first block of the sum scales {@code C} by {@code beta},
     * the others add to it.
     */
    private static void inBlocks(
            boolean transB,
            int m,
            int n,
            int k,
            FloatPointer a,
            int lda,
            FloatPointer b,
            int ldb,
            float beta,
            FloatPointer c,
            int ldc,
            int columns,
            int depth) {
        int opB = transB ? CblasTrans : CblasNoTrans;
        for (int j = 0; j < n; j += columns) {
            int width = Math.min(columns, n - j);
            for (int l = 0; l < k; l += depth) {
                // element (l, j) of op(B): B[l][j] as stored, or B[j][l] when B is read transposed
                long bAt = transB ? (long) j * ldb + l : (long) l * ldb + j;
                openblas_nolapack.cblas_sgemm(
                        CblasRowMajor,
                        CblasNoTrans,
                        opB,
                        m,
                        width,
                        Math.min(depth, k - l),
                        1f,
                        at(a, l),
                        lda,
                        at(b, bAt),
                        ldb,
                        l == 0 ? beta : 1f,
                        at(c, j),
                        ldc);
            }
        }
    }

    /** A pointer {@code offset} elements past {@code p}, which is left as it is. */
    private static FloatPointer at(FloatPointer p, long offset) {
        return offset == 0 ? p : new FloatPointer(p).position(p.position() + offset);
    }

    /** Whether {@code x} is a matrix with contiguous rows, as BLAS's row-major operands must be. */
    private static boolean rowMajor(INDArray x) {
        return x.rank() == 2 && (x.size(1) == 1 || x.stride(1) == 1) && (x.size(0) == 1 || x.stride(0) >= x.size(1));
    }

    /** Whether {@code x} is a matrix with contiguous columns, as BLAS's column-major operands must be. */
    private static boolean columnMajor(INDArray x) {
        return x.rank() == 2 && (x.size(0) == 1 || x.stride(0) == 1) && (x.size(1) == 1 || x.stride(1) >= x.size(0));
    }

    /**
     * Whether operand {@code x} is stored against the product's order (column-major in a row-major
     * product or the reverse), so that BLAS reads it as its transpose; throws for other layouts.
     */
    private static boolean flipped(INDArray x, boolean rowOrder) {
        if (rowOrder ? rowMajor(x) : columnMajor(x)) {
            return false;
        }
        if (rowOrder ? columnMajor(x) : rowMajor(x)) {
            return true;
        }
        throw new IllegalArgumentException(
                "needs a matrix with contiguous rows or columns, got " + x.shapeInfoToString());
    }

    /**
     * The leading dimension of {@code x} read with contiguous rows ({@code rows} true) or columns: the
     * stride between them. ND4J reports arbitrary strides along an axis of size 1 (a one-row view, as
     * in generation), so those are not trusted.
     */
    private static int leading(INDArray x, boolean rows) {
        long across = rows ? x.size(1) : x.size(0); // elements in one row (column)
        long lines = rows ? x.size(0) : x.size(1);
        long ld = lines == 1 ? across : x.stride(rows ? 0 : 1);
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
