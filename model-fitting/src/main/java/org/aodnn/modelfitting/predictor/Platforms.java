package org.aodnn.modelfitting.predictor;

/**
 * Names of predictor platforms: the target for native runs ({@code cpu}, {@code gpu}) and
 * {@code target/backend} where a backend is given ({@code browser/wasm}, {@code browser/cpu}).
 */
public final class Platforms {

    private Platforms() {
    }

    public static String of(String target, String backend) {
        return backend == null || backend.isEmpty() ? target : target + "/" + backend;
    }

    /** GPUs run layers in microseconds: the accuracy shares count layers from 0.005 ms there, else 0.05 ms. */
    public static double accuracyFloorMs(String platform) {
        return isGpu(platform) ? 0.005 : 0.05;
    }

    /** {@code gpu} or {@code gpu/...}. */
    public static boolean isGpu(String platform) {
        return platform.equals("gpu") || platform.startsWith("gpu/");
    }

    /** The threads a question about a platform assumes when none is given: 0 on a GPU (as GPU rows carry), else 1. */
    public static int defaultThreads(String platform) {
        return isGpu(platform) ? 0 : 1;
    }

    /** Browsers with WebAssembly are calibrated with the quadratic B_s (Eq. 3), others with the linear B_u (Eq. 2). */
    public static boolean usesWebAssembly(String platform) {
        return platform.endsWith("/wasm");
    }
}
