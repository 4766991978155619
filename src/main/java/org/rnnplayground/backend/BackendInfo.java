package org.rnnplayground.backend;

import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which ND4J backend this process runs on, for the header and the admin page.
 *
 * @param kind "CPU" or "CUDA"
 * @param backend the backend class's simple name, e.g. {@code CpuBackend}
 * @param threads ND4J's maximum number of threads for its own operations
 * @param device the BLAS vendor (CPU) or the GPU name (CUDA)
 * @param dataType the default floating point type
 */
public record BackendInfo(String kind, String backend, int threads, String device, String dataType) {

    /** Loads ND4J if needed (a few seconds the first time) and describes it. */
    public static BackendInfo detect() {
        var environment = Nd4j.getEnvironment();
        String kind = environment.isCPU() ? "CPU" : "CUDA";
        Properties info = Nd4j.getExecutioner().getEnvironmentInformation();
        String device = environment.isCPU() ? blasVendor(info) : gpuName(info);
        return new BackendInfo(
                kind,
                Nd4j.getBackend().getClass().getSimpleName(),
                environment.maxThreads(),
                device,
                Nd4j.dataType().name().toLowerCase());
    }

    private static String blasVendor(Properties info) {
        Object vendor = info.get("blas.vendor");
        return vendor == null ? "BLAS" : vendor.toString();
    }

    private static String gpuName(Properties info) {
        Object devices = info.get("cuda.devicesInformation");
        if (devices instanceof java.util.List<?> list
                && !list.isEmpty()
                && list.getFirst() instanceof java.util.Map<?, ?> m) {
            Object name = m.get("cuda.deviceName");
            if (name != null) {
                return name.toString();
            }
        }
        return "GPU";
    }

    /** One line for the header, e.g. "ND4J CPU · 1 thread · OPENBLAS". */
    public String summary() {
        return "ND4J " + kind + " · " + threads + (threads == 1 ? " thread" : " threads") + " · " + device;
    }
}
