package org.rnnplayground.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;

/**
 * The pages of the app in the book's order, for the navigation.
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
     */
    public record Entry(String id, String titleKey, String route, VaadinIcon icon) {}

    public static final List<Entry> ALL = List.of(
            new Entry("text", "shell.nav.text", "text", VaadinIcon.FILE_TEXT_O),
            new Entry("statistics", "shell.nav.statistics", "statistics", VaadinIcon.CHART_LINE),
            new Entry("minibatches", "shell.nav.minibatches", "minibatches", VaadinIcon.GRID_SMALL),
            new Entry("shapes", "shell.nav.shapes", "shapes", VaadinIcon.CUBES),
            new Entry("train", "shell.nav.train", "train", VaadinIcon.PLAY_CIRCLE_O),
            new Entry("inside", "shell.nav.inside", "inside", VaadinIcon.SEARCH),
            new Entry("sequence", "shell.nav.sequence", "sequence", VaadinIcon.SPLINE_CHART),
            new Entry("admin", "shell.nav.admin", "admin", VaadinIcon.COG_O));

    private Pages() {}
}
