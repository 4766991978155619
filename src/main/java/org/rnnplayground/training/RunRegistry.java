package org.rnnplayground.training;

import java.util.List;
import java.util.Optional;

/** Every run of every user, for the user's own list and for the admin page. */
public interface RunRegistry {

    /** The user's runs, newest first. */
    List<RunSnapshot> runsOf(UserId owner);

    /** A run by id, if the requester owns it. */
    Optional<RunSnapshot> find(String runId, UserId requester);

    /** All runs of all users, newest first (admin). */
    List<RunSnapshot> all();

    /** Users who have launched runs, with counts (admin). */
    List<UserSummary> users();

    /** Stops any run whoever owns it (admin); false if it is already over. */
    boolean stopAny(String runId);

    /**
     * One user as the admin page lists them.
     *
     * @param user the user
     * @param queued runs waiting
     * @param running runs training
     * @param finished runs over (finished, stopped, diverged, failed) still kept
     */
    record UserSummary(UserId user, int queued, int running, int finished) {}
}
