/**
 * Sequence models of d2l section 8.1: a noisy sine wave (or the user's own series), an
 * autoregressive multilayer perceptron on windows of {@code tau} past values, and its one-step,
 * multistep and k-step predictions; plus, for book exercise 8.6.3, a small recurrent regressor on
 * the same windows. Both models are written out by hand on ND4J (forward, backward, Adam), in
 * float64.
 *
 * <h2>Axis order of ND4J arrays</h2>
 *
 * <p>As in {@code org.rnnplayground.model}: row-major ({@code 'c'} order), rows are examples and
 * columns are features. A block of windows is {@code [n, tau]}, column {@code i} holding the value
 * {@code i} steps after the window's start, so {@code features[:, i] = x[i : T - tau + i]} reads as
 * in the book; labels and predictions are {@code [n, 1]}. Weights are {@code [fan_in, fan_out]} so
 * that {@code H = relu(X W_1 + b_1)} reads left to right; biases are vectors {@code [fan_out]}
 * broadcast over rows. The series itself travels as a plain {@code double[]} of length {@code T},
 * index {@code i} holding {@code x} at time {@code t = i + 1} (the book's {@code time = arange(1,
 * T + 1)}).
 *
 * <p>ND4J's native threads are limited once for the whole process ({@code
 * org.rnnplayground.model.NativeThreads}); nothing here changes them.
 *
 * <p>This package imports neither Vaadin nor Spring.
 */
package org.rnnplayground.sequence;
