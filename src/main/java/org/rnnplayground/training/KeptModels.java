package org.rnnplayground.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps the models of ended runs, for generation, within one memory budget for all users together:
 * beyond it, the models of the runs that ended longest ago are released (their curves and samples
 * stay).
 */
final class KeptModels {

    private final long budgetBytes;

    /** @param budgetBytes memory the kept models may take, all users together */
    KeptModels(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /**
     * Releases models of {@code runs}, those that ended first, until the rest fit the budget.
     *
     * @return the runs whose models were released
     */
    synchronized List<Run> releaseOverBudget(List<Run> runs) {
        List<Run> holding = runs.stream()
                .filter(Run::holdsModel)
                .sorted(Comparator.comparing(Run::finishedAt))
                .toList();
        long kept = holding.stream().mapToLong(r -> r.footprint().modelBytes()).sum();
        List<Run> released = new ArrayList<>();
        for (Run r : holding) {
            if (kept <= budgetBytes) {
                break;
            }
            r.releaseModel();
            kept -= r.footprint().modelBytes();
            released.add(r);
        }
        return released;
    }
}
