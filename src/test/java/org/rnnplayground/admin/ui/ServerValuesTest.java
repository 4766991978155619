package org.rnnplayground.admin.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vaadin.flow.component.BlurNotifier;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.FocusNotifier;
import com.vaadin.flow.component.textfield.IntegerField;
import org.junit.jupiter.api.Test;

class ServerValuesTest {

    /** The server's state: one number. */
    record State(int value) {}

    private final IntegerField field = new IntegerField();
    private final ServerValues<State> values = new ServerValues<>();

    ServerValuesTest() {
        values.bind(field, State::value);
        values.reset(new State(3));
    }

    @Test
    void aChangedServerValueReachesAnUntouchedField() {
        values.show(new State(5));
        assertEquals(5, field.getValue());
    }

    @Test
    void aValueTypedAndNotAppliedIsNotOverwritten() {
        field.setValue(7); // the instructor's edit, synced when they left the field
        values.show(new State(3));
        values.show(new State(5));
        assertEquals(7, field.getValue());
        values.reset(new State(7)); // applied
        values.show(new State(9));
        assertEquals(9, field.getValue());
    }

    @Test
    void aFocusedFieldIsNotOverwritten() {
        ComponentUtil.fireEvent(field, new FocusNotifier.FocusEvent<>(field, true));
        values.show(new State(5));
        assertEquals(3, field.getValue());
        ComponentUtil.fireEvent(field, new BlurNotifier.BlurEvent<>(field, true));
        values.show(new State(5));
        assertEquals(5, field.getValue());
    }

    @Test
    void loadingShowsTheServerValueEvenOverAnEdit() {
        field.setValue(7);
        values.reset(new State(4));
        assertEquals(4, field.getValue());
    }
}
