package org.rnnplayground.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import com.vaadin.flow.spring.security.RequestUtil;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnnplayground.admin.AdminAccount;
import org.rnnplayground.admin.AdminProperties;
import org.rnnplayground.admin.AdminSignIn;
import org.rnnplayground.admin.ui.SignInView;
import org.rnnplayground.guard.AttemptThrottle;
import org.rnnplayground.ui.i18n.TranslationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Who may open what, and the headers every response carries. Every page is open to anonymous
 * visitors except those with {@code @RolesAllowed} (the admin page), which send a visitor to the
 * sign-in page. Vaadin's own CSRF protection of its requests stays as Vaadin configures it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class WebSecurity {

    /**
     * What pages may load and connect to. Vaadin Flow needs inline scripts (its bootstrap), {@code
     * eval} ({@code executeJs} and templates run through {@code new Function}) and inline styles (its
     * components); push goes over a same-origin websocket ({@code 'self'}). Nothing may frame the
     * site, and forms post only to it.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; "
            + "font-src 'self' data:; "
            + "connect-src 'self'; "
            + "object-src 'none'; "
            + "base-uri 'self'; "
            + "form-action 'self'; "
            + "frame-ancestors 'none'";

    /** Where Vaadin serves its production bundle ({@code /VAADIN/build/...}) from. */
    private static final String VAADIN_BUNDLE = "classpath:/META-INF/VAADIN/webapp/";

    @Bean
    AdminAccount adminAccount(AdminProperties properties) {
        return new AdminAccount(properties);
    }

    @Bean
    AttemptThrottle signInThrottle(AdminProperties properties) {
        AdminProperties.SignInLimits limits = properties.signIn();
        return new AttemptThrottle(
                limits.perAddress(), limits.global(), limits.window(), TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** The only way to sign in: the instructor's account, throttled and logged. */
    @Bean
    AuthenticationManager authenticationManager(AdminAccount account, AttemptThrottle throttle) {
        return new ProviderManager(new AdminSignIn(account, throttle));
    }

    /**
     * The actuator's endpoints, before the pages' chain: health and its probes for anyone (a load
     * balancer, Kubernetes), without details; the rest ({@code /actuator/prometheus}) for the
     * instructor's role, signed in on the page or by HTTP Basic (a metrics scraper), throttled like
     * the sign-in page. No session is made for them.
     */
    @Bean
    @Order(1)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http) {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to("health"))
                        .permitAll()
                        .anyRequest()
                        .hasRole(AdminAccount.ROLE))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .build();
    }

    @Bean
    SecurityFilterChain filterChain(
            HttpSecurity http,
            RequestUtil requestUtil,
            TranslationProvider translations,
            ServletContext servletContext,
            ResourceLoader files,
            ObjectProvider<WebProperties> web) {
        List<String> staticLocations = new ArrayList<>(
                List.of(web.getIfAvailable(WebProperties::new).getResources().getStaticLocations()));
        staticLocations.add(VAADIN_BUNDLE);
        var failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setDefaultFailureUrl("/" + SignInView.ROUTE + "?error");
        failure.setExceptionMappings(
                Map.of(AdminSignIn.TooManyAttemptsException.class.getName(), "/" + SignInView.ROUTE + "?throttled"));
        failure.setAllowSessionCreation(false);
        http.with(
                        vaadin(),
                        v -> v.loginView(SignInView.class)
                                .defaultSuccessUrl("/admin")
                                .enableRequestCacheConfiguration(false)
                                // pages are open unless their view says otherwise (Vaadin checks the view's
                                // annotations); unknown paths never get here (NotFoundFilter)
                                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::permitAll))
                .formLogin(form -> form.failureHandler(failure))
                // no session for a request that would only be remembered for after the sign-in
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        // before the response is written: Vaadin's pages are forwarded to its servlet,
                        // which commits the response where headers written later are lost
                        .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                            @Override
                            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                                filter.setShouldWriteHeadersEagerly(true);
                                return filter;
                            }
                        }))
                .addFilterBefore(
                        new NotFoundFilter(
                                () -> ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext)),
                                requestUtil::isFrameworkInternalRequest,
                                translations,
                                files,
                                staticLocations),
                        AuthorizationFilter.class);
        return http.build();
    }
}
