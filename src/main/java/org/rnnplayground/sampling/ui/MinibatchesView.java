package org.rnnplayground.sampling.ui;

import com.vaadin.flow.router.Route;
import org.rnnplayground.ui.PlaceholderView;

/** The minibatches page; not built yet, it says what it will show and links to the pages that work. */
@Route("minibatches")
public class MinibatchesView extends PlaceholderView {

    public MinibatchesView() {
        super("minibatches");
    }
}
