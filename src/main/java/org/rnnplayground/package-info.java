/**
 * RNN Playground: chapter 8 of Dive into Deep Learning on the user's own text.
 *
 * <p>One package per feature, named as in the book: {@code text}, {@code sampling}, {@code model},
 * {@code training}, {@code sequence}, {@code admin}, plus a small shared {@code ui} base. The math
 * packages ({@code text}, {@code sampling}, {@code model}) use neither Vaadin nor Spring.
 */
package org.rnnplayground;
