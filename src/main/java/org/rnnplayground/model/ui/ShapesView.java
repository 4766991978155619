package org.rnnplayground.model.ui;

import com.vaadin.flow.router.Route;
import org.rnnplayground.ui.PlaceholderView;

/** The shapes page; not built yet, it says what it will show and links to the pages that work. */
@Route("shapes")
public class ShapesView extends PlaceholderView {

    public ShapesView() {
        super("shapes");
    }
}
