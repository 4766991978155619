package org.rnnplayground.text.ui;

import com.vaadin.flow.router.Route;
import org.rnnplayground.ui.PlaceholderView;

/** The statistics page; not built yet, it says what it will show and links to the pages that work. */
@Route("statistics")
public class StatisticsView extends PlaceholderView {

    public StatisticsView() {
        super("statistics");
    }
}
