package org.oneneuron.cli.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oneneuron.linalg.ArrayMath;
import org.oneneuron.linalg.Backends;

/**
 * What every workload run needs: thread count, optional step override, the W1 dump folder (null
 * for our own generator), the seed, and the warm-up policy.
 *
 * @param threads     sample chunks the objective evaluates in parallel (≥ 1)
 * @param steps       step override (W1 steps, W3 training steps, W4 steps), or 0 for the workload's own
 * @param dumpDir     the peer's W1 dump folder, or null for synthetic data
 * @param seed        seed of our generators
 * @param warmupSteps untimed steps run first so that the JIT has compiled the kernels
 */
record BenchContext(int threads, int steps, Path dumpDir, long seed, int warmupSteps) {

    BenchContext {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("--steps must be >= 0, got " + steps);
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("--warmup-steps must be >= 0, got " + warmupSteps);
        }
    }

    int stepsOr(int defaultSteps) {
        return steps > 0 ? steps : defaultSteps;
    }

    W1Setup w1() throws java.io.IOException {
        return dumpDir == null ? W1Setup.synthetic(seed) : W1Setup.fromDump(dumpDir);
    }

    /** Fields every workload reports about our side. */
    Map<String, Object> header(String workload, String dtype) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", workload);
        m.put("impl", "oneneuron-java");
        m.put("java", System.getProperty("java.version"));
        m.put("blas", Backends.active().name());
        m.put("vector_bits", Backends.vectorBitSize());
        m.put("elementwise", ArrayMath.implementation());
        m.put("threads", threads);
        m.put("blas_threads", Backends.threads());
        m.put("openblas_num_threads", System.getenv("OPENBLAS_NUM_THREADS"));
        m.put("dtype", dtype);
        m.put("seed", seed);
        m.put("warmup_steps", warmupSteps);
        return m;
    }
}
