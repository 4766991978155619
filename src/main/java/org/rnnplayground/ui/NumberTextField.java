package org.rnnplayground.ui;

import com.vaadin.flow.component.textfield.TextField;
import java.text.Normalizer;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A text field for a number as people type it ({@code 1e-3}, {@code 0.5}, {@code 32}). Vaadin's
 * {@code NumberField} and {@code IntegerField} filter keystrokes in the browser, so {@code 1e-3}
 * arrived as 1 and {@code 1e7} as 17; this field sends the text as typed, and the server parses it
 * and refuses, next to the field, what is not a number of the field's kind rather than replacing
 * it. Full-width digits and signs (typed with a Chinese input method) read as their ASCII forms.
 *
 * <p>The range is the form's business: {@link #check} marks the field with the form's message, or
 * with "not a number" and the form's message when the text does not parse. A standing check set
 * with {@link #setCheck} runs on every change, so the field explains itself as soon as it is left.
 *
 * @param <N> {@code Integer} or {@code Double}
 */
public abstract sealed class NumberTextField<N extends Number> extends TextField
        permits WholeNumberField, DecimalField {

    /** Longest piece of the typed text quoted back in a message. */
    private static final int QUOTE_LENGTH = 24;

    private Predicate<N> standing;
    private Supplier<String> standingMessage;

    protected NumberTextField(String id, String label) {
        super(label);
        setId(id);
        addClassName("number-text");
        // the form decides validity; Vaadin's own constraint check would reset the mark on each change
        setManualValidation(true);
        getElement().setAttribute("autocomplete", "off");
        addValueChangeListener(e -> {
            if (standing != null) {
                check(standing, standingMessage.get());
            }
        });
    }

    /** The number in the field, or empty when its text is blank or not a number of this kind. */
    public Optional<N> number() {
        return parse(normalized());
    }

    /** Shows {@code value} in the field (blank for null). */
    public void setNumber(N value) {
        setValue(value == null ? "" : format(value));
    }

    /**
     * Marks the field invalid unless its text is a number that {@code valid} accepts.
     *
     * @param rangeMessage what the form accepts, e.g. "Enter a whole number from 1 to 5000."
     * @return whether the field holds a valid number
     */
    public boolean check(Predicate<N> valid, String rangeMessage) {
        String text = normalized();
        Optional<N> n = parse(text);
        String problem;
        if (n.isPresent()) {
            problem = valid.test(n.get()) ? null : rangeMessage;
        } else if (text.isEmpty() || wellFormed(text)) {
            problem = rangeMessage;
        } else {
            problem = getTranslation(notANumberKey(), quote(getValue().strip()), rangeMessage);
        }
        setInvalid(problem != null);
        setErrorMessage(problem);
        return problem == null;
    }

    /** Runs {@link #check} with these arguments now and on every change of the value. */
    public void setCheck(Predicate<N> valid, Supplier<String> rangeMessage) {
        this.standing = valid;
        this.standingMessage = rangeMessage;
    }

    /** Runs the standing check set by {@link #setCheck}; true when there is none. */
    public boolean check() {
        return standing == null || check(standing, standingMessage.get());
    }

    /** Removes a mark, e.g. when the field is hidden and no longer part of the form. */
    public void clearMark() {
        setInvalid(false);
        setErrorMessage(null);
    }

    /** The number {@code text} (normalized, stripped) stands for, if it is one of this kind. */
    protected abstract Optional<N> parse(String text);

    /** Whether {@code text} has the form of this kind of number even though it does not parse (too large). */
    protected abstract boolean wellFormed(String text);

    protected abstract String format(N value);

    /** Translation key of "{0} is not a ... number. {1}", {1} being what the form accepts. */
    protected abstract String notANumberKey();

    /** The field's text in ASCII digits and signs, without surrounding blanks. */
    private String normalized() {
        return normalize(getValue());
    }

    static String normalize(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC)
                .replace('\u2212', '-')
                .strip();
    }

    private static String quote(String text) {
        return text.length() <= QUOTE_LENGTH ? text : text.substring(0, QUOTE_LENGTH) + "…";
    }
}
