package org.rnnplayground.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
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
     * Asked by the page when the server answers again after it could not be reached: a round trip
     * through Vaadin, which carries on with this page if the server kept it, and reloads the page if
     * the server was restarted (the page's session is gone), showing what the server has kept.
     */
    @ClientCallable
    void reachedAgain() {
        // nothing to do here: the round trip itself is what resynchronises the page
    }

    /**
     * Marks {@code <html data-server-gone>} and shows the banner while Vaadin's connection state is
     * reconnecting or lost, or while the server's liveness probe does not answer: a push connection
     * cut by a dying server does not always change Vaadin's state until the learner acts. The probe
     * asks every 5 s (every 2 s while the server is gone), only while the page is visible. One
     * listener per page, whatever the number of attaches.
     */
    private static final String FOLLOW_CONNECTION = """
            const store = window.Vaadin && window.Vaadin.connectionState;
            if (!store || window.__rnnFollowsConnection) { return; }
            window.__rnnFollowsConnection = true;
            let unreachable = false;
            const show = () => {
              const state = unreachable ? 'unreachable' : store.state;
              const gone = unreachable || state === 'reconnecting' || state === 'connection-lost';
              document.documentElement.toggleAttribute('data-server-gone', gone);
              const banner = document.getElementById('server-gone');
              if (banner) { banner.hidden = !gone; banner.dataset.state = state; }
            };
            store.addStateChangeListener(() => show());
            show();
            const probe = new URL('actuator/health/liveness', document.baseURI).href;
            const next = () => setTimeout(check, unreachable ? 2000 : 5000);
            const check = async () => {
              if (document.visibilityState !== 'visible') { next(); return; }
              let answered = false;
              try {
                const response = await fetch(probe, { cache: 'no-store', credentials: 'omit',
                                                      signal: AbortSignal.timeout(4000) });
                answered = response.ok;
              } catch (e) {
                answered = false;
              }
              const wasGone = unreachable;
              unreachable = !answered;
              show();
              if (wasGone && answered) {
                const banner = document.getElementById('server-gone');
                if (banner && banner.$server) { banner.$server.reachedAgain(); }
              }
              next();
            };
            next();
            """;
}
