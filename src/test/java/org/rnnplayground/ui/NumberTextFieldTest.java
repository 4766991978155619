package org.rnnplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.springframework.boot.test.context.SpringBootTest;

/** Numbers as people type them: read exactly, or refused with the text quoted, never replaced. */
@SpringBootTest(classes = Application.class)
@ViewPackages(packages = "org.rnnplayground")
class NumberTextFieldTest extends SpringBrowserlessTest {

    @Test
    void decimalsInPlainAndScientificNotation() {
        assertEquals(Optional.of(0.001), DecimalField.parseDecimal("1e-3"));
        assertEquals(Optional.of(0.2), DecimalField.parseDecimal("2e-1"));
        assertEquals(Optional.of(1e9), DecimalField.parseDecimal("1E9"));
        assertEquals(Optional.of(0.5), DecimalField.parseDecimal("0.5"));
        assertEquals(Optional.of(0.5), DecimalField.parseDecimal(".5"));
        assertEquals(Optional.of(5.0), DecimalField.parseDecimal("5."));
        assertEquals(Optional.of(-2.5e-7), DecimalField.parseDecimal("-2.5e-7"));
        assertEquals(Optional.of(100.0), DecimalField.parseDecimal("+1e+2"));
    }

    @Test
    void whatJavaWouldParseButPeopleDoNotMeanIsRefused() {
        for (String text :
                new String[] {"", "abc", "1e", "e3", "1e-", "NaN", "Infinity", "1d", "0x1p3", "1,5", "1e999", "1 000"
                }) {
            assertEquals(Optional.empty(), DecimalField.parseDecimal(text), text);
        }
    }

    @Test
    void wholeNumbersAreDigitsOnly() {
        assertEquals(Optional.of(32), WholeNumberField.parseWhole("32"));
        assertEquals(Optional.of(-3), WholeNumberField.parseWhole("-3"));
        assertEquals(Optional.of(7), WholeNumberField.parseWhole("+007"));
        for (String text : new String[] {"", "1e7", "12.5", "abc", "1,000", "99999999999", "12 5"}) {
            assertEquals(Optional.empty(), WholeNumberField.parseWhole(text), text);
        }
    }

    @Test
    void decimalsAreShownAsPeopleWriteThem() {
        assertEquals("0.001", DecimalField.formatDecimal(0.001));
        assertEquals("1", DecimalField.formatDecimal(1.0));
        assertEquals("10", DecimalField.formatDecimal(10));
        assertEquals("0.2", DecimalField.formatDecimal(0.2));
        assertEquals("1e-5", DecimalField.formatDecimal(1e-5));
        assertEquals("2.5e-7", DecimalField.formatDecimal(2.5e-7));
        assertEquals("1000000", DecimalField.formatDecimal(1e6));
        assertEquals("1e9", DecimalField.formatDecimal(1e9));
        assertEquals("0", DecimalField.formatDecimal(0));
        for (double v : new double[] {0.001, 1e-5, 2.5e-7, 1e9, 0.2, 123.456, 1e6}) {
            assertEquals(Optional.of(v), DecimalField.parseDecimal(DecimalField.formatDecimal(v)), "round trip " + v);
        }
    }

    @Test
    void fullWidthDigitsFromAChineseInputMethodRead() {
        DecimalField lr = new DecimalField("lr", "lr");
        lr.setValue("１ｅ－３");
        assertEquals(Optional.of(0.001), lr.number());
        WholeNumberField epochs = new WholeNumberField("epochs", "epochs");
        epochs.setValue(" ５００ ");
        assertEquals(Optional.of(500), epochs.number());
    }

    @Test
    void theFieldSaysWhatIsWrongAndKeepsTheText() {
        WholeNumberField epochs = new WholeNumberField("epochs", "epochs");
        epochs.setRange(1, 5000, () -> "from 1 to 5000");
        epochs.setValue("1e7");
        assertTrue(epochs.isInvalid(), "checked as soon as it changes");
        assertEquals("“1e7” is not a whole number. from 1 to 5000", epochs.getErrorMessage());
        assertEquals("1e7", epochs.getValue(), "never replaced");
        assertEquals(Optional.empty(), epochs.number());

        epochs.setValue("99999999999"); // a whole number, only too large: the range says it all
        assertEquals("from 1 to 5000", epochs.getErrorMessage());
        epochs.setValue("");
        assertEquals("from 1 to 5000", epochs.getErrorMessage());

        epochs.setValue("60");
        assertFalse(epochs.isInvalid());
        assertTrue(epochs.check());
        assertEquals(Optional.of(60), epochs.number());

        DecimalField lr = new DecimalField("lr", "lr");
        assertFalse(lr.check(v -> v > 0, "above 0"));
        lr.setNumber(0.001);
        assertEquals("0.001", lr.getValue());
        assertTrue(lr.check(v -> v > 0, "above 0"));
        lr.setValue("abc");
        assertFalse(lr.check(v -> v > 0, "above 0"));
        assertTrue(lr.getErrorMessage().startsWith("“abc” is not a number"), lr.getErrorMessage());
        assertTrue(lr.getErrorMessage().endsWith(". above 0"), lr.getErrorMessage());

        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        epochs.setValue("12.5");
        assertEquals("“12.5”不是整数。from 1 to 5000", epochs.getErrorMessage(), "joined without a space");
        String veryLong = "x".repeat(200);
        epochs.setValue(veryLong);
        assertTrue(epochs.getErrorMessage().length() < 60, "the text is quoted shortened: " + epochs.getErrorMessage());
    }
}
