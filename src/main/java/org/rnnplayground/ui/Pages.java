package org.rnnplayground.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;

/**
 * The pages of the app in the book's order, for the navigation and the "not built yet" notes.
 * Listed by route path so that this shared package does not depend on the features.
 */
public final class Pages {

    /**
     * One page.
     *
     * @param id stable id, used for element ids ({@code nav-ID})
     * @param titleKey translation key of its title
     * @param route its route path (the view declares the same with {@code @Route})
     * @param icon its navigation icon
     * @param built whether the page does its job yet (false: it says so and links to those that do)
     */
    public record Entry(String id, String titleKey, String route, VaadinIcon icon, boolean built) {}

    public static final List<Entry> ALL = List.of(
            new Entry("text", "shell.nav.text", "text", VaadinIcon.FILE_TEXT_O, true),
            new Entry("statistics", "shell.nav.statistics", "statistics", VaadinIcon.CHART_LINE, true),
            new Entry("minibatches", "shell.nav.minibatches", "minibatches", VaadinIcon.GRID_SMALL, true),
            new Entry("shapes", "shell.nav.shapes", "shapes", VaadinIcon.CUBES, true),
            new Entry("train", "shell.nav.train", "train", VaadinIcon.PLAY_CIRCLE_O, true),
            new Entry("sequence", "shell.nav.sequence", "sequence", VaadinIcon.SPLINE_CHART, true),
            new Entry("admin", "shell.nav.admin", "admin", VaadinIcon.COG_O, true));

    private Pages() {}
}
