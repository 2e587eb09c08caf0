package org.oneneuron.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.oneneuron.objective.Objective;
import org.oneneuron.train.Verdict;

/**
 * The bounded perturbation probe (CertifyConfig.boundedProbe, the default): run only where it can
 * change the verdict, at most 3 directions per Lanczos product above the dense limit, its effort
 * reported; an exact count runs everywhere; a decrease is still found within the budget.
 */
class ProbeBudgetTest {

    /** L = c + ½ Σ s_i θ_i² + t·θ_0³ + g·θ_1 in n dimensions. */
    private record Cubic(double[] spectrum, double c, double t, double g) implements Objective {

        @Override
        public int dimension() {
            return spectrum.length;
        }

        @Override
        public double value(double[] theta) {
            double v = c + t * theta[0] * theta[0] * theta[0] + g * theta[1];
            for (int i = 0; i < theta.length; i++) {
                v += 0.5 * spectrum[i] * theta[i] * theta[i];
            }
            return v;
        }

        @Override
        public double valueAndGradient(double[] theta, double[] gradient) {
            for (int i = 0; i < theta.length; i++) {
                gradient[i] = spectrum[i] * theta[i];
            }
            gradient[0] += 3 * t * theta[0] * theta[0];
            gradient[1] += g;
            return value(theta);
        }

        @Override
        public void hessianVector(double[] theta, double[] v, double[] out) {
            for (int i = 0; i < theta.length; i++) {
                out[i] = spectrum[i] * v[i];
            }
            out[0] += 6 * t * theta[0] * v[0];
        }

        @Override
        public Objective copy() {
            return this;
        }
    }

    private static final int N = 60;
    /** The test's statement of the least loss: 0, so a stationary point at c > 0 is a bad minimum. */
    private static final PointContext PLAIN = PointContext.plain(0.0, KinkReport.smooth())
            .withLeastLoss(LeastLoss.exact(0.0, "the test's premise"));

    /** Distinct curvatures 1..N, so that Lanczos runs all its steps. */
    private static double[] spread() {
        double[] s = new double[N];
        Arrays.setAll(s, i -> 1.0 + i);
        return s;
    }

    /** Above the dense limit (10 < 60 parameters): Lanczos, whose products set the budget. */
    private static CertifyConfig large() {
        return CertifyConfig.defaults().withDenseLimit(10);
    }

    @Test
    void aStationaryPointAboveItsMinimumGetsThreeDirectionsPerLanczosProduct() {
        Certificate c = Certifier.certify(new Cubic(spread(), 0.5, 0, 0), new double[N], PLAIN, large());
        assertEquals("lanczos", c.hessianMethod());
        assertEquals(Verdict.BAD_LOCAL_MINIMUM, c.verdict(), c.reason());
        PerturbationProbe p = c.perturbation().orElseThrow();
        int products = CertifyConfig.defaults().lanczos().steps();
        assertEquals(Math.max(Certifier.PROBE_FLOOR, Certifier.PROBE_VALUES_PER_HVP * products), p.directions());
        assertEquals(1000, p.requested());
        assertTrue(p.limit().startsWith("budget: 3 loss values per Hessian-vector product"), p.limit());
        assertTrue(p.noDecrease());
        assertEquals(1 - Math.pow(0.05, 1.0 / p.directions()), p.undetectedFraction95(), 1e-15);
        assertTrue(c.reason().contains("perturbation probe: 120 of 1000 directions"), c.reason());
    }

    @Test
    void theBudgetNeverFallsBelowTheFloor() {
        assertEquals(Certifier.PROBE_FLOOR, Certifier.probeBudget(1));
        assertEquals(Certifier.PROBE_FLOOR, Certifier.probeBudget(Certifier.PROBE_FLOOR / 3));
        assertEquals(300, Certifier.probeBudget(100));
    }

    @Test
    void aDecreaseOutsideTheCurvatureIsStillFoundWithinTheBudget() {
        Certificate c = Certifier.certify(new Cubic(new double[N], 0.5, 1000, 0), new double[N], PLAIN, large());
        assertTrue(c.hessEigMin() >= -1e-12, "flat curvature, λ_min = " + c.hessEigMin());
        assertEquals(Verdict.SADDLE, c.verdict(), c.reason());
        PerturbationProbe p = c.perturbation().orElseThrow();
        assertTrue(p.directions() < p.requested());
        assertFalse(p.noDecrease());
        assertTrue(p.smallestChange() < -p.tolerance());
    }

    @Test
    void aPointThatIsNotStationaryIsNotProbedUnlessAskedExactly() {
        Cubic sloped = new Cubic(spread(), 0.5, 0, 0.1);
        Certificate bounded = Certifier.certify(sloped, new double[N], PLAIN, large());
        assertEquals(Verdict.NOT_STATIONARY, bounded.verdict());
        PerturbationProbe p = bounded.perturbation().orElseThrow();
        assertFalse(p.ran());
        assertEquals(0, p.directions());
        assertTrue(p.limit().contains("not stationary"), p.limit());
        assertTrue(Double.isNaN(p.smallestChange()));
        Certificate exact = Certifier.certify(sloped, new double[N], PLAIN,
                large().withPerturbations(50).withBoundedProbe(false));
        PerturbationProbe q = exact.perturbation().orElseThrow();
        assertEquals(50, q.directions());
        assertEquals(PerturbationProbe.REQUESTED, q.limit());
        assertEquals(Verdict.NOT_STATIONARY, exact.verdict(), "the probe cannot change this verdict");
    }

    @Test
    void aPointAtItsMinimumIsNotProbed() {
        Certificate c = Certifier.certify(new Cubic(spread(), 0.0, 0, 0), new double[N], PLAIN, large());
        assertEquals(Verdict.GLOBAL_MINIMUM, c.verdict());
        assertTrue(c.perturbation().orElseThrow().limit().contains("at its minimum"));
    }

    @Test
    void belowTheDenseLimitTheProbeRunsAsRequested() {
        Certificate c = Certifier.certify(new Cubic(spread(), 0.5, 0, 0), new double[N], PLAIN,
                CertifyConfig.defaults());
        assertEquals("dense", c.hessianMethod());
        assertEquals(1000, c.perturbation().orElseThrow().directions());
        assertEquals(PerturbationProbe.REQUESTED, c.perturbation().orElseThrow().limit());
        assertFalse(c.reason().contains("perturbation probe"), c.reason());
    }

    @Test
    void aBoundedProbeFindsWhatTheExactOneFindsAmongItsFirstDirections() {
        // The bounded probe tries the seed's first directions: its smallest change is the exact
        // probe's over the same prefix, so a decrease it reports is one the exact probe reports.
        Cubic cubic = new Cubic(new double[N], 0.5, 1000, 0);
        PerturbationProbe few = Certifier.perturb(cubic, new double[N], 0.5, large(), 120, "budget");
        PerturbationProbe all = Certifier.perturb(cubic, new double[N], 0.5, large(), 1000, "requested");
        assertTrue(all.smallestChange() <= few.smallestChange());
        assertTrue(all.decreases() >= few.decreases());
    }
}
