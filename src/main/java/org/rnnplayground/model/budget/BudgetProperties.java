package org.rnnplayground.model.budget;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The compute budget's limits ({@code playground.budget.*}); unset values take {@link
 * ComputeBudget#defaults()}.
 *
 * @param runMemoryMb memory of one training run in MB (default 512)
 * @param stepMultiplyAdds multiply-adds of one training step (default 20 billion)
 * @param traceMemoryMb memory of one Shapes page forward pass in MB (default 512)
 * @param traceMultiplyAdds multiply-adds of one Shapes page forward pass (default 4 billion)
 * @param generationLength tokens of one generation, prefix included (default 2000)
 * @param generationMultiplyAdds multiply-adds of one generation (default 5 billion)
 * @param sequenceMemoryMb memory of one Sequence page fit in MB (default 256)
 * @param sequenceMultiplyAdds multiply-adds of one Sequence page fit (default 20 billion)
 * @param keptModelsMemoryMb memory of the finished runs' models kept for generation, all users
 *     together, in MB (default 2048)
 */
@ConfigurationProperties("playground.budget")
public record BudgetProperties(
        Long runMemoryMb,
        Long stepMultiplyAdds,
        Long traceMemoryMb,
        Long traceMultiplyAdds,
        Integer generationLength,
        Long generationMultiplyAdds,
        Long sequenceMemoryMb,
        Long sequenceMultiplyAdds,
        Long keptModelsMemoryMb) {

    /** The budget these properties describe; throws when a limit is not positive. */
    public ComputeBudget budget() {
        ComputeBudget d = ComputeBudget.defaults();
        return new ComputeBudget(
                runMemoryMb != null ? runMemoryMb * ComputeBudget.MB : d.runBytes(),
                stepMultiplyAdds != null ? stepMultiplyAdds : d.stepMultiplyAdds(),
                traceMemoryMb != null ? traceMemoryMb * ComputeBudget.MB : d.traceBytes(),
                traceMultiplyAdds != null ? traceMultiplyAdds : d.traceMultiplyAdds(),
                generationLength != null ? generationLength : d.generationLength(),
                generationMultiplyAdds != null ? generationMultiplyAdds : d.generationMultiplyAdds(),
                sequenceMemoryMb != null ? sequenceMemoryMb * ComputeBudget.MB : d.sequenceBytes(),
                sequenceMultiplyAdds != null ? sequenceMultiplyAdds : d.sequenceMultiplyAdds(),
                keptModelsMemoryMb != null ? keptModelsMemoryMb * ComputeBudget.MB : d.keptModelsBytes());
    }
}
