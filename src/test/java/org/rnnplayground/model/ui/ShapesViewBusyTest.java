package org.rnnplayground.model.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.browserless.internal.MockVaadin;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.work.BoundedExecutors;
import org.rnnplayground.work.BoundedPool;
import org.rnnplayground.work.ServerBusyException;
import org.rnnplayground.work.WorkKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** When the shape tracer's pool is full, the Shapes page says the server is busy instead of waiting. */
@SpringBootTest(classes = Application.class)
@ViewPackages(packages = "org.rnnplayground")
class ShapesViewBusyTest extends SpringBrowserlessTest {

    @Autowired
    private BoundedExecutors executors;

    @Test
    void aFullPoolIsToldAsBusy() throws InterruptedException {
        BoundedPool pool = executors.pool(WorkKind.SHAPES);
        CountDownLatch release = new CountDownLatch(1);
        try {
            int taken = 0;
            try {
                for (; taken <= 10_000; taken++) {
                    pool.submit(() -> {
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
            } catch (ServerBusyException full) {
                // every thread busy and the queue full
            }
            long rejectedBefore = pool.stats().rejected();

            ShapesView view = navigate(ShapesView.class);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!view.message.getText().contains("busy")) {
                assertTrue(System.nanoTime() < deadline, "the page says: " + view.message.getText());
                Thread.sleep(20);
                MockVaadin.clientRoundtrip();
            }
            assertTrue(view.message.getText().contains("try again"), view.message.getText());
            assertTrue(view.message.hasClassName("message-error"));
            assertTrue(pool.stats().rejected() > rejectedBefore);
        } finally {
            release.countDown();
        }
    }
}
