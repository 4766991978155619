package org.rnnplayground.ui.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Applies the language chosen with the header's switch to every new UI of the session; without a
 * choice Vaadin uses the browser's preferred language among those we ship.
 */
@Component
public class LocaleInitializer implements VaadinServiceInitListener {

    private static final String ATTRIBUTE = LocaleInitializer.class.getName() + ".locale";

    /** Remembers the user's choice for this session. */
    public static void choose(VaadinSession session, Locale locale) {
        Locale supported = TranslationProvider.supported(locale);
        session.setAttribute(ATTRIBUTE, supported);
        session.setLocale(supported);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> {
            Object chosen = ui.getUI().getSession().getAttribute(ATTRIBUTE);
            if (chosen instanceof Locale locale) {
                ui.getUI().setLocale(locale);
            } else {
                ui.getUI().setLocale(TranslationProvider.supported(ui.getUI().getLocale()));
            }
        });
    }
}
