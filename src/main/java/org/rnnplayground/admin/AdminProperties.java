package org.rnnplayground.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The instructor's sign-in ({@code playground.admin.*}).
 *
 * @param password the admin password; when unset, a random one is generated at start-up and written
 *     to the server log once
 */
@ConfigurationProperties("playground.admin")
public record AdminProperties(String password) {}
