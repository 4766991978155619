package org.rnnplayground.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;

/**
 * Says, at the top of every page, that the server cannot be reached while the browser reconnects,
 * and hides the buttons that act on the server right now ({@code data-live-action}: Start, Stop,
 * Generate), so no one presses a Stop that cannot stop. It follows Vaadin's connection state in
 * the browser; when the server is back the page carries on, and after a restart (a new session)
 * Vaadin reloads it, which shows the state the server has kept.
 */
public final class ConnectionBanner extends Div {

    public ConnectionBanner() {
        setId("server-gone");
        addClassName("server-gone");
        setText(getTranslation("shell.serverGone"));
        getElement().setAttribute("role", "status");
        // hidden in the browser, not setVisible(false): the script below shows it while the server is
        // unreachable, and an invisible component would not be in the page at all
        getElement().setAttribute("hidden", true);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        getElement().executeJs(FOLLOW_CONNECTION);
    }

    /**
     * Marks {@code <html data-server-gone>} and shows the banner while Vaadin's connection state is
     * reconnecting or lost. One listener per page, whatever the number of attaches.
     */
    private static final String FOLLOW_CONNECTION = """
            const store = window.Vaadin && window.Vaadin.connectionState;
            if (!store || window.__rnnFollowsConnection) { return; }
            window.__rnnFollowsConnection = true;
            const show = state => {
              const gone = state === 'reconnecting' || state === 'connection-lost';
              document.documentElement.toggleAttribute('data-server-gone', gone);
              const banner = document.getElementById('server-gone');
              if (banner) { banner.hidden = !gone; banner.dataset.state = state; }
            };
            store.addStateChangeListener((previous, current) => show(current));
            show(store.state);
            """;
}
