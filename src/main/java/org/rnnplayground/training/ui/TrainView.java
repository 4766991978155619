package org.rnnplayground.training.ui;

import com.vaadin.flow.router.Route;
import org.rnnplayground.ui.PlaceholderView;

/** The train page; not built yet, it says what it will show and links to the pages that work. */
@Route("train")
public class TrainView extends PlaceholderView {

    public TrainView() {
        super("train");
    }
}
