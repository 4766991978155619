package org.rnnplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.text.ui.TextView;
import org.springframework.boot.test.context.SpringBootTest;

/** The shell and its pages, rendered server-side without a browser. */
@SpringBootTest(classes = Application.class)
@ViewPackages(packages = "org.rnnplayground")
class ShellViewTest extends SpringBrowserlessTest {

    @Test
    void navigationListsEveryOpenPageInTheBooksOrderAndNotTheAdminPage() {
        navigate(TextView.class);
        List<String> ids = find(SideNavItem.class).all().stream()
                .map(i -> i.getId().orElseThrow())
                .toList();
        // the Admin page needs a sign-in: students do not see its link (playground.ui.show-admin-link)
        assertEquals(
                List.of(
                        "nav-text",
                        "nav-statistics",
                        "nav-minibatches",
                        "nav-shapes",
                        "nav-train",
                        "nav-inside",
                        "nav-sequence"),
                ids);
        List<String> paths =
                find(SideNavItem.class).all().stream().map(SideNavItem::getPath).toList();
        assertEquals(List.of("text", "statistics", "minibatches", "shapes", "train", "inside", "sequence"), paths);
    }
}
