package org.rnnplayground.text.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when Vaadin's request limit ({@code vaadin.max-request-body-size}, in
 * characters) is below what the largest accepted paste needs, so that a user pasting text within
 * {@code playground.text.max-upload-bytes} always meets the page's own limit and message, never
 * Vaadin's (which fails silently and makes the browser re-send the request).
 */
@Component
class RequestLimitCheck implements VaadinServiceInitListener {

    private final long maxUploadBytes;

    RequestLimitCheck(TextProperties properties) {
        this.maxUploadBytes = properties.maxUploadBytes();
    }

    /**
     * @return the characters a request needs for a paste of {@code maxUploadBytes}: its JSON
     *     string, at most twice as long as the text once quotes, backslashes and line breaks are
     *     escaped, plus 1 MB for the rest of the message
     */
    static long neededFor(long maxUploadBytes) {
        return 2 * maxUploadBytes + 1024 * 1024;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        long limit = event.getSource().getDeploymentConfiguration().getMaxRequestBodySize();
        long needed = neededFor(maxUploadBytes);
        if (limit >= 0 && limit < needed) {
            throw new IllegalStateException("vaadin.max-request-body-size is " + limit + " characters, but a paste of"
                    + " playground.text.max-upload-bytes=" + maxUploadBytes + " needs up to " + needed
                    + ": set vaadin.max-request-body-size to at least " + needed);
        }
    }
}
