package org.rnnplayground.training.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.model.EpochReport;
import org.rnnplayground.training.QueuePlace;
import org.rnnplayground.training.RunQueue;
import org.rnnplayground.training.RunSnapshot;
import org.rnnplayground.training.RunSpec;
import org.rnnplayground.training.RunStatus;
import org.rnnplayground.training.StopReason;
import org.rnnplayground.training.TestRun;
import org.rnnplayground.training.UserId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The Train page says, in words, why a run ended; rendered server-side without a browser. */
@SpringBootTest(classes = Application.class)
@ViewPackages(packages = "org.rnnplayground")
class TrainViewStopReasonTest extends SpringBrowserlessTest {

    @Autowired
    private RunQueue queue;

    private static RunSnapshot stopped(StopReason why) {
        TestRun run = TestRun.tiny("abc");
        RunSpec spec = run.spec();
        EpochReport epoch = new EpochReport(1, 3.5, 1000, 1, 1, 0, 1, 10, Duration.ofMillis(1), Duration.ofMillis(1));
        Instant t = Instant.parse("2026-11-30T09:00:00Z");
        return new RunSnapshot(
                "r" + why.ordinal(),
                1,
                new UserId("someone"),
                spec,
                run.text(),
                RunStatus.STOPPED,
                List.of(epoch, epoch),
                List.of(),
                List.of(),
                QueuePlace.NONE,
                0,
                "",
                t,
                t,
                t.plusSeconds(3600),
                spec.model().footprint(run.text().vocab().vocabSize(), spec.config()),
                why,
                false,
                0);
    }

    @Test
    void theRunDetailSaysWhyARunWasStopped() {
        TrainView view = navigate(TrainView.class);
        long minutes = queue.limits().maxRunTime().toMinutes();

        view.detail.show(stopped(StopReason.TIME_LIMIT));
        assertEquals("TIME_LIMIT", view.detail.status.getElement().getAttribute("data-stop-reason"));
        assertTrue(
                view.detail.status.getText().startsWith("Stopped: time limit of " + minutes + " min"),
                view.detail.status.getText());
        assertTrue(view.detail.status.getText().contains("after 2 epochs"), view.detail.status.getText());

        view.detail.show(stopped(StopReason.BY_INSTRUCTOR));
        assertEquals("Stopped by the instructor after 2 epochs", view.detail.status.getText());
        view.detail.show(stopped(StopReason.AWAY));
        assertTrue(view.detail.status.getText().contains("you were away"), view.detail.status.getText());
        view.detail.show(stopped(StopReason.SHUTDOWN));
        assertTrue(view.detail.status.getText().contains("shutting down"), view.detail.status.getText());
        view.detail.show(stopped(StopReason.BY_USER));
        assertEquals("Stopped by you after 2 epochs", view.detail.status.getText());
    }
}
