package org.rnnplayground.admin.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.rnnplayground.training.RunQueue;
import org.rnnplayground.training.TrainingLimits;
import org.rnnplayground.training.TrainingLimits.Field;

/**
 * The queue's limits and the lifetimes of runs, as the instructor edits them. The server checks
 * every value ({@link TrainingLimits}); a refused value keeps what was typed, and the message and
 * the field say which value and what range.
 */
class LimitsForm extends Div {

    final IntegerField slots = field("admin-slots", "admin.limits.slots", Field.SLOTS);
    final IntegerField maxQueued = field("admin-max-queued", "admin.limits.maxQueued", Field.MAX_QUEUED_PER_USER);
    final IntegerField maxRunning = field("admin-max-running", "admin.limits.maxRunning", Field.MAX_RUNNING_PER_USER);
    final IntegerField keepFinished =
            field("admin-keep-finished", "admin.limits.keepFinished", Field.KEEP_FINISHED_PER_USER);
    final IntegerField maxQueuedTotal =
            field("admin-max-queued-total", "admin.limits.maxQueuedTotal", Field.MAX_QUEUED_TOTAL);
    final IntegerField maxPerAddress =
            field("admin-max-per-address", "admin.limits.maxPerAddress", Field.MAX_RUNS_PER_ADDRESS);
    final IntegerField maxRunMinutes =
            field("admin-max-run-minutes", "admin.limits.maxRunMinutes", Field.MAX_RUN_MINUTES);
    final IntegerField awayMinutes = field("admin-away-minutes", "admin.limits.awayMinutes", Field.AWAY_AFTER_MINUTES);
    final IntegerField keepMinutes =
            field("admin-keep-minutes", "admin.limits.keepMinutes", Field.KEEP_FINISHED_MINUTES);
    final Button apply = new Button();
    final Paragraph message = new Paragraph();

    private final RunQueue queue;
    private final Map<Field, IntegerField> fields = new EnumMap<>(Field.class);

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

    private IntegerField field(String id, String key, Field range) {
        IntegerField f = new IntegerField(getTranslation(key));
        f.setId(id);
        f.setMin((int) range.min());
        f.setMax((int) range.max());
        f.setStepButtonsVisible(true);
        return f;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        show(queue.limits());
    }

    /** Fills the fields with the limits in force. */
    void show(TrainingLimits l) {
        slots.setValue(l.slots());
        maxQueued.setValue(l.maxQueuedPerUser());
        maxRunning.setValue(l.maxRunningPerUser());
        keepFinished.setValue(l.keepFinishedPerUser());
        maxQueuedTotal.setValue(l.maxQueuedTotal());
        maxPerAddress.setValue(l.maxRunsPerAddress());
        maxRunMinutes.setValue((int) l.maxRunTime().toMinutes());
        awayMinutes.setValue((int) l.awayAfter().toMinutes());
        keepMinutes.setValue((int) l.keepFinishedFor().toMinutes());
        fields.values().forEach(f -> f.setInvalid(false));
    }

    /** Sends the values to the server; shows the server's refusal, naming the field, if it has one. */
    void apply() {
        fields.values().forEach(f -> f.setInvalid(false));
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
            IntegerField f = fields.get(e.field());
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

    /** The field's value; an empty field counts as below its range, so the server names it. */
    private int value(Field field) {
        Integer v = fields.get(field).getValue();
        return v == null ? (int) field.min() - 1 : v;
    }
}
