package org.rnnplayground.security;

import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.RouteRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.rnnplayground.ui.i18n.TranslationProvider;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Answers a page request for a path that is neither a route nor a file with a plain 404 page, before
 * Vaadin would open a session to render its own: anonymous requests to made-up paths cost no
 * session. Vaadin's own requests (UIDL, push, downloads) pass through.
 */
final class NotFoundFilter extends OncePerRequestFilter {

    private final Supplier<RouteRegistry> routes;
    private final Predicate<HttpServletRequest> frameworkInternal;
    private final TranslationProvider translations;
    private final ResourceLoader files;
    private final List<String> staticLocations;

    /**
     * @param routes the application's routes (looked up per request: Vaadin fills them at start-up)
     * @param frameworkInternal which requests are Vaadin's own (UIDL, push, heartbeat, uploads)
     * @param files loads the static locations' files
     * @param staticLocations where static files are served from ({@code classpath:/static/}...)
     */
    NotFoundFilter(
            Supplier<RouteRegistry> routes,
            Predicate<HttpServletRequest> frameworkInternal,
            TranslationProvider translations,
            ResourceLoader files,
            List<String> staticLocations) {
        this.routes = routes;
        this.frameworkInternal = frameworkInternal;
        this.translations = translations;
        this.files = files;
        this.staticLocations =
                staticLocations.stream().map(l -> l.endsWith("/") ? l : l + "/").toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method)) || frameworkInternal.test(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = HandlerHelper.getRequestPathInsideContext(request);
        if (isKnown(path == null ? "" : path)) {
            chain.doFilter(request, response);
            return;
        }
        Locale locale = TranslationProvider.supported(request.getLocale());
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(page(locale, request.getContextPath()).getBytes(StandardCharsets.UTF_8));
    }

    /** A route, or a file (not a folder) in one of the places static files are served from. */
    boolean isKnown(String path) {
        String inside = path.startsWith("/") ? path.substring(1) : path;
        if (HandlerHelper.isPathUnsafe(inside)) {
            return false;
        }
        if (routes.get().getNavigationTarget(inside).isPresent()) {
            return true;
        }
        return !inside.isEmpty()
                && staticLocations.stream()
                        .anyMatch(
                                location -> files.getResource(location + inside).isReadable());
    }

    private String page(Locale locale, String contextPath) {
        String title = HtmlUtils.htmlEscape(translations.getTranslation("shell.notFound.title", locale));
        String text = HtmlUtils.htmlEscape(translations.getTranslation("shell.notFound.text", locale));
        String home = HtmlUtils.htmlEscape(translations.getTranslation("shell.notFound.home", locale));
        return "<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + " · RNN Playground</title></head><body><h1 id=\"not-found\">" + title + "</h1><p>" + text
                + "</p><p><a href=\"" + HtmlUtils.htmlEscape(contextPath) + "/\">" + home + "</a></p></body></html>";
    }
}
