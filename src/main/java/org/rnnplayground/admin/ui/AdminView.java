package org.rnnplayground.admin.ui;

import com.vaadin.flow.router.Route;
import org.rnnplayground.ui.PlaceholderView;

/** The admin page; not built yet, it says what it will show and links to the pages that work. */
@Route("admin")
public class AdminView extends PlaceholderView {

    public AdminView() {
        super("admin");
    }
}
