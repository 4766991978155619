package org.rnnplayground.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the app shell ({@code playground.ui.*}).
 *
 * @param showAdminLink list pages that need a sign-in (the Admin page) in the navigation for
 *     everyone; by default only a signed-in instructor sees them (the route stays reachable by its
 *     address either way)
 */
@ConfigurationProperties("playground.ui")
public record UiProperties(boolean showAdminLink) {}
