package org.rnnplayground.admin.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.rnnplayground.training.RunQueue;
import org.rnnplayground.training.TrainingLimits;
import org.rnnplayground.training.TrainingLimits.Field;
import org.rnnplayground.ui.WholeNumberField;

/**
 * The queue's limits and the lifetimes of runs, as the instructor edits them. The server checks
 * every value ({@link TrainingLimits}); a refused value keeps what was typed, and the message and
 * the field say which value and what range.
 */
class LimitsForm extends Div {

    final WholeNumberField slots = field("admin-slots", "admin.limits.slots");
    final WholeNumberField maxQueued = field("admin-max-queued", "admin.limits.maxQueued");
    final WholeNumberField maxRunning = field("admin-max-running", "admin.limits.maxRunning");
    final WholeNumberField keepFinished = field("admin-keep-finished", "admin.limits.keepFinished");
    final WholeNumberField maxQueuedTotal = field("admin-max-queued-total", "admin.limits.maxQueuedTotal");
    final WholeNumberField maxPerAddress = field("admin-max-per-address", "admin.limits.maxPerAddress");
    final WholeNumberField maxRunMinutes = field("admin-max-run-minutes", "admin.limits.maxRunMinutes");
    final WholeNumberField awayMinutes = field("admin-away-minutes", "admin.limits.awayMinutes");
    final WholeNumberField keepMinutes = field("admin-keep-minutes", "admin.limits.keepMinutes");
    final Button apply = new Button();
    final Paragraph message = new Paragraph();

    private final RunQueue queue;
    private final Map<Field, WholeNumberField> fields = new EnumMap<>(Field.class);

    LimitsForm(RunQueue queue) {
        this.queue = queue;
        fields.put(Field.SLOTS, slots);
        fields.put(Field.MAX_QUEUED_PER_USER, maxQueued);
        fields.put(Field.MAX_RUNNING_PER_USER, maxRunning);
        fields.put(Field.KEEP_FINISHED_PER_USER, keepFinished);
        fields.put(Field.MAX_QUEUED_TOTAL, maxQueuedTotal);
        fields.put(Field.MAX_RUNS_PER_ADDRESS, maxPerAddress);
        fields.put(Field.MAX_RUN_MINUTES, maxRunMinutes);
        fields.put(Field.AWAY_AFTER_MINUTES, awayMinutes);
        fields.put(Field.KEEP_FINISHED_MINUTES, keepMinutes);
        maxPerAddress.setHelperText(getTranslation("admin.limits.maxPerAddress.help"));
        apply.setId("admin-apply-limits");
        apply.setText(getTranslation("admin.limits.apply"));
        apply.addClickListener(e -> apply());
        message.setId("admin-limits-message");
        HorizontalLayout queueRow = new HorizontalLayout(slots, maxQueued, maxRunning, keepFinished, maxQueuedTotal);
        HorizontalLayout lifetimeRow =
                new HorizontalLayout(maxPerAddress, maxRunMinutes, awayMinutes, keepMinutes, apply);
        for (HorizontalLayout row : new HorizontalLayout[] {queueRow, lifetimeRow}) {
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.getStyle().set("flex-wrap", "wrap");
        }
        add(queueRow, lifetimeRow, message);
    }

    private WholeNumberField field(String id, String key) {
        return new WholeNumberField(id, getTranslation(key));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        show(queue.limits());
    }

    /** Fills the fields with the limits in force. */
    void show(TrainingLimits l) {
        slots.setNumber(l.slots());
        maxQueued.setNumber(l.maxQueuedPerUser());
        maxRunning.setNumber(l.maxRunningPerUser());
        keepFinished.setNumber(l.keepFinishedPerUser());
        maxQueuedTotal.setNumber(l.maxQueuedTotal());
        maxPerAddress.setNumber(l.maxRunsPerAddress());
        maxRunMinutes.setNumber((int) l.maxRunTime().toMinutes());
        awayMinutes.setNumber((int) l.awayAfter().toMinutes());
        keepMinutes.setNumber((int) l.keepFinishedFor().toMinutes());
        fields.values().forEach(WholeNumberField::clearMark);
    }

    /** Sends the values to the server; shows the server's refusal, naming the field, if it has one. */
    void apply() {
        Field unreadable = null;
        for (Map.Entry<Field, WholeNumberField> e : fields.entrySet()) {
            Field field = e.getKey();
            // the server checks the range; a text that is no whole number never reaches it
            boolean whole =
                    e.getValue().check(v -> true, getTranslation("admin.limits.range", field.min(), field.max()));
            if (!whole && unreadable == null) {
                unreadable = field;
            }
        }
        if (unreadable != null) {
            message.addClassName("message-error");
            message.setText(getTranslation(
                    "admin.limits.notWhole", fields.get(unreadable).getLabel()));
            return;
        }
        try {
            TrainingLimits l = new TrainingLimits(
                    value(Field.SLOTS),
                    value(Field.MAX_QUEUED_PER_USER),
                    value(Field.MAX_RUNNING_PER_USER),
                    value(Field.KEEP_FINISHED_PER_USER),
                    value(Field.MAX_QUEUED_TOTAL),
                    value(Field.MAX_RUNS_PER_ADDRESS),
                    Duration.ofMinutes(value(Field.MAX_RUN_MINUTES)),
                    Duration.ofMinutes(value(Field.AWAY_AFTER_MINUTES)),
                    Duration.ofMinutes(value(Field.KEEP_FINISHED_MINUTES)));
            queue.setLimits(l);
            show(l);
            message.removeClassName("message-error");
            message.setText(getTranslation("admin.limits.applied"));
        } catch (TrainingLimits.OutOfRange e) {
            WholeNumberField f = fields.get(e.field());
            String text = getTranslation(
                    "admin.limits.outOfRange",
                    f.getLabel(),
                    e.field().min(),
                    e.field().max());
            f.setInvalid(true);
            f.setErrorMessage(text);
            message.addClassName("message-error");
            message.setText(text);
        }
    }

    /** The field's whole number, checked by {@link #apply} to be there. */
    private int value(Field field) {
        return fields.get(field).number().orElseThrow();
    }
}
