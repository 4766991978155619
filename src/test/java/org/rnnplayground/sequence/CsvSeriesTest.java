package org.rnnplayground.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rnnplayground.sequence.CsvSeries.Problem;
import org.rnnplayground.sequence.CsvSeries.Rejected;

class CsvSeriesTest {

    @Test
    void readsOneNumberPerLineWithOrWithoutHeader() throws Rejected {
        assertArrayEquals(
                new double[] {1, -2.5, 3e2, 0.25},
                CsvSeries.parse("a.csv", "1\n-2.5\r\n3e2\n\n.25\n", 10).values());
        TimeSeries withHeader = CsvSeries.parse("b.csv", "\uFEFFtemperature\n\"20.5\"\n21\n", 10);
        assertArrayEquals(new double[] {20.5, 21}, withHeader.values());
        assertEquals("b.csv", withHeader.name());
    }

    @Test
    void refusesWhatIsNotASingleColumnOfNumbers() {
        assertEquals(Problem.EMPTY, reject("").problem());
        assertEquals(Problem.EMPTY, reject("value\n\n").problem());
        Rejected notNumber = reject("x\n1\n2\nthree\n");
        assertEquals(Problem.NOT_A_NUMBER, notNumber.problem());
        assertEquals(4, notNumber.line());
        assertEquals("three", notNumber.content());
        assertEquals(Problem.SEVERAL_COLUMNS, reject("1,2\n3,4\n").problem());
        assertEquals(Problem.NOT_FINITE, reject("1\nNaN\n").problem());
        Rejected tooLong = reject("1\n2\n3\n4\n");
        assertEquals(Problem.TOO_LONG, tooLong.problem());
        assertEquals(3, tooLong.line());
        assertEquals(
                Problem.NOT_TEXT,
                assertThrows(Rejected.class, () -> CsvSeries.parse("bin", new byte[] {(byte) 0xff, (byte) 0xfe, 0}, 3))
                        .problem());
    }

    @Test
    void readsBytesAsUtf8() throws Rejected {
        assertArrayEquals(
                new double[] {1, 2},
                CsvSeries.parse("c.csv", "值\n1\n2".getBytes(StandardCharsets.UTF_8), 5)
                        .values());
    }

    private static Rejected reject(String text) {
        return assertThrows(Rejected.class, () -> CsvSeries.parse("f.csv", text, 3));
    }
}
