package org.rnnplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.admin.ui.AdminView;
import org.rnnplayground.sampling.ui.MinibatchesView;
import org.rnnplayground.sequence.ui.SequenceView;
import org.rnnplayground.text.ui.StatisticsView;
import org.rnnplayground.text.ui.TextView;
import org.rnnplayground.training.ui.TrainView;
import org.springframework.boot.test.context.SpringBootTest;

/** The shell and its pages, rendered server-side without a browser. */
@SpringBootTest(classes = Application.class)
@ViewPackages(packages = "org.rnnplayground")
class ShellViewTest extends SpringBrowserlessTest {

    @Test
    void navigationListsEveryPageInTheBooksOrder() {
        navigate(TextView.class);
        List<String> ids = find(SideNavItem.class).all().stream()
                .map(i -> i.getId().orElseThrow())
                .toList();
        assertEquals(
                List.of(
                        "nav-text",
                        "nav-statistics",
                        "nav-minibatches",
                        "nav-shapes",
                        "nav-train",
                        "nav-sequence",
                        "nav-admin"),
                ids);
        List<String> paths =
                find(SideNavItem.class).all().stream().map(SideNavItem::getPath).toList();
        assertEquals(List.of("text", "statistics", "minibatches", "shapes", "train", "sequence", "admin"), paths);
    }

    @Test
    void pagesNotBuiltYetSaySoAndLinkToTheTextPage() {
        for (Class<? extends PlaceholderView> view : List.of(
                StatisticsView.class, MinibatchesView.class, TrainView.class, SequenceView.class, AdminView.class)) {
            PlaceholderView page = navigate(view);
            assertInstanceOf(view, getCurrentView());
            Paragraph notYet = find(Paragraph.class).withId("not-built-yet").single();
            assertEquals("This page is not built yet.", notYet.getText());
            Anchor link = find(Anchor.class).withId("link-text").single();
            assertEquals("text", link.getHref());
            assertTrue(page.getPageTitle().endsWith("RNN Playground"));
        }
    }
}
