package org.rnnplayground.training;

import java.util.UUID;

/** One user of the site (one browser session); runs belong to exactly one user. */
public record UserId(String value) {

    public UserId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a user id must not be blank");
        }
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID().toString());
    }

    /** A short form for tables. */
    public String shortForm() {
        return value.length() <= 8 ? value : value.substring(0, 8);
    }
}
