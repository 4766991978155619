package org.rnnplayground.admin.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;

/**
 * The instructor's sign-in. The form posts to Spring Security ({@code POST /login}), which checks
 * the password, gives the session a new id and opens the admin page; a failed or refused attempt
 * comes back here with {@code ?error} or {@code ?throttled}.
 */
@Route(SignInView.ROUTE)
@AnonymousAllowed
public class SignInView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The route of this view, also the path the form posts to. */
    public static final String ROUTE = "login";

    final LoginForm form = new LoginForm();

    public SignInView() {
        setId("page-sign-in");
        addClassName("page");
        H2 title = new H2(getTranslation("admin.signIn.title"));
        title.setId("page-title");
        Paragraph help = new Paragraph(getTranslation("admin.signIn.help"));
        help.setId("sign-in-help");
        form.setId("sign-in-form");
        form.setAction(ROUTE);
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(texts(false));
        add(title, help, form);
    }

    private LoginI18n texts(boolean throttled) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("admin.signIn.formTitle"));
        i18n.getForm().setUsername(getTranslation("admin.signIn.username"));
        i18n.getForm().setPassword(getTranslation("admin.signIn.password"));
        i18n.getForm().setSubmit(getTranslation("admin.signIn.button"));
        i18n.getErrorMessage()
                .setTitle(getTranslation(throttled ? "admin.signIn.throttledTitle" : "admin.signIn.wrongTitle"));
        i18n.getErrorMessage().setMessage(getTranslation(throttled ? "admin.signIn.throttled" : "admin.signIn.wrong"));
        i18n.getErrorMessage().setUsername(getTranslation("admin.signIn.usernameRequired"));
        i18n.getErrorMessage().setPassword(getTranslation("admin.signIn.passwordRequired"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query =
                event.getLocation().getQueryParameters().getParameters();
        boolean throttled = query.containsKey("throttled");
        form.setI18n(texts(throttled));
        form.setError(throttled || query.containsKey("error"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.signIn.title") + " · RNN Playground";
    }
}
