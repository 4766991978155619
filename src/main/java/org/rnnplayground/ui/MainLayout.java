package org.rnnplayground.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;
import org.rnnplayground.backend.BackendInfo;
import org.rnnplayground.backend.BackendService;
import org.rnnplayground.ui.i18n.LocaleInitializer;
import org.rnnplayground.ui.i18n.TranslationProvider;

/**
 * The shell around every page: title, ND4J backend, language switch, and the navigation in the
 * book's order. Pages register themselves in {@link Pages}; a page the visitor may not open (the
 * Admin page before the instructor signs in) is left out unless {@link UiProperties#showAdminLink()}.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    final Span backend = new Span();
    final Select<Locale> language = new Select<>();
    final SideNav nav = new SideNav();

    public MainLayout(BackendService backendService, UiProperties properties) {
        H1 title = new H1(getTranslation("shell.title"));
        title.addClassName("app-title");
        backend.setId("backend-info");
        backend.addClassName("backend-badge");
        backend.getElement().getThemeList().add("badge contrast");
        showBackend(backendService);

        language.setId("language-switch");
        language.setItems(TranslationProvider.LOCALES);
        language.setItemLabelGenerator(l -> l.getLanguage().equals("zh") ? "中文" : "English");
        language.setAriaLabel(getTranslation("shell.language"));
        language.setWidth("7.5em");
        language.setValue(TranslationProvider.supported(UI.getCurrent() == null ? Locale.ENGLISH : getLocale()));
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                LocaleInitializer.choose(VaadinSession.getCurrent(), e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });

        Span spacer = new Span();
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, spacer, backend, language);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setFlexGrow(1, spacer);
        header.addClassName("app-header");
        addToNavbar(header, new ConnectionBanner());

        nav.setId("side-nav");
        AccessAnnotationChecker access = new AccessAnnotationChecker();
        for (Pages.Entry page : Pages.ALL) {
            boolean mayOpen = RouteConfiguration.forApplicationScope()
                    .getRoute(page.route())
                    .map(access::hasAccess)
                    .orElse(true);
            if (!mayOpen && !properties.showAdminLink()) {
                continue;
            }
            SideNavItem item = new SideNavItem(
                    getTranslation(page.titleKey()), page.route(), page.icon().create());
            item.setId("nav-" + page.id());
            nav.addItem(item);
        }
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    private void showBackend(BackendService backendService) {
        backend.setText(getTranslation("shell.backend.loading"));
        backend.getElement().setAttribute("title", getTranslation("shell.backend.tooltip"));
        backendService
                .loaded()
                .whenComplete((info, error) -> getUI().ifPresent(ui -> ui.access(() -> {
                    if (error != null) {
                        backend.setText(getTranslation("shell.backend.failed"));
                    } else {
                        backend.setText(format(info));
                    }
                })));
        backendService.current().ifPresent(info -> backend.setText(format(info)));
    }

    private String format(BackendInfo info) {
        return getTranslation("shell.backend.summary", info.kind(), info.threads(), info.device());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent
                .getUI()
                .getPage()
                .executeJs("document.documentElement.lang = $0", getLocale().toLanguageTag());
    }
}
