package org.rnnplayground.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.Footprint;
import org.rnnplayground.model.NativeThreads;
import org.rnnplayground.model.OpenBlas;
import org.rnnplayground.model.SpareCores;
import org.rnnplayground.model.State;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.TrainHyper;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;

/**
 * For {@code bench/train-vs-torch.sh}: the time of one training step of a model, and the rate of
 * {@code cblas_sgemm} on this machine at the benchmark's sizes, each printed as one JSON line.
 *
 * <pre>
 *   StepBench step --corpus FILE [train options]   one step (forward, loss, backward, clipping, SGD)
 *   StepBench sgemm [--hidden 256] [--batch 32] [--steps 35] [--threads 1]
 * </pre>
 *
 * A step is timed on the corpus's first minibatch, over and over, after a warm-up; the median of
 * several rounds is reported (wall time, and the CPU time of the training thread, which other
 * processes disturb less), and before it the first 40 steps of the fresh JVM (as many as the
 * training benchmark's 5 epochs take), while the JIT compiles. The sgemm figures are the products a step makes: the per-step
 * {@code [B, h] x [h, h]} (and {@code [B, h] x [h, h]^T} of the backward pass, {@code [B, h] x [h, 3h]}
 * and {@code [h, 4h]} of a GRU's and an LSTM's gates), the weight gradient {@code [h, T*B] x [T*B, h]}, and a large square
 * product {@code [1024, 1024] x [1024, 1024]}, the ceiling of one core's BLAS.
 */
public final class StepBench {

    private static final int ROUNDS = 9;
    /**
     * The shortest warm-up before the timed rounds: the JIT compiles the two-thread path's code
     * (the lane's pieces) later than the one-thread path's, which 3 rounds alone do not cover.
     */
    private static final long WARM_UP_NANOS = 3_000_000_000L;
    /** The steps of the training benchmark's 5 epochs of 10000 tokens, timed one by one from a cold start. */
    private static final int COLD_STEPS = 40;

    private StepBench() {}

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        if (args.length > 0 && args[0].equals("sgemm")) {
            sgemm(Arrays.copyOfRange(args, 1, args.length), out);
        } else if (args.length > 0 && args[0].equals("step")) {
            step(Arrays.copyOfRange(args, 1, args.length), out);
        } else {
            out.println("usage: StepBench step --corpus FILE [train options] | sgemm [--hidden 256] [--threads 1]");
            System.exit(2);
        }
    }

    private static void step(String[] args, PrintStream out) throws IOException {
        TrainArgs a = TrainArgs.parse(args);
        NativeThreads.limitTo(1); // one BLAS thread per call; more threads are lanes (a.cores())
        SpareCores cores = a.cores();
        ProcessedText text = TextPipeline.process(
                Files.readString(Path.of(a.corpus()), StandardCharsets.UTF_8), TextOptions.bookChars());
        TrainConfig config = a.config();
        int vocabSize = text.vocab().vocabSize();
        CharModel model = a.spec().newModel(vocabSize, config);
        Footprint footprint = a.spec().footprint(vocabSize, config);
        int[] corpus = text.corpus();
        int b = a.batch(), t = a.steps();
        int[][] x = new int[b][t], y = new int[b][t];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                x[i][j] = corpus[i * t + j];
                y[i][j] = corpus[i * t + j + 1];
            }
        }
        TrainHyper hyper = TrainHyper.clipped(a.lr(), a.theta());
        State state = model.beginState(b);
        OpenBlas.load(); // as the trainer does before a run's clock starts
        int perRound = Math.max(5, (int) (2e9 / Math.max(1, footprint.trainingStepMultiplyAdds())));
        long[] cold = new long[COLD_STEPS]; // a fresh JVM: the JIT compiles the loops meanwhile
        for (int i = 0; i < COLD_STEPS; i++) {
            long start = System.nanoTime();
            cores.withLane(lane -> model.trainStep(x, y, state, hyper, lane));
            cold[i] = System.nanoTime() - start;
        }
        long warmUntil = System.nanoTime() + WARM_UP_NANOS; // warm-up: 3 rounds, and 3 s at least
        for (int i = 0; i < 3 * perRound || System.nanoTime() < warmUntil; i++) {
            cores.withLane(lane -> model.trainStep(x, y, state, hyper, lane));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] micros = new double[ROUNDS];
        double[] cpuMicros = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                cores.withLane(lane -> model.trainStep(x, y, state, hyper, lane));
            }
            cpuMicros[r] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / perRound;
            micros[r] = (System.nanoTime() - start) / 1e3 / perRound;
        }
        if (System.getenv("STEP_BENCH_ROUNDS") != null) {
            out.println(
                    Arrays.toString(Arrays.stream(micros).mapToLong(Math::round).toArray()));
        }
        Arrays.sort(micros);
        Arrays.sort(cpuMicros);
        double median = micros[ROUNDS / 2];
        double flops = 2.0 * footprint.trainingStepMultiplyAdds();
        out.printf(
                Locale.ROOT,
                "{\"bench\": \"step\", \"impl\": \"%s\", \"cell\": \"%s\", \"layers\": %d, \"hidden\": %d, "
                        + "\"threads\": %d, \"step_us\": %.1f, \"step_us_min\": %.1f, \"step_cpu_us\": %.1f, \"tokens_per_s\": %d, "
                        + "\"gflop_per_step\": %.4f, \"gflops\": %.2f, \"cold_first_step_ms\": %.1f, "
                        + "\"cold_first_40_steps_ms\": %.1f, \"cold_last_step_of_40_us\": %.1f}%n",
                a.impl(),
                a.cell().name().toLowerCase(Locale.ROOT),
                a.layers(),
                a.hidden(),
                a.threads(),
                median,
                micros[0],
                cpuMicros[ROUNDS / 2],
                Math.round(b * t / (median / 1e6)),
                flops / 1e9,
                flops / (median * 1e3),
                cold[0] / 1e6,
                Arrays.stream(cold).sum() / 1e6,
                cold[COLD_STEPS - 1] / 1e3);
        if (System.getenv("STEP_BENCH_COLD") != null) {
            out.println(Arrays.toString(Arrays.stream(cold).map(c -> c / 1000).toArray()));
        }
    }

    private static void sgemm(String[] args, PrintStream out) {
        int hidden = 256, batch = 32, steps = 35, threads = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            int v = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--hidden" -> hidden = v;
                case "--batch" -> batch = v;
                case "--steps" -> steps = v;
                case "--threads" -> threads = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        NativeThreads.limitTo(threads);
        double perStep = rate(batch, hidden, hidden, false, false);
        double perStepBack = rate(batch, hidden, hidden, false, true);
        double gates3 = rate(batch, hidden, 3 * hidden, false, false);
        double gates4 = rate(batch, hidden, 4 * hidden, false, false);
        double weightGrad = rate(hidden, batch * steps, hidden, true, false);
        double square = rate(1024, 1024, 1024, false, false);
        out.printf(
                Locale.ROOT,
                "{\"bench\": \"sgemm\", \"hidden\": %d, \"threads\": %d, \"step_gflops\": %.2f, "
                        + "\"step_back_gflops\": %.2f, \"gates3_gflops\": %.2f, \"gates4_gflops\": %.2f, "
                        + "\"weight_grad_gflops\": %.2f, \"square_1024_gflops\": %.2f}%n",
                hidden,
                threads,
                perStep,
                perStepBack,
                gates3,
                gates4,
                weightGrad,
                square);
    }

    /**
     * GFLOP/s of {@code C = A B} in float32, the median of several rounds.
     *
     * @param transA whether {@code A} is stored {@code [k, m]} and read transposed, as a weight gradient
     * @param transB whether {@code B} is stored {@code [n, k]} and read transposed, as {@code W_hh^T} in
     *     the backward pass
     */
    private static double rate(int m, int k, int n, boolean transA, boolean transB) {
        Random random = new Random(0);
        INDArray a = transA ? Nd4j.rand(DataType.FLOAT, k, m) : Nd4j.rand(DataType.FLOAT, m, k);
        INDArray b =
                transB ? OpenBlas.alignedMatrix(DataType.FLOAT, n, k) : OpenBlas.alignedMatrix(DataType.FLOAT, k, n);
        b.assign(Nd4j.rand(DataType.FLOAT, b.shape())); // in place; aligned, as the models' recurrent weights
        INDArray c = Nd4j.zeros(DataType.FLOAT, m, n);
        double flops = 2.0 * m * k * n;
        int perRound = Math.max(3, (int) (4e8 / flops));
        for (int i = 0; i < 3 * perRound; i++) {
            OpenBlas.gemm(a, transA, b, transB, c, random.nextInt(2));
        }
        double[] rates = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                OpenBlas.gemm(a, transA, b, transB, c, 1);
            }
            rates[r] = flops * perRound / (System.nanoTime() - start);
        }
        Arrays.sort(rates);
        return rates[ROUNDS / 2];
    }
}
