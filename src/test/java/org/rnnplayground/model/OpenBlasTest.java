package org.rnnplayground.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.List;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link OpenBlas#gemm} against ND4J's {@code mmul} for every way an operand can lie in memory: a
 * whole c- or f-order matrix, a block of rows of a c-order one, a block of columns of an f-order one
 * (leading dimension larger than the block), and one-row views whose stride along the row is not 1.
 */
class OpenBlasTest {

    /** Ways a [rows, cols] matrix can lie in memory that BLAS reads in place. */
    private static final List<Layout> LAYOUTS = List.of(
            new Layout("c-order", (t, r, c) -> Nd4j.create(t, new long[] {r, c}, 'c')),
            new Layout("f-order", (t, r, c) -> Nd4j.create(t, new long[] {r, c}, 'f')),
            new Layout(
                    "rows of a c-order matrix",
                    (t, r, c) ->
                            Nd4j.create(t, new long[] {r + 3, c + 2}, 'c').get(interval(2, r + 2), interval(1, c + 1))),
            new Layout(
                    "columns of an f-order matrix",
                    (t, r, c) -> Nd4j.create(t, new long[] {r + 3, c + 2}, 'f')
                            .get(interval(1, r + 1), interval(2, c + 2))));

    private interface Maker {
        INDArray make(DataType type, long rows, long cols);
    }

    private record Layout(String name, Maker maker) {
        INDArray filled(int rows, int cols, long seed, DataType type) {
            INDArray x = maker.make(type, rows, cols);
            Nd4j.getRandom().setSeed(seed);
            x.assign(Nd4j.rand(DataType.DOUBLE, rows, cols).subi(0.5)); // in place on the fresh matrix
            return x;
        }
    }

    @ParameterizedTest
    @CsvSource({"DOUBLE, 0", "DOUBLE, 1", "FLOAT, 0", "FLOAT, 1"})
    void everyLayoutAndTransposeMatchesMmul(DataType type, double beta) {
        int m = 4, n = 3, k = 5;
        for (Layout la : LAYOUTS) {
            for (Layout lb : LAYOUTS) {
                for (Layout lc : LAYOUTS) {
                    for (int flags = 0; flags < 4; flags++) {
                        boolean transA = (flags & 1) != 0, transB = (flags & 2) != 0;
                        INDArray a = transA ? la.filled(k, m, 1, type) : la.filled(m, k, 1, type);
                        INDArray b = transB ? lb.filled(n, k, 2, type) : lb.filled(k, n, 2, type);
                        INDArray c = lc.filled(m, n, 3, type);
                        INDArray expected = (transA ? a.transpose() : a)
                                .mmul(transB ? b.transpose() : b)
                                .addi(c.mul(beta));
                        OpenBlas.gemm(a, transA, b, transB, c, beta);
                        String what = la.name + " x " + lb.name + " -> " + lc.name + ", transA " + transA + ", transB "
                                + transB;
                        assertClose(what, expected, c, type == DataType.DOUBLE ? 1e-14 : 1e-6);
                    }
                }
            }
        }
    }

    /**
     * Float32 products with few rows and too many columns or too deep a sum for OpenBLAS's small path,
     * made in blocks whatever this machine's cores (on AVX-512 ones {@link OpenBlas#gemm} cuts them
     * itself): the same numbers as ND4J's float64 product, for {@code B} read either way, blocks that
     * do not divide the columns or the depth, and operands that are views.
     */
    @ParameterizedTest
    @CsvSource({"32, 512, 96, 0", "32, 512, 96, 1", "32, 768, 100, 1", "20, 1100, 130, 0.5"})
    void productsCutIntoBlocksMatchMmul(int m, int k, int n, double beta) {
        for (Layout la : LAYOUTS) {
            for (Layout lb : LAYOUTS) {
                for (boolean transB : new boolean[] {false, true}) {
                    INDArray a = la.filled(m, k, 1, DataType.FLOAT);
                    INDArray b = transB ? lb.filled(n, k, 2, DataType.FLOAT) : lb.filled(k, n, 2, DataType.FLOAT);
                    INDArray c = LAYOUTS.get(2).filled(m, n, 3, DataType.FLOAT); // rows of a c-order matrix
                    INDArray expected = a.castTo(DataType.DOUBLE)
                            .mmul((transB ? b.transpose() : b).castTo(DataType.DOUBLE))
                            .addi(c.castTo(DataType.DOUBLE).mul(beta));
                    OpenBlas.gemm(a, false, b, transB, c, beta, true);
                    assertClose(la.name + " x " + lb.name + ", transB " + transB, expected, c, 1e-5);
                }
            }
        }
    }

    @Test
    void cutsOnlyProductsWithFewRowsTooLargeForTheSmallPath() {
        assertArrayEquals(new long[] {64, 256}, OpenBlas.blocks(32, 512, 512, false)); // 2 x 8 blocks
        assertArrayEquals(new long[] {32, 512}, OpenBlas.blocks(32, 512, 512, true)); // TN: m * 32 <= 1200
        assertArrayEquals(new long[] {32, 512}, OpenBlas.blocks(32, 256, 1024, true)); // 2 blocks of depth
        assertArrayEquals(new long[] {64, 256}, OpenBlas.blocks(32, 256, 1024, false)); // 4 blocks of depth
        assertNull(OpenBlas.blocks(32, 64, 64, false)); // small already
        assertNull(OpenBlas.blocks(1120, 512, 512, false)); // many rows: packing pays
    }

    @Test
    void alignedMatricesStartACacheLine() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (int i = 0; i < 8; i++) {
                INDArray x = OpenBlas.alignedMatrix(type, 5 + i, 16);
                Pointer start = x.data().addressPointer();
                assertEquals(0, (start.address() + start.position() * type.width()) % 64, type + " matrix " + i);
                assertEquals('c', x.ordering());
                assertEquals(0, x.sumNumber().doubleValue());
            }
        }
    }

    @Test
    void oneRowViewsWithAnyStrideAreRead() {
        INDArray f = Nd4j.rand(DataType.DOUBLE, 6, 5).dup('f'); // row i: stride 6 along the row
        INDArray w = Nd4j.rand(DataType.DOUBLE, 5, 4);
        INDArray row = f.get(interval(2, 3), all()); // [1, 5]
        INDArray out = Nd4j.create(DataType.DOUBLE, 1, 4);
        OpenBlas.gemm(row, false, w, false, out, 0);
        assertClose("row of an f-order matrix", f.getRow(2).reshape(1, 5).mmul(w), out, 1e-14);
        INDArray columnOut = Nd4j.create(DataType.DOUBLE, 4, 1);
        OpenBlas.gemm(w, true, f.get(point(2), all()).reshape(5, 1), false, columnOut, 0);
        assertClose("as a column", w.transpose().mmul(f.getRow(2).reshape(5, 1)), columnOut, 1e-14);
    }

    @Test
    void refusesOperandsWithoutContiguousRowsOrColumns() {
        INDArray strided = Nd4j.rand(DataType.DOUBLE, 8, 8).get(interval(0, 2, 8), interval(0, 2, 8)); // [4, 4]
        INDArray other = Nd4j.rand(DataType.DOUBLE, 4, 4);
        INDArray c = Nd4j.create(DataType.DOUBLE, 4, 4);
        assertThrows(IllegalArgumentException.class, () -> OpenBlas.gemm(strided, false, other, false, c, 0));
        assertThrows(IllegalArgumentException.class, () -> OpenBlas.gemm(other, false, strided, false, c, 0));
        assertThrows(IllegalArgumentException.class, () -> OpenBlas.gemm(other, false, other, false, strided, 0));
        assertThrows(
                IllegalArgumentException.class, () -> OpenBlas.gemm(other, false, other.reshape(2, 8), false, c, 0));
    }

    private static void assertClose(String what, INDArray expected, INDArray actual, double tol) {
        assertEquals(expected.rows(), actual.rows(), what);
        double worst = expected.castTo(DataType.DOUBLE)
                .sub(actual.castTo(DataType.DOUBLE))
                .norm1Number()
                .doubleValue();
        assertTrue(worst <= tol * expected.length(), what + ": off by " + worst);
    }
}
