package org.oneneuron.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.objective.FiniteDifferences;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.testing.Gen;
import org.oneneuron.testing.Property;

/**
 * Gradients against central differences, Hessian-vector products against differences of exact
 * gradients and for symmetry, over random MLPs for every augmentation and every loss.
 */
class DerivativePropertiesTest {

    /** A random problem for any neuron kind and loss; rejected when a kink is within 1e-4 if asked. */
    private static RandomProblem problem(Gen g, String loss, boolean awayFromKinks) {
        RandomProblem p = new RandomProblem(g.oneOf("kind", NeuronKind.class), loss, g.seed("seed"));
        g.assume(!awayFromKinks || p.kinkDistance(p.theta) > 1e-4);
        return p;
    }

    private static NetworkObjective objective(RandomProblem p, Reduction reduction) {
        return NetworkObjective.builder(p.spec, p.data).loss(p.loss).reduction(reduction).lambda(0.3).build();
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Property.forAll(150, g -> {
            String loss = g.oneOf("loss", RandomProblem.LOSSES);
            checkGradient(problem(g, loss, true), loss, g.bool("mean") ? Reduction.MEAN : Reduction.SUM);
        });
    }

    private static void checkGradient(RandomProblem p, String loss, Reduction reduction) {
        NetworkObjective obj = objective(p, reduction);
        double[] g = new double[obj.dimension()];
        double value = obj.valueAndGradient(p.theta, g);
        assertEquals(obj.value(p.theta), value, 0.0);
        double[] fd = FiniteDifferences.gradient(obj, p.theta, 1e-5);
        double err = FiniteDifferences.relativeError(g, fd, 1e-8);
        assertTrue(err <= 1e-6, () -> "relative gradient error " + err + " for " + p.spec + " " + loss);
    }

    @Test
    void scoresMatchNaiveReference() {
        Property.forAll(150, g -> {
            RandomProblem p = problem(g, "cubic-hinge", false);
            NetworkObjective obj = objective(p, Reduction.SUM);
            double[] fast = obj.scores(p.theta);
            double[] ref = p.referenceScores(p.theta);
            double[] fastNet = obj.networkScores(p.theta);
            double[] refNet = p.referenceNetworkScores(p.theta);
            assertTrue(FiniteDifferences.relativeError(fast, ref, 1e-12) < 1e-13, "scores of " + p.spec);
            assertTrue(FiniteDifferences.relativeError(fastNet, refNet, 1e-12) < 1e-13, "network scores of " + p.spec);
        });
    }

    @Test
    void hessianVectorMatchesGradientDifferencesAndIsSymmetric() {
        Property.forAll(120, g -> {
            String loss = g.oneOf("loss", RandomProblem.LOSSES);
            checkHessianVector(problem(g, loss, true), loss, g.seed("directions"));
        });
    }

    private static void checkHessianVector(RandomProblem p, String loss, long directionSeed) {
        NetworkObjective obj = objective(p, Reduction.SUM);
        SplittableRandom rng = new SplittableRandom(directionSeed);
        int n = obj.dimension();
        double[] u = new double[n];
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            u[k] = rng.nextDouble(-1, 1);
            v[k] = rng.nextDouble(-1, 1);
        }
        double[] hv = new double[n];
        double[] hu = new double[n];
        obj.hessianVector(p.theta, v, hv);
        obj.hessianVector(p.theta, u, hu);
        double[] fd = FiniteDifferences.hessianVector(obj, p.theta, v, 1e-6);
        double err = FiniteDifferences.relativeError(hv, fd, 1e-6);
        assertTrue(err <= 1e-5, () -> "relative HVP error " + err + " for " + p.spec + " " + loss);
        double uHv = dot(u, hv);
        double vHu = dot(v, hu);
        double scale = Math.sqrt(dot(u, u) * dot(hv, hv)) + Math.sqrt(dot(v, v) * dot(hu, hu));
        assertTrue(Math.abs(uHv - vHu) <= 1e-10 * Math.max(scale, 1e-12),
                () -> "uᵀHv = " + uHv + " but vᵀHu = " + vHu);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
