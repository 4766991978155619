package org.rnnplayground.model;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.shape.OneHot;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnplayground.model.TensorShape.Role;

/**
 * The RNN of d2l 8.5 from scratch: {@code H_t = phi(X_t W_xh + H_{t-1} W_hh + b_h)},
 * {@code O_t = H_t W_hq + b_q}, trained by backpropagation through time written out by hand.
 *
 * <p>All per-minibatch arrays live in an {@link RnnWorkspace} allocated once per (batch_size,
 * num_steps) shape; products are written into it by {@link OpenBlas#gemm} with transpose flags, so a
 * training step allocates almost nothing. Not thread-safe.
 */
public final class ScratchRnn implements CharModel {

    private final RnnParams params;
    private final RnnParams grads;
    private final Activation activation;
    private RnnWorkspace ws;
    /** The tokens of the last forward pass, time-major, [T*B]. */
    private int[] tokens;
    /** Watches the next backward pass of {@link #probeGradients}; null otherwise. */
    private BackwardProbe probe;

    /**
     * Wraps existing parameters; training updates them in place.
     *
     * @param params the parameters; their data type (float32 or float64) is the model's
     */
    public ScratchRnn(RnnParams params, Activation activation) {
        this.params = params;
        this.grads = RnnParams.zerosLike(params);
        this.activation = activation;
    }

    /** A fresh model initialised as the book does, from {@code seed}. */
    public static ScratchRnn create(
            int vocabSize, int numHiddens, Activation activation, DataType dataType, long seed) {
        return new ScratchRnn(RnnParams.init(vocabSize, numHiddens, dataType, seed), activation);
    }

    @Override
    public ScratchRnn snapshot() {
        return new ScratchRnn(params.copy(), activation);
    }

    /** {@code W_xh, W_hh, b_h, W_hq, b_q}, each in row-major order. */
    @Override
    public double[] parameters() {
        double[] all = new double[Math.toIntExact(params.count())];
        int at = 0;
        for (INDArray a : params.arrays()) {
            double[] values = a.dup('c').data().asDouble();
            System.arraycopy(values, 0, all, at, values.length);
            at += values.length;
        }
        return all;
    }

    @Override
    public void loadParameters(double[] values) {
        if (values.length != params.count()) {
            throw new IllegalArgumentException("expected " + params.count() + " parameters, got " + values.length);
        }
        int at = 0;
        for (INDArray a : params.arrays()) {
            int n = Math.toIntExact(a.length());
            double[] slice = java.util.Arrays.copyOfRange(values, at, at + n);
            a.assign(Nd4j.create(slice, a.shape(), 'c').castTo(a.dataType()));
            at += n;
        }
    }

    /**
     * What this model costs for these sizes, before it is built (see {@link Footprint}): its {@link
     * RnnParams} and their gradients, plus the initialisation's temporaries of the largest weight
     * (a {@code double[]} of the normal draws, its float64 array and the cast to the model's type);
     * per step the {@link RnnWorkspace}, the flattened token indices and the returned state; a
     * traced pass adds the one-hot inputs and a copy of the logits.
     */
    public static Footprint footprint(
            int vocabSize, int numHiddens, int batchSize, int numSteps, TrainConfig.Precision precision) {
        long v = vocabSize;
        long h = numHiddens;
        int b = (int) precision.dataType().width();
        long parameters = v * h + h * h + h + h * v + v;
        double n = (double) batchSize * numSteps;
        double init = (2 * Double.BYTES + b) * (double) Math.max(v, h) * h;
        double model = 2.0 * parameters * b + init;
        double step =
                RnnWorkspace.bytes(batchSize, numSteps, v, h, b) + 2 * n * Integer.BYTES + (double) batchSize * h * b;
        double trace = step + n * v * (Double.BYTES + b);
        return new Footprint(
                parameters,
                b,
                Footprint.bytes(model),
                Footprint.bytes(step),
                Footprint.bytes(trace),
                h * h + h * v, // H_{t-1} W_hh and H_t W_hq; X_t W_xh gathers a row
                (long) batchSize * numSteps);
    }

    /** The live parameters (updated in place by {@link #trainStep}). */
    public RnnParams params() {
        return params;
    }

    /** The live gradients of the last {@link #lossAndGradients} or {@link #trainStep}, after clipping. */
    RnnParams grads() {
        return grads;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    public int vocabSize() {
        return params.vocabSize();
    }

    @Override
    public int numHiddens() {
        return params.numHiddens();
    }

    @Override
    public long parameterCount() {
        return params.count();
    }

    @Override
    public State beginState(int batchSize) {
        return State.of(Nd4j.zeros(params.dataType(), batchSize, numHiddens()));
    }

    @Override
    public Forward forward(int[][] x, State state) {
        forwardPass(x, state.h());
        return new Forward(ws.logits.dup().addiRowVector(params.bQ()), finalState()); // O = H W_hq + b_q, [T*B, V]
    }

    @Override
    public StepResult trainStep(int[][] x, int[][] y, State state, TrainHyper hyper) {
        StepResult result = lossAndGradients(x, y, state, hyper);
        if (result.finite()) {
            Sgd.sgd(params.arrays(), grads.arrays(), hyper.lr());
        }
        return result;
    }

    /**
     * The same step with the output layer and the weight gradients on {@code lane}'s thread, piece
     * by piece while this thread runs the recurrence (see {@link #lossAndGradients(int[][], int[][],
     * State, TrainHyper, Lane)}); without a second thread, {@link #trainStep(int[][], int[][], State,
     * TrainHyper)}.
     */
    @Override
    public StepResult trainStep(int[][] x, int[][] y, State state, TrainHyper hyper, Lane lane) {
        if (!lane.parallel() || !Lane.pays((long) numHiddens() * numHiddens())) {
            return trainStep(x, y, state, hyper);
        }
        StepResult result = lossAndGradients(x, y, state, hyper, lane);
        if (result.finite()) {
            Sgd.sgd(params.arrays(), grads.arrays(), hyper.lr());
        }
        return result;
    }

    /**
     * Forward, loss and backward without the update; the (clipped) gradients are left in
     * {@link #grads()}.
     */
    StepResult lossAndGradients(int[][] x, int[][] y, State state, TrainHyper hyper) {
        forwardPass(x, state.h());
        double loss = crossEntropy(y);
        backward();
        return clipped(loss, hyper);
    }

    @Override
    public StepResult probeGradients(int[][] x, int[][] y, State state, TrainHyper hyper, BackwardProbe probe) {
        this.probe = probe;
        try {
            return lossAndGradients(x, y, state, hyper);
        } finally {
            this.probe = null;
        }
    }

    /** {@code H_1..H_T} of the forward pass over {@code x}. */
    @Override
    public List<Channel> channels(int[][] x, State state) {
        forwardPass(x, state.h());
        return List.of(Channel.of(0, "H", ws.batchSize, ws.hOutAll)); // [T*B, h]
    }

    /**
     * Mean cross-entropy of the model on one minibatch, without gradients (for checks and evaluation).
     *
     * @param x token indices, [batch_size, num_steps]
     * @param y label indices, [batch_size, num_steps]
     */
    public double loss(int[][] x, int[][] y, State state) {
        forwardPass(x, state.h());
        return crossEntropy(y);
    }

    // ---------------------------------------------------------------- forward

    /**
     * Runs the recurrence over all steps, leaving {@code H_0..H_T} in {@code ws.hAll} and the logits
     * without their bias, {@code H W_hq}, in {@code ws.logits} (the loss adds {@code b_q}).
     *
     * @param x token indices, [batch_size, num_steps]
     * @param h0 the state carried in, [batch_size, num_hiddens]; copied, not modified
     */
    private void forwardPass(int[][] x, INDArray h0) {
        prepareForward(x, h0);
        for (int t = 0; t < ws.numSteps; t++) {
            cellForward(t);
        }
        // O - b_q = H W_hq for all steps in one product
        OpenBlas.gemm(ws.hOutAll, false, params.wHq(), false, ws.logits, 0); // [T*B, V]
    }

    /**
     * Everything before the first step: the workspace for this shape, the tokens, {@code X_t W_xh +
     * b_h} of every step in {@code ws.hAll}, {@code H_0} and the aligned copy of {@code W_hh}.
     */
    private void prepareForward(int[][] x, INDArray h0) {
        int batchSize = x.length;
        int numSteps = x[0].length;
        if (h0.size(0) != batchSize || h0.size(1) != numHiddens()) {
            throw new IllegalArgumentException("state has shape " + java.util.Arrays.toString(h0.shape())
                    + ", expected [" + batchSize + ", " + numHiddens() + "]");
        }
        workspace(batchSize, numSteps);
        // X_t W_xh for all steps at once: row t*B+i of W_xh gathered = one-hot(x[i][t]) W_xh
        tokens = timeMajor(x); // [T*B]
        Nd4j.pullRows(params.wXh(), ws.hOutAll, 1, tokens); // [T*B, h]
        ws.hOutAll.addiRowVector(params.bH()); // + b_h, in place on the workspace, [T*B, h]
        ws.hStep[0].assign(h0);
        ws.wHh.assign(params.wHh()); // in place on the workspace's aligned copy
    }

    /**
     * Step {@code t} of the cell: {@code H_{t+1} = phi(A)} with
     * {@code A = (X_t W_xh + b_h) + H_t W_hh}, where block {@code t + 1} of {@code ws.hAll} holds
     * {@code X_t W_xh + b_h} on entry and {@code H_{t+1}} on exit (in place); the host copy of that
     * block is left holding {@code H_{t+1}} for the backward pass.
     */
    private void cellForward(int t) {
        OpenBlas.gemm(ws.hStep[t], false, ws.wHh, false, ws.hStep[t + 1], 1); // += [B, h] x [h, h]
        int from = (t + 1) * ws.batchSize;
        int to = from + ws.batchSize;
        ws.hHost.pull(from, to); // A, [B, h]
        activation.apply(ws.hHost, from, to); // phi(A), in place on the host copy
        ws.hHost.push(from, to); // H_{t+1}, in place on the workspace
    }

    /**
     * {@code dA = dH * phi'(A)} for step {@code t}, with {@code phi'} computed from the stored
     * {@code H_{t+1}}: in place on block {@code t} of {@code ws.dHAll}, through its host copy.
     */
    private void activationBackward(int t) {
        int from = t * ws.batchSize;
        int to = from + ws.batchSize;
        ws.dHHost.pull(from, to); // dL/dH_{t+1}, [B, h]
        activation.backprop(ws.dHHost, from, ws.hHost, from + ws.batchSize, ws.batchSize); // in place
        ws.dHHost.push(from, to); // dL/dA, in place on the workspace
    }

    /**
     * Backpropagates {@code dL/dA_t} of one step to {@code H_{t-1}}: {@code dH_{t-1} += dA_t W_hh^T}.
     * The mirror of {@link #cellForward}; the {@code W_hh} gradient is summed over steps afterwards.
     *
     * @param dA {@code dL/dA_t}, [batch_size, num_hiddens]
     * @param dHPrev {@code dL/dH_{t-1}} from the output layer, [batch_size, num_hiddens]; accumulated
     *     in place
     */
    private void cellBackward(INDArray dA, INDArray dHPrev) {
        OpenBlas.gemm(dA, false, ws.wHhT, false, dHPrev, 1); // += [B, h] x [h, h]^T, W_hh^T stored as such
    }

    // ---------------------------------------------------------------- on two threads

    /**
     * {@link #lossAndGradients(int[][], int[][], State, TrainHyper)} on two threads. This thread runs
     * the recurrence, forwards and backwards, which no other thread can shorten. Whenever it finishes
     * a piece of steps ({@link StepPieces}), the lane takes it:
     * forwards, its logits, loss, {@code dL/dO}, {@code dL/dH} from the output layer and its share
     * of {@code W_hq}'s and {@code b_q}'s gradients; backwards, its share of {@code W_hh}'s, {@code
     * b_h}'s and {@code W_xh}'s. The lane's pieces touch only rows this thread is done with, and it is
     * joined before the backward pass (which starts from the output layer's {@code dL/dH}) and at the
     * end. The numbers are the single-threaded path's, summed piece by piece.
     */
    private StepResult lossAndGradients(int[][] x, int[][] y, State state, TrainHyper hyper, Lane lane) {
        prepareForward(x, state.h());
        int[] labels = timeMajor(y); // [T*B]
        double[] lossSum = {0}; // written by the lane only, read after joining it
        lane.submit(() -> {
            ws.wHhT.assign(params.wHh().transpose()); // for the backward pass, in place on the aligned copy
            ws.labelsHost.oneHot(labels); // [T*B, V], on the host only
            ws.bias.assign(params.bQ().reshape(1, vocabSize())); // [1, V], in place on the workspace
            ws.biasHost.pull(0, 1);
            ws.outputBiasGradHost.clear();
        });
        for (int t = 0; t < ws.numSteps; t++) {
            cellForward(t);
            int k = ws.pieces.of(t);
            if (t + 1 == ws.pieces.end(k)) {
                lane.submit(() -> lossSum[0] += outputLayer(k));
            }
        }
        lane.join(); // dL/dH of the output layer, every step
        double loss = lossSum[0] / ws.n;
        for (int t = ws.numSteps - 1; t >= 0; t--) {
            activationBackward(t);
            if (t > 0) {
                cellBackward(ws.dHStep[t], ws.dHStep[t - 1]);
            }
            int k = ws.pieces.of(t);
            if (t == ws.pieces.start(k)) {
                lane.submit(() -> recurrentGradients(k));
            }
        }
        lane.join();
        ws.outputBiasGradHost.push(0, 1);
        grads.bQ().assign(ws.outputBiasGrad.reshape(vocabSize())); // [V], in place on the gradient
        inputGradientsFromHost();
        return clipped(loss, hyper);
    }

    /**
     * The output layer of piece {@code k}, on the lane: {@code O = H W_hq} and, through {@link
     * SoftmaxCrossEntropy}, {@code dL/dO} (in {@code ws.logits}); then {@code dW_hq} (+)= {@code H^T
     * dL/dO}, {@code b_q}'s gradient and {@code dL/dH = dL/dO W_hq^T} (in {@code ws.dHAll}) for the
     * piece's rows.
     *
     * @return the piece's summed cross-entropy
     */
    private double outputLayer(int k) {
        int from = ws.pieces.start(k) * ws.batchSize;
        int to = ws.pieces.end(k) * ws.batchSize;
        INDArray h = ws.hOutPiece[k]; // H, [rows, h]
        INDArray o = ws.logitsPiece[k]; // [rows, V]
        OpenBlas.gemm(h, false, params.wHq(), false, o, 0); // O - b_q = [rows, h] x [h, V]
        ws.logitsHost.pull(from, to);
        double sum = SoftmaxCrossEntropy.lossAndDelta(ws.logitsHost, ws.biasHost, ws.labelsHost, from, to);
        ws.logitsHost.scale(from, to, 1.0 / ws.n); // the loss is a mean
        ws.logitsHost.push(from, to); // dL/dO, in place on the workspace
        ws.logitsHost.addRowsTo(from, to, ws.outputBiasGradHost); // 1^T dL/dO, [1, V]
        OpenBlas.gemm(h, true, o, false, grads.wHq(), k == 0 ? 0 : 1); // [h, rows] x [rows, V]
        OpenBlas.gemm(o, false, params.wHq(), true, ws.dHPiece[k], 0); // dL/dH = [rows, V] x [V, h]
        return sum;
    }

    /**
     * Piece {@code k}'s share of the recurrent layer's gradients, on the lane, once this thread has
     * its {@code dL/dA} (the last piece first): {@code dW_hh} (+)= {@code H_prev^T dA}, and on the
     * host copy of {@code dA}, {@code b_h}'s gradient and {@code W_xh}'s as a scatter-add of rows.
     */
    private void recurrentGradients(int k) {
        int from = ws.pieces.start(k) * ws.batchSize;
        int to = ws.pieces.end(k) * ws.batchSize;
        boolean first = ws.pieces.last(k);
        OpenBlas.gemm(
                ws.hPrevPiece[k], true, ws.dHPiece[k], false, grads.wHh(), first ? 0 : 1); // [h, rows] x [rows, h]
        if (first) {
            ws.biasGradHost.clear();
            ws.inputGradHost.clear();
        }
        ws.dHHost.addRowsTo(from, to, ws.biasGradHost); // [1, h]
        ws.dHHost.scatterAddRows(from, to, tokens, ws.inputGradHost); // [V, h]
    }

    // ---------------------------------------------------------------- loss

    /**
     * Mean cross-entropy of {@code softmax(O)} against the labels ({@link SoftmaxCrossEntropy}, on
     * host copies); leaves {@code dL/dO = (softmax(O) - onehot(y)) / N} in {@code ws.logits}, in
     * place.
     *
     * @param y label indices, [batch_size, num_steps], flattened time-major as {@code Y.T.reshape(-1)}
     * @return the mean loss in nats
     */
    private double crossEntropy(int[][] y) {
        ws.labelsHost.oneHot(timeMajor(y)); // [T*B, V], on the host only
        ws.bias.assign(params.bQ().reshape(1, vocabSize())); // [1, V], in place on the workspace
        ws.biasHost.pull(0, 1);
        ws.logitsHost.pull(0, ws.n); // O - b_q, [T*B, V]
        double sum = SoftmaxCrossEntropy.lossAndDelta(ws.logitsHost, ws.biasHost, ws.labelsHost, ws.n);
        ws.logitsHost.scale(0, ws.n, 1.0 / ws.n); // the loss is a mean
        ws.logitsHost.push(0, ws.n); // dL/dO, in place on the workspace
        return sum / ws.n;
    }

    // ---------------------------------------------------------------- backward

    /**
     * Backpropagation through time from dL/dO in {@code ws.logits} down to {@code H_0}, which is a constant
     * (the gradient stops at the minibatch boundary), for the tokens of the last forward pass.
     * Writes every gradient into {@link #grads}.
     */
    private void backward() {
        // output layer: O = H W_hq + b_q
        INDArray dLogits = ws.logits; // dL/dO, [T*B, V]
        OpenBlas.gemm(ws.hOutAll, true, dLogits, false, grads.wHq(), 0); // [h, T*B] x [T*B, V]
        dLogits.sum(grads.bQ(), 0); // [V]
        OpenBlas.gemm(dLogits, false, params.wHq(), true, ws.dHAll, 0); // [T*B, V] x [V, h]
        // recurrence, last step first; dHStep[t] becomes dL/dA for H_{t+1} in place
        ws.wHhT.assign(params.wHh().transpose()); // in place on the workspace's aligned copy
        for (int t = ws.numSteps - 1; t >= 0; t--) {
            if (probe != null) {
                probe.hiddenGradient(0, t + 1, ws.dHStep[t]); // dL/dH_{t+1}, [B, h]
            }
            activationBackward(t);
            if (probe != null) {
                probe.recurrentGradient(0, t + 1, ws.hStep[t], ws.dHStep[t]); // H_t and dL/dA_{t+1}, [B, h]
            }
            if (t > 0) {
                cellBackward(ws.dHStep[t], ws.dHStep[t - 1]);
            }
        }
        INDArray dA = ws.dHAll; // [T*B, h]
        OpenBlas.gemm(ws.hPrevAll, true, dA, false, grads.wHh(), 0); // [h, T*B] x [T*B, h]
        // the host copy of dA holds the same numbers: db_h = 1^T dA, and dW_xh = one-hot(X)^T dA
        // as a scatter-add of its rows (row k sums dA over the rows whose token is k), no product
        ws.dHHost.sumRows(0, ws.n, ws.biasGradHost); // [1, h]
        ws.inputGradHost.clear();
        ws.dHHost.scatterAddRows(0, ws.n, tokens, ws.inputGradHost); // [V, h]
        inputGradientsFromHost();
    }

    /** {@code b_h}'s and {@code W_xh}'s gradients from the host copies they were summed in, in place on the gradients. */
    private void inputGradientsFromHost() {
        ws.biasGradHost.push(0, 1);
        grads.bH().assign(ws.biasGrad.reshape(numHiddens())); // [h], in place on the gradient
        ws.inputGradHost.push(0, vocabSize());
        grads.wXh().assign(ws.inputGrad); // [V, h], in place on the gradient
    }

    /** Clips the gradients (measures their norm, at least) and reports the step. */
    private StepResult clipped(double loss, TrainHyper hyper) {
        GradClipping.Clip clip =
                GradClipping.gradClipping(grads.arrays(), hyper.theta(), hyper.clip() && Double.isFinite(loss));
        boolean finite = Double.isFinite(loss) && Double.isFinite(clip.norm());
        return new StepResult(loss, ws.n, clip.norm(), clip.clipped(), finite, finalState());
    }

    // ---------------------------------------------------------------- shapes

    @Override
    public List<TensorShape> traceShapes(int[][] x) {
        int batchSize = x.length;
        int numSteps = x[0].length;
        List<TensorShape> out = new ArrayList<>();
        INDArray xArray = Nd4j.createFromArray(x); // [B, T]
        out.add(TensorShape.of("X", Role.INPUT, -1, xArray.shape(), "token indices"));
        INDArray oneHot = Nd4j.exec(new OneHot(xArray.transpose().dup(), vocabSize(), -1, 1.0, 0.0))[0]; // [T, B, V]
        out.add(TensorShape.of(
                "one-hot",
                Role.INPUT,
                -1,
                oneHot.shape(),
                "F.one_hot(X.T, vocab_size); the model gathers rows of W_xh instead"));
        State state = beginState(batchSize);
        out.add(TensorShape.of("H_0", Role.STATE, 0, state.h().shape(), "begin_state"));
        forwardPass(x, state.h());
        for (int t = 0; t < numSteps; t++) {
            out.add(TensorShape.of("X_t", Role.INPUT, t + 1, oneHot.slice(t).shape(), ""));
            out.add(TensorShape.of("H_t", Role.ACTIVATION, t + 1, ws.hStep[t + 1].shape(), ""));
            INDArray oT = RnnWorkspace.rows(ws.logits, t * batchSize, (t + 1) * batchSize);
            out.add(TensorShape.of("O_t", Role.OUTPUT, t + 1, oT.shape(), ""));
        }
        out.add(TensorShape.of("outputs", Role.OUTPUT, -1, ws.logits.shape(), "torch.cat(outputs), time-major"));
        out.add(TensorShape.of("H_T", Role.STATE, numSteps, ws.hStep[numSteps].shape(), "state returned"));
        List<String> names = RnnParams.names();
        List<INDArray> arrays = params.arrays();
        for (int i = 0; i < arrays.size(); i++) {
            out.add(TensorShape.of(
                    names.get(i), Role.PARAMETER, -1, arrays.get(i).shape(), ""));
        }
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- helpers

    @Override
    public void releaseWorkingMemory() {
        ws = null;
    }

    private void workspace(int batchSize, int numSteps) {
        if (ws == null || !ws.fits(batchSize, numSteps)) {
            ws = new RnnWorkspace(batchSize, numSteps, vocabSize(), numHiddens(), params.dataType());
        }
    }

    private State finalState() {
        return State.of(ws.hStep[ws.numSteps].dup());
    }

    /**
     * Flattens {@code [batch_size][num_steps]} time-major: element {@code t * B + i} is {@code m[i][t]}
     * ({@code M.T.reshape(-1)}). Checks that every index is in the vocabulary.
     */
    private int[] timeMajor(int[][] m) {
        int batchSize = m.length;
        int numSteps = m[0].length;
        int v = vocabSize();
        int[] flat = new int[batchSize * numSteps];
        for (int i = 0; i < batchSize; i++) {
            if (m[i].length != numSteps) {
                throw new IllegalArgumentException(
                        "ragged minibatch: row " + i + " has " + m[i].length + " steps, row 0 has " + numSteps);
            }
            for (int t = 0; t < numSteps; t++) {
                int token = m[i][t];
                if (token < 0 || token >= v) {
                    throw new IllegalArgumentException(
                            "token index " + token + " outside the vocabulary [0, " + v + ")");
                }
                flat[t * batchSize + i] = token;
            }
        }
        return flat;
    }
}
