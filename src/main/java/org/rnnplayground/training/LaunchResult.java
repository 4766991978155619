package org.rnnplayground.training;

import java.util.Optional;
import org.rnnplayground.model.budget.BudgetProblem;

/**
 * The answer to a launch: the queued run, or why it was refused.
 *
 * @param run the run, when accepted
 * @param refusal why not, when refused
 * @param limit the limit that refused it
 * @param overBudget what the run needs and the budget's limit, when refused {@link
 *     Refusal#OVER_BUDGET}; else null
 */
public record LaunchResult(Optional<RunSnapshot> run, Refusal refusal, int limit, BudgetProblem overBudget) {

    /** Why a launch was refused. */
    public enum Refusal {
        TOO_MANY_QUEUED,
        /** The queue of all users is full ({@link TrainingLimits#maxQueuedTotal()}). */
        QUEUE_FULL,
        /** Too many runs from the user's network address ({@link TrainingLimits#maxRunsPerAddress()}). */
        TOO_MANY_FROM_ADDRESS,
        SHUTTING_DOWN,
        /** The model does not fit the compute budget ({@link #overBudget} says why). */
        OVER_BUDGET
    }

    static LaunchResult accepted(RunSnapshot run) {
        return new LaunchResult(Optional.of(run), null, 0, null);
    }

    static LaunchResult refused(Refusal refusal, int limit) {
        return new LaunchResult(Optional.empty(), refusal, limit, null);
    }

    static LaunchResult overBudget(BudgetProblem problem) {
        return new LaunchResult(Optional.empty(), Refusal.OVER_BUDGET, 0, problem);
    }

    public boolean accepted() {
        return run.isPresent();
    }
}
