package org.rnnplayground.model;

import java.util.List;

/**
 * The shape of one tensor met during a real forward pass, for the Shapes page (d2l 8.4, 8.5).
 *
 * @param name the book's name: {@code X}, {@code one-hot}, {@code X_t}, {@code H_t}, {@code O_t},
 *     {@code outputs}, {@code W_xh}, ...
 * @param role what it is
 * @param step the time step for per-step tensors ({@code X_t}, {@code H_t}, {@code O_t}), else -1
 * @param shape the dimensions as the array has them
 * @param note how the model computes or uses it, may be empty
 */
public record TensorShape(String name, Role role, int step, List<Long> shape, String note) {

    /** What kind of tensor. */
    public enum Role {
        INPUT,
        STATE,
        ACTIVATION,
        OUTPUT,
        PARAMETER
    }

    public TensorShape {
        shape = List.copyOf(shape);
        note = note == null ? "" : note;
    }

    static TensorShape of(String name, Role role, int step, long[] shape, String note) {
        return new TensorShape(
                name, role, step, java.util.Arrays.stream(shape).boxed().toList(), note);
    }

    /** The number of elements, the product of the dimensions. */
    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** The shape as the book prints it, e.g. {@code (32, 35)}. */
    public String shapeText() {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(shape.get(i));
        }
        return b.append(shape.size() == 1 ? ",)" : ")").toString();
    }
}
