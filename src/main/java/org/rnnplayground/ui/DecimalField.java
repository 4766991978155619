package org.rnnplayground.ui;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@link NumberTextField} for decimal numbers, in plain or scientific notation: {@code 0.5},
 * {@code .5}, {@code 1e-3}, {@code 2E9}. Not {@code NaN}, {@code Infinity}, hexadecimal or Java's
 * {@code 1d}, which {@link Double#parseDouble} would accept, nor a number too large for a double.
 */
public final class DecimalField extends NumberTextField<Double> {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    /** Below this magnitude (and from {@link #LARGE} on) a value is shown in scientific notation. */
    private static final double SMALL = 1e-4;

    private static final double LARGE = 1e7;

    public DecimalField(String id, String label) {
        super(id, label);
        getElement().setAttribute("inputmode", "text"); // a decimal keypad has no "e"
    }

    /** The finite number {@code text} (normalized) stands for, if it is a decimal number. */
    static Optional<Double> parseDecimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        double v = Double.parseDouble(text);
        return Double.isFinite(v) ? Optional.of(v) : Optional.empty();
    }

    /** {@code 0.001}, {@code 10}, {@code 1e-5}, {@code 1e9}: as people write it, without trailing zeros. */
    public static String formatDecimal(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        double magnitude = Math.abs(v);
        if (v != 0 && (magnitude < SMALL || magnitude >= LARGE)) {
            int exponent = d.precision() - d.scale() - 1;
            return d.movePointLeft(exponent).toPlainString() + "e" + exponent;
        }
        return d.toPlainString();
    }

    @Override
    protected Optional<Double> parse(String text) {
        return parseDecimal(text);
    }

    @Override
    protected boolean wellFormed(String text) {
        return DECIMAL.matcher(text).matches();
    }

    @Override
    protected String format(Double value) {
        return formatDecimal(value);
    }

    @Override
    protected String notANumberKey() {
        return "shell.number.notDecimal";
    }
}
