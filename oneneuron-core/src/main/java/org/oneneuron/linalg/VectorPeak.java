package org.oneneuron.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The core's multiply-add peak as the JIT delivers it: twelve independent fused multiply-add
 * chains on the preferred vectors (enough to cover the FMA latency on two pipes), 2·lanes flops
 * per fma. Written out in one method each, so no vector crosses a call boundary.
 */
final class VectorPeak {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final long ITERATIONS = 20_000_000L;
    private static final int WARM_UP_CALLS = 200;
    private static final long WARM_UP_ITERATIONS = 2_000L;

    private VectorPeak() {
    }

    /**
     * GFLOP/s of the best of {@code rounds} timed rounds, after short calls that let the JIT
     * compile the loop (a long first call would run it unoptimized for seconds).
     */
    static double gflops(boolean single, int rounds) {
        double sink = 0;
        for (int w = 0; w < WARM_UP_CALLS; w++) {
            sink += single ? floatChains(WARM_UP_ITERATIONS) : doubleChains(WARM_UP_ITERATIONS);
        }
        double best = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            sink += single ? floatChains(ITERATIONS) : doubleChains(ITERATIONS);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            int lanes = single ? F.length() : D.length();
            best = Math.max(best, 12.0 * ITERATIONS * lanes * 2 / seconds * 1e-9);
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("peak loop produced NaN");
        }
        return best;
    }

    private static double floatChains(long iterations) {
        FloatVector x = FloatVector.broadcast(F, 0.999999f);
        FloatVector y = FloatVector.broadcast(F, 1e-7f);
        FloatVector a0 = FloatVector.broadcast(F, 1f);
        FloatVector a1 = a0.add(1f);
        FloatVector a2 = a0.add(2f);
        FloatVector a3 = a0.add(3f);
        FloatVector a4 = a0.add(4f);
        FloatVector a5 = a0.add(5f);
        FloatVector a6 = a0.add(6f);
        FloatVector a7 = a0.add(7f);
        FloatVector a8 = a0.add(8f);
        FloatVector a9 = a0.add(9f);
        FloatVector a10 = a0.add(10f);
        FloatVector a11 = a0.add(11f);
        for (long i = 0; i < iterations; i++) {
            a0 = a0.fma(x, y);
            a1 = a1.fma(x, y);
            a2 = a2.fma(x, y);
            a3 = a3.fma(x, y);
            a4 = a4.fma(x, y);
            a5 = a5.fma(x, y);
            a6 = a6.fma(x, y);
            a7 = a7.fma(x, y);
            a8 = a8.fma(x, y);
            a9 = a9.fma(x, y);
            a10 = a10.fma(x, y);
            a11 = a11.fma(x, y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(VectorOperators.ADD);
    }

    private static double doubleChains(long iterations) {
        DoubleVector x = DoubleVector.broadcast(D, 0.999999);
        DoubleVector y = DoubleVector.broadcast(D, 1e-7);
        DoubleVector a0 = DoubleVector.broadcast(D, 1);
        DoubleVector a1 = a0.add(1);
        DoubleVector a2 = a0.add(2);
        DoubleVector a3 = a0.add(3);
        DoubleVector a4 = a0.add(4);
        DoubleVector a5 = a0.add(5);
        DoubleVector a6 = a0.add(6);
        DoubleVector a7 = a0.add(7);
        DoubleVector a8 = a0.add(8);
        DoubleVector a9 = a0.add(9);
        DoubleVector a10 = a0.add(10);
        DoubleVector a11 = a0.add(11);
        for (long i = 0; i < iterations; i++) {
            a0 = a0.fma(x, y);
            a1 = a1.fma(x, y);
            a2 = a2.fma(x, y);
            a3 = a3.fma(x, y);
            a4 = a4.fma(x, y);
            a5 = a5.fma(x, y);
            a6 = a6.fma(x, y);
            a7 = a7.fma(x, y);
            a8 = a8.fma(x, y);
            a9 = a9.fma(x, y);
            a10 = a10.fma(x, y);
            a11 = a11.fma(x, y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(VectorOperators.ADD);
    }
}
