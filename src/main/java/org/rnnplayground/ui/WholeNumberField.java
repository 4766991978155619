package org.rnnplayground.ui;

import java.util.Optional;
import java.util.regex.Pattern;

/** A {@link NumberTextField} for whole numbers: digits with an optional sign, nothing else. */
public final class WholeNumberField extends NumberTextField<Integer> {

    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");

    public WholeNumberField(String id, String label) {
        super(id, label);
        getElement().setAttribute("inputmode", "numeric");
    }

    /** The whole number {@code text} (normalized) stands for, if it is one that fits an {@code int}. */
    static Optional<Integer> parseWhole(String text) {
        if (!WHOLE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** Checks now and on every change that the field holds a whole number from {@code min} to {@code max}. */
    public void setRange(int min, int max, java.util.function.Supplier<String> rangeMessage) {
        setCheck(v -> v >= min && v <= max, rangeMessage);
    }

    @Override
    protected Optional<Integer> parse(String text) {
        return parseWhole(text);
    }

    @Override
    protected boolean wellFormed(String text) {
        return WHOLE.matcher(text).matches();
    }

    @Override
    protected String format(Integer value) {
        return Integer.toString(value);
    }

    @Override
    protected String notANumberKey() {
        return "shell.number.notWhole";
    }
}
