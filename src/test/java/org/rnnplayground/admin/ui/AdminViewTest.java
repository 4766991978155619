package org.rnnplayground.admin.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.admin.AdminAccount;
import org.rnnplayground.training.RunQueue;
import org.rnnplayground.training.TrainingLimits;
import org.rnnplayground.work.PoolStats;
import org.rnnplayground.work.WorkKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The admin page's limits form and pools panel, rendered server-side without a browser, for a
 * signed-in instructor.
 */
@SpringBootTest(classes = Application.class)
@WithMockUser(roles = AdminAccount.ROLE)
@ViewPackages(packages = "org.rnnplayground")
class AdminViewTest extends SpringBrowserlessTest {

    @Autowired
    private RunQueue queue;

    @Test
    void theServerRefusesAThousandSlotsAndThePageSaysWhichFieldAndWhatRange() {
        AdminView view = navigate(AdminView.class);
        TrainingLimits before = queue.limits();
        assertEquals(before.slots(), view.limits.slots.number().orElseThrow());
        assertEquals(
                (int) before.maxRunTime().toMinutes(),
                view.limits.maxRunMinutes.number().orElseThrow());

        view.limits.slots.setNumber(1000);
        view.limits.apply();

        assertEquals(before, queue.limits(), "nothing changed on the server");
        assertEquals(1000, view.limits.slots.number().orElseThrow(), "the typed value is kept");
        assertTrue(view.limits.slots.isInvalid());
        String message = view.limits.message.getText();
        assertTrue(message.contains("Training slots"), message);
        assertTrue(message.contains("between 1 and " + TrainingLimits.MAX_SLOTS), message);
        assertTrue(view.limits.message.hasClassName("message-error"));
        assertFalse(view.limits.maxQueued.isInvalid(), "only the refused field is marked");

        view.limits.awayMinutes.clear();
        view.limits.slots.setNumber(before.slots());
        view.limits.apply();
        assertTrue(view.limits.awayMinutes.isInvalid(), "an empty field is named too");
        assertEquals(before, queue.limits());

        view.limits.show(before);
        view.limits.maxQueued.setValue("1e3");
        view.limits.apply();
        assertEquals(before, queue.limits(), "a text that is no whole number never reaches the server");
        assertEquals("1e3", view.limits.maxQueued.getValue(), "the typed text is kept");
        assertTrue(view.limits.maxQueued.isInvalid());
        assertTrue(
                view.limits.maxQueued.getErrorMessage().contains("“1e3” is not a whole number"),
                view.limits.maxQueued.getErrorMessage());
        assertTrue(view.limits.message.getText().contains("Waiting runs per user"), view.limits.message.getText());
        assertFalse(view.limits.slots.isInvalid(), "only the unreadable field is marked");
    }

    @Test
    void thePoolsPanelListsEveryPoolWithItsSize() {
        AdminView view = navigate(AdminView.class);
        List<PoolStats> rows = view.pools.pools.getGenericDataView().getItems().toList();
        assertEquals(
                List.of(WorkKind.values()), rows.stream().map(PoolStats::kind).toList());
        assertTrue(rows.stream().allMatch(p -> p.threads() >= 1 && p.queueCapacity() >= 0), rows.toString());
    }
}
