package org.rnnplayground.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A training step on two threads ({@link Lane}, lent by {@link SpareCores}) is the step on one:
 * the same loss, gradient norm and parameters, to the rounding of sums added chunk by chunk.
 */
public class LaneTest {

    /**
     * Three steps from the same start, with a carried state, on one thread and on two: batch 32
     * cuts 35 steps into pieces (single steps and chunks of 5), and 12 steps into pieces with a
     * chunk of 2; batch 3 makes chunks of 53 steps, so single steps only.
     */
    @ParameterizedTest
    @CsvSource({"32, 35, TANH", "32, 12, RELU", "3, 10, TANH"})
    void aStepOnTwoThreadsIsTheStepOnOne(int batchSize, int numSteps, Activation activation) {
        SpareCores cores = new SpareCores(2, 1);
        ScratchRnn one = ScratchRnn.create(7, 384, activation, DataType.DOUBLE, 4);
        ScratchRnn two = one.snapshot();
        TrainHyper hyper = TrainHyper.clipped(1, 1);
        State s1 = one.beginState(batchSize);
        State s2 = two.beginState(batchSize);
        for (int step = 0; step < 3; step++) {
            int[][] x = tokens(batchSize, numSteps, 7, 10 + step);
            int[][] y = tokens(batchSize, numSteps, 7, 20 + step);
            StepResult r1 = one.trainStep(x, y, s1, hyper, Lane.NONE);
            StepResult r2 = stepOnALane(two, x, y, s2, hyper, cores);
            assertEquals(r1.loss(), r2.loss(), 1e-12 * Math.abs(r1.loss()), "loss, step " + step);
            assertEquals(r1.gradNorm(), r2.gradNorm(), 1e-12 * r1.gradNorm(), "gradient norm, step " + step);
            assertEquals(r1.clipped(), r2.clipped());
            assertEquals(r1.state().h(), r2.state().h(), "state, step " + step);
            s1 = r1.state();
            s2 = r2.state();
        }
        assertSameParameters(one, two, 1e-12);
    }

    /** Every parameter of {@code two} equals {@code one}'s to {@code relative} (absolute below 1). */
    public static void assertSameParameters(CharModel one, CharModel two, double relative) {
        double[] p1 = one.parameters();
        double[] p2 = two.parameters();
        assertEquals(p1.length, p2.length);
        for (int i = 0; i < p1.length; i++) {
            assertEquals(p1[i], p2[i], relative * Math.max(1, Math.abs(p1[i])), "parameter " + i);
        }
    }

    /** float32: the two paths agree to float32's rounding of the same sums. */
    @Test
    void float32AgreesToItsRounding() {
        ScratchRnn one = ScratchRnn.create(28, 384, Activation.TANH, DataType.FLOAT, 1);
        ScratchRnn two = one.snapshot();
        SpareCores cores = new SpareCores(2, 1);
        int[][] x = tokens(32, 35, 28, 1);
        int[][] y = tokens(32, 35, 28, 2);
        TrainHyper hyper = TrainHyper.clipped(1, 1);
        StepResult r1 = one.trainStep(x, y, one.beginState(32), hyper, Lane.NONE);
        StepResult r2 = stepOnALane(two, x, y, two.beginState(32), hyper, cores);
        assertEquals(r1.loss(), r2.loss(), 1e-6 * r1.loss());
        double[] p1 = one.parameters();
        double[] p2 = two.parameters();
        for (int i = 0; i < p1.length; i++) {
            assertEquals(p1[i], p2[i], 1e-5, "parameter " + i);
        }
    }

    /** The pieces cover every step once, in order: chunks in the middle, single steps at both ends. */
    @Test
    void piecesAreChunksWithSingleStepsAtBothEnds() {
        assertArrayEquals(
                new int[] {0, 1, 2, 3, 4, 5, 10, 15, 20, 25, 30, 31, 32, 33, 34, 35},
                StepPieces.chunked(35, 5).starts());
        assertArrayEquals(
                new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12},
                StepPieces.chunked(12, 5).starts());
        assertArrayEquals(new int[] {0, 1, 2, 3}, StepPieces.of(3, 3).starts());
        assertArrayEquals(new int[] {0, 1}, StepPieces.of(1, 160).starts());
        for (int numSteps = 1; numSteps < 60; numSteps++) {
            for (int chunk = 1; chunk < 12; chunk++) {
                int[] p = StepPieces.chunked(numSteps, chunk).starts();
                assertEquals(0, p[0]);
                assertEquals(numSteps, p[p.length - 1]);
                for (int k = 0; k + 1 < p.length; k++) {
                    int length = p[k + 1] - p[k];
                    assertTrue(length >= 1 && length <= chunk, numSteps + "/" + chunk + " piece " + k);
                    if (p[k] < chunk || p[k] >= numSteps - chunk) {
                        assertEquals(1, length, "an end step alone");
                    }
                }
            }
        }
    }

    /** Below {@link Lane#MIN_RECURRENT_WEIGHTS} (384 hidden units of the RNN) a step gives the lane nothing: it would not pay. */
    @Test
    void aSmallModelStepsOnItsOwnThread() {
        SpareCores cores = new SpareCores(2, 1);
        ScratchRnn model = ScratchRnn.create(7, 383, Activation.TANH, DataType.FLOAT, 1);
        Lane lane = cores.lend();
        long given = lane.tasksGiven();
        model.trainStep(
                tokens(32, 35, 7, 1), tokens(32, 35, 7, 2), model.beginState(32), TrainHyper.clipped(1, 1), lane);
        assertEquals(given, lane.tasksGiven());
        cores.giveBack(lane);
    }

    /** A lane that a step gives no task (a model too small for it) sleeps: it takes no core. */
    @Test
    void aLentLaneSleepsUntilItsFirstTask() throws InterruptedException {
        SpareCores cores = new SpareCores(2, 1);
        Lane lane = cores.lend();
        assertTrue(eventually(() -> lane.threadState() == Thread.State.WAITING), "asleep while lent without tasks");
        lane.submit(() -> {});
        lane.join();
        assertTrue(lane.threadState() == Thread.State.RUNNABLE, "spinning from the first task on");
        cores.giveBack(lane);
        assertTrue(eventually(() -> lane.threadState() == Thread.State.WAITING), "asleep again once given back");
    }

    /** Whatever a task throws, even a checked exception, join reports it and the lane lives on. */
    @Test
    void aTaskThrowingAnythingIsReportedAndTheLaneLivesOn() {
        SpareCores cores = new SpareCores(2, 1);
        Lane lane = cores.lend();
        lane.submit(() -> sneakyThrow(new java.io.IOException("disk")));
        IllegalStateException e = assertThrows(IllegalStateException.class, lane::join);
        assertEquals("disk", e.getCause().getMessage());
        lane.submit(() -> {
            throw new OutOfMemoryError("lane");
        });
        assertThrows(OutOfMemoryError.class, lane::join);
        AtomicInteger ran = new AtomicInteger();
        lane.submit(ran::incrementAndGet);
        lane.join();
        assertEquals(1, ran.get());
        cores.giveBack(lane);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    @Test
    void aCoreIsLentOnlyWhileNoTrainingThreadNeedsIt() {
        SpareCores cores = new SpareCores(2, 1);
        cores.enter(); // one run
        Lane lane = cores.lend();
        assertTrue(lane.parallel());
        assertSame(Lane.NONE, cores.lend(), "one lane at most on two cores");
        cores.giveBack(lane);
        assertEquals(0, cores.lent());
        cores.enter(); // a second run: both cores train
        assertSame(Lane.NONE, cores.lend());
        cores.leave();
        assertTrue(cores.lend().parallel(), "alone again");
        assertSame(Lane.NONE, SpareCores.NONE.lend(), "NONE never lends");
        assertSame(Lane.NONE, new SpareCores(1, 4).lend(), "one core has nothing to spare");
    }

    @Test
    void tasksRunInOrderAndAFailureSkipsTheRestAndIsThrownByJoin() {
        SpareCores cores = new SpareCores(2, 1);
        Lane lane = cores.lend();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int k = i;
            lane.submit(() -> order.add(k));
        }
        lane.join();
        for (int i = 0; i < 50; i++) {
            assertEquals(i, order.get(i));
        }
        AtomicInteger after = new AtomicInteger();
        lane.submit(() -> {
            throw new IllegalStateException("broken");
        });
        lane.submit(after::incrementAndGet);
        IllegalStateException e = assertThrows(IllegalStateException.class, lane::join);
        assertEquals("broken", e.getMessage());
        assertEquals(0, after.get(), "skipped");
        lane.submit(() -> {
            throw new IllegalStateException("again");
        });
        lane.settle(); // does not throw
        lane.submit(after::incrementAndGet);
        lane.join();
        assertEquals(1, after.get(), "the lane works after a failure");
        cores.giveBack(lane);
        assertFalse(Lane.NONE.parallel());
    }

    /**
     * One training step of {@code model} with a lane from {@code cores}, asserting that it got one
     * and gave it tasks; the lane goes back after the step.
     */
    public static StepResult stepOnALane(
            CharModel model, int[][] x, int[][] y, State state, TrainHyper hyper, SpareCores cores) {
        return cores.withLane(lane -> {
            assertTrue(lane.parallel(), "a lone run on two cores gets a lane");
            long given = lane.tasksGiven();
            StepResult result = model.trainStep(x, y, state, hyper, lane);
            assertTrue(lane.tasksGiven() > given, "the step used the lane");
            return result;
        });
    }

    private static int[][] tokens(int b, int t, int v, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] m = new int[b][t];
        for (int[] row : m) {
            for (int j = 0; j < t; j++) row[j] = r.nextInt(v);
        }
        return m;
    }
}
