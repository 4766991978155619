package org.rnnplayground.model;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.Nd4jBlas;

/**
 * Threads of ND4J's native backend (its own op threads and OpenBLAS).
 *
 * <p>Measured on a 2-core machine: one thread for both is 2 to 5 times faster for this model's
 * small products than ND4J's defaults, and leaves the other core to another run. The setting is
 * process-wide (native state), so the application calls this once at start-up, not per run. Setting
 * the environment variables {@code OMP_NUM_THREADS=1} and {@code OPENBLAS_NUM_THREADS=1} before
 * the JVM starts has the same effect.
 */
public final class NativeThreads {

    private NativeThreads() {}

    /**
     * Limits ND4J op threads and OpenBLAS threads to {@code threads}.
     *
     * @param threads at least 1
     */
    public static void limitTo(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        if (Nd4j.factory().blas() instanceof Nd4jBlas blas) {
            blas.setMaxThreads(threads);
        }
    }

    /** The current OpenBLAS thread count, or -1 if the backend does not say. */
    public static int blasThreads() {
        return Nd4j.factory().blas() instanceof Nd4jBlas blas ? blas.getMaxThreads() : -1;
    }
}
