package org.rnnplayground.admin.ui;

import com.vaadin.flow.component.BlurNotifier;
import com.vaadin.flow.component.FocusNotifier;
import com.vaadin.flow.component.HasValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Fields that show values from the server which the instructor may be editing (the limits). The
 * periodic refresh {@link #show}s the server's values only in fields that are not being edited,
 * that is fields without focus still holding the value last shown, and only where the server's
 * value changed; loading the page and applying {@link #reset} every field.
 *
 * @param <S> the server state the values come from
 */
final class ServerValues<S> {

    private final List<Binding<S, ?>> bindings = new ArrayList<>();

    /** Shows {@code value} of the server state in {@code field}. */
    <V> void bind(HasValue<?, V> field, Function<S, V> value) {
        bindings.add(new Binding<>(field, value));
    }

    /** Periodic refresh: only changed values, only in fields the instructor is not editing. */
    void show(S state) {
        bindings.forEach(b -> b.show(state, false));
    }

    /** On load and after applying: every field shows the server's value. */
    void reset(S state) {
        bindings.forEach(b -> b.show(state, true));
    }

    private static final class Binding<S, V> {
        private final HasValue<?, V> field;
        private final Function<S, V> value;
        private V shown;
        private boolean focused;

        Binding(HasValue<?, V> field, Function<S, V> value) {
            this.field = field;
            this.value = value;
            if (field instanceof FocusNotifier<?> f) {
                f.addFocusListener(e -> focused = true);
            }
            if (field instanceof BlurNotifier<?> b) {
                b.addBlurListener(e -> focused = false);
            }
        }

        boolean edited() {
            return focused || !Objects.equals(field.getValue(), shown);
        }

        void show(S state, boolean force) {
            V current = value.apply(state);
            if (force || (!Objects.equals(current, shown) && !edited())) {
                field.setValue(current);
                shown = current;
            }
        }
    }
}
