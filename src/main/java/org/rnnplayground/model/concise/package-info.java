/**
 * The character model of d2l 8.6 ("concise implementation") and beyond, built from DL4J
 * 1.0.0-M2.1 layers behind the same {@link org.rnnplayground.model.CharModel} interface as the
 * from-scratch RNN: {@link org.rnnplayground.model.concise.ConciseRnn}, configured by {@link
 * org.rnnplayground.model.concise.ModelSpec} (implementation, cell, layers, embedding).
 *
 * <h2>What DL4J 1.0.0-M2.1 offers</h2>
 *
 * <ul>
 *   <li>Recurrent layers: {@code SimpleRnn}, {@code LSTM}, {@code GravesLSTM} (peepholes), and the
 *       wrappers {@code Bidirectional}, {@code LastTimeStep}, {@code TimeDistributed}, {@code
 *       MaskZeroLayer}. <b>No GRU layer.</b> ND4J has GRU ops: {@code gru} (the forward pass over
 *       all steps, PyTorch's formulation with one bias) and {@code gru_bp}, but in 1.0.0-M2.1 {@code
 *       gru_bp} does not return the gradient of {@code gru}: it disagrees with finite differences
 *       of it, for some weights by more than a factor of two. {@link org.rnnplayground.model.concise.GruLayer} is our DL4J layer: the
 *       same parameters and forward pass as the {@code gru} op (tested to 1e-12), our own backward
 *       pass (tested against finite differences), DL4J's state maps and parameter views.
 *   <li>{@code EmbeddingSequenceLayer} (input {@code [batch_size, num_steps]} indices, output {@code
 *       [batch_size, embed_size, num_steps]}) for exercise 8.5.2.
 *   <li>{@code RnnOutputLayer}: a dense layer per step with softmax and cross-entropy ({@code MCXENT}).
 *       Its score is the summed cross-entropy divided by {@code batch_size}, and its gradients are
 *       sums; {@code ConciseRnn} divides to the book's mean over {@code batch_size * num_steps}.
 *   <li>Gradient clipping is per layer or per parameter type ({@code GradientNormalization}); there
 *       is no global-norm clipping as in the book, so {@code ConciseRnn} clips the network's flat
 *       gradient itself and takes the SGD step on the flat parameter vector.
 * </ul>
 *
 * <h2>Our layers</h2>
 *
 * <p>{@code CarriedStateSimpleRnn}, {@code CarriedStateLstm}, {@code GruLayer} and {@code
 * TimeMajorRnnOutputLayer} are DL4J layers (configuration and implementation subclasses) that keep DL4J's parameters, gradient views
 * and state maps and compute their own passes: time-major buffers allocated once per (batch_size,
 * num_steps), direct BLAS products, element-wise work in Java loops on host copies, and the backward
 * pass reusing the training forward pass that preceded it. What they return are views of their
 * buffers, valid until the layer's next pass (as arrays in a DL4J workspace are); {@link
 * org.rnnplayground.model.concise.ConciseRnn#releaseWorkingMemory()} drops the buffers of a model
 * that is done training. DL4J's own {@code SimpleRnn} and {@code RnnOutputLayer} trained the book's
 * model at 0.43x PyTorch's speed; these at about 3x (docs/benchmarks.md).
 *
 * <h2>Carrying the state: what DL4J does and what we do</h2>
 *
 * <p>Each recurrent layer keeps two state maps, keyed {@code "prevAct"} ({@code H}, {@code
 * [batch_size, num_hiddens]}) and, for LSTM, {@code "prevMem"} ({@code C}):
 *
 * <ul>
 *   <li>(a) a given initial state: {@code rnnSetPreviousState(map)} (used by {@code rnnTimeStep})
 *       and {@code rnnSetTBPTTState(map)} (used by {@code rnnActivateUsingStoredState}); both take
 *       the per-layer {@code [batch_size, num_hiddens]} arrays;
 *   <li>(b) the final state: {@code rnnActivateUsingStoredState(input, training, true, mgr)} stores
 *       the last step in the TBPTT map, read back with {@code rnnGetTBPTTState()} ({@code
 *       rnnTimeStep} does the same in the other map, {@code rnnGetPreviousState()}).
 * </ul>
 *
 * <p>The backward pass is where 1.0.0-M2.1 falls short for sequential partitioning:
 *
 * <ul>
 *   <li>{@code MultiLayerNetwork.computeGradientAndScore()} runs the forward pass from the stored
 *       TBPTT state, but calls each layer's {@code backpropGradient} (never {@code
 *       tbpttBackpropGradient}: the flag is hard-coded {@code false}); the layers then recompute
 *       their forward pass from a <b>zero</b> state. The loss and the gradients belong to different
 *       forward passes whenever the state is not zero. Its own {@code fit} with truncated BPTT has
 *       the same problem from the second segment on.
 *   <li>{@code LSTM.tbpttBackpropGradient} recomputes the forward pass from {@code
 *       rnnGetPreviousState()}, so it is right when both maps hold the carried state. {@link
 *       org.rnnplayground.model.concise.CarriedStateLstm} computes the same numbers (tested to 1e-12
 *       against DL4J's layer), only faster: time-major buffers, and no recomputation when the input
 *       and that state are the same objects as in the training forward pass.
 *   <li>{@code SimpleRnn} recomputes from zeros in both {@code backpropGradient} and {@code
 *       tbpttBackpropGradient}; {@link org.rnnplayground.model.concise.CarriedStateSimpleRnn}
 *       replaces that backward pass (and, for speed, the forward pass: time-major buffers, no
 *       recomputation; {@link org.rnnplayground.model.concise.TimeMajorRnnOutputLayer} does the same
 *       for the output layer).
 *   <li>Our {@code GruLayer} backpropagates from {@code rnnGetPreviousState()} as the LSTM does,
 *       and reuses the gates of the training forward pass when the input and that state are the
 *       same objects.
 * </ul>
 *
 * <p>So {@code ConciseRnn} sets both maps to the carried state, runs the layers itself with {@code
 * rnnActivateUsingStoredState}, and backpropagates with {@code tbpttBackpropGradient(eps,
 * num_steps)}. The state is a constant there: no gradient flows into the previous minibatch. Tests
 * check both rules against finite differences, and that one RNN layer equals the from-scratch model
 * to 1e-12 in float64 (same weights: DL4J's {@code W}, {@code RW}, {@code b} are {@code W_xh},
 * {@code W_hh}, {@code b_h} with the same row-vector layout; the output layer's {@code W}, {@code b}
 * are {@code W_hq}, {@code b_q}).
 *
 * <p>Layouts: DL4J's recurrent arrays are {@code [batch_size, features, num_steps]} ({@code NCW},
 * set explicitly on every layer); parameter views are {@code 'f'}-ordered, so index them by (row,
 * column), not by a linear index. States are {@code [num_layers, batch_size, num_hiddens]} as
 * PyTorch's. Outputs are time-major {@code [num_steps * batch_size, vocab_size]} logits, as the
 * from-scratch model's.
 *
 * <p>DL4J draws initial weights from ND4J's global random generator, seeded by the configuration's
 * seed when the network is initialised. This package imports neither Vaadin nor Spring.
 */
package org.rnnplayground.model.concise;
