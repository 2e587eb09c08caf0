package org.oneneuron.landscape;

import java.util.SplittableRandom;
import org.oneneuron.objective.Objective;

/**
 * Hutchinson's trace estimator with Rademacher probes v (entries ±1): E[vᵀHv] = tr(H), so the
 * mean of vᵀHv over m probes estimates tr(H) with standard error sd/√m. One Hessian-vector
 * product per probe.
 */
public final class Hutchinson {

    private Hutchinson() {
    }

    /**
     * Estimates tr(H(θ)).
     *
     * @param probes number of Rademacher probes, >= 2
     * @param seed   seed of the probes
     */
    public static TraceEstimate trace(Objective objective, double[] theta, int probes, long seed) {
        Lanczos.checkPoint(objective, theta);
        if (probes < 2) {
            throw new IllegalArgumentException("probes must be >= 2 for a standard error, got " + probes);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] hv = new double[theta.length];
        double[] samples = new double[probes];
        for (int p = 0; p < probes; p++) {
            double[] v = Vectors.rademacher(theta.length, random);
            objective.hessianVector(theta, v, hv);
            samples[p] = Vectors.dot(v, hv);
        }
        return TraceEstimate.ofSamples(samples);
    }
}
