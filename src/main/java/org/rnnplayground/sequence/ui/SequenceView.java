package org.rnnplayground.sequence.ui;

import com.vaadin.flow.router.Route;
import org.rnnplayground.ui.PlaceholderView;

/** The sequence page; not built yet, it says what it will show and links to the pages that work. */
@Route("sequence")
public class SequenceView extends PlaceholderView {

    public SequenceView() {
        super("sequence");
    }
}
