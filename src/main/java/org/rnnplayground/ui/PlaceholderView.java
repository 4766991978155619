package org.rnnplayground.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * A page that is not built yet: says so plainly, says what it will show, and links to the pages
 * that work.
 */
public abstract class PlaceholderView extends VerticalLayout implements HasDynamicTitle {

    private final String id;

    protected PlaceholderView(String id) {
        this.id = id;
        Pages.Entry page =
                Pages.ALL.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
        setId("page-" + id);
        addClassName("page");
        H2 heading = new H2(getTranslation(page.titleKey()));
        heading.setId("page-title");
        Paragraph notYet = new Paragraph(getTranslation("shell.placeholder.notYet"));
        notYet.setId("not-built-yet");
        notYet.addClassName("not-built-yet");
        Paragraph plan = new Paragraph(getTranslation("shell.placeholder." + id));
        Paragraph meanwhile = new Paragraph(getTranslation("shell.placeholder.meanwhile"));
        UnorderedList links = new UnorderedList();
        for (Pages.Entry built : Pages.ALL) {
            if (built.built()) {
                Anchor link = new Anchor(built.route(), getTranslation(built.titleKey()));
                link.setId("link-" + built.id());
                links.add(new ListItem(link));
            }
        }
        add(heading, notYet, plan, meanwhile, links);
        setMaxWidth("48rem");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.nav." + id) + " · RNN Playground";
    }
}
