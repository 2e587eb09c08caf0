package org.oneneuron.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.objective.Objective;
import org.oneneuron.train.Verdict;

/** The verdict rules of PAPER.md §9 on hand-made objectives L = c + ½θᵀAθ + t·θ_0³. */
class CertifierTest {

    /** c + ½θᵀAθ + t·θ_0³, with an optional fixed neuron snapshot. */
    private record Shifted(QuadraticObjective q, double c, double t, NeuronSnapshot snapshot)
            implements Objective {

        @Override
        public int dimension() {
            return q.dimension();
        }

        @Override
        public double value(double[] theta) {
            return c + q.value(theta) + t * theta[0] * theta[0] * theta[0];
        }

        @Override
        public double valueAndGradient(double[] theta, double[] gradient) {
            double v = c + q.valueAndGradient(theta, gradient) + t * Math.pow(theta[0], 3);
            gradient[0] += 3 * t * theta[0] * theta[0];
            return v;
        }

        @Override
        public void hessianVector(double[] theta, double[] v, double[] out) {
            q.hessianVector(theta, v, out);
            out[0] += 6 * t * theta[0] * v[0];
        }

        @Override
        public Objective copy() {
            return this;
        }

        @Override
        public Optional<NeuronSnapshot> neuron(double[] theta) {
            return Optional.ofNullable(snapshot);
        }
    }

    private static final double[] ORIGIN = new double[6];

    private static Shifted shifted(double[] spectrum, double c, double t, NeuronSnapshot s) {
        return new Shifted(QuadraticObjective.withSpectrum(spectrum, 1), c, t, s);
    }

    private static Certificate certify(Objective o, double[] theta, PointContext ctx) {
        return Certifier.certify(o, theta, ctx, CertifyConfig.defaults().withPerturbations(200));
    }

    /** A plain model whose least loss is known to be 0 (as a construction's is). */
    private static final PointContext PLAIN = PointContext.plain(0.0, KinkReport.smooth())
            .withLeastLoss(LeastLoss.exact(0.0, "test"));

    @Test
    void aMinimumAboveTheFloorIsBadOnlyWhenTheProblemKnowsABetterPoint() {
        Objective o = shifted(new double[] {0, 1, 2, 3, 4, 5}, 0.5, 0, null);
        PointContext userData = PointContext.plain(0.0, KinkReport.smooth());
        Certificate unknown = certify(o, ORIGIN, userData);
        assertEquals(Verdict.CONVERGED_FINITE, unknown.verdict(), unknown.reason());
        assertTrue(unknown.reason().contains("whether it is bad is not known"), unknown.reason());
        Certificate beaten = certify(o, ORIGIN, userData.withLeastLoss(LeastLoss.below(0.5, "test: a point at 0.4")));
        assertEquals(Verdict.BAD_LOCAL_MINIMUM, beaten.verdict(), beaten.reason());
        Certificate atLeast = certify(o, ORIGIN, userData.withLeastLoss(LeastLoss.exact(0.5, "test")));
        assertEquals(Verdict.GLOBAL_MINIMUM, atLeast.verdict(), atLeast.reason());
        Certificate convex = certify(o, ORIGIN, userData.withLeastLoss(LeastLoss.convex("test")));
        assertEquals(Verdict.GLOBAL_MINIMUM, convex.verdict(), convex.reason());
        assertEquals(LeastLoss.Kind.CONVEX, convex.leastLoss().kind());
        Certificate theorem = certify(o, ORIGIN, userData.withLeastLoss(LeastLoss.theorem(0.0)));
        assertEquals(Verdict.BAD_LOCAL_MINIMUM, theorem.verdict(), "the theorem puts every local minimum at the "
                + "floor: " + theorem.reason());
        Certificate noMinimum = certify(o, ORIGIN, userData.withLeastLoss(LeastLoss.theorem(Double.NaN)));
        assertEquals(Verdict.BAD_LOCAL_MINIMUM, noMinimum.verdict(), "a loss that never attains its floor has no "
                + "local minimum under the theorem: " + noMinimum.reason());
    }

    @Test
    void aLeastLossNeedsAValueExactlyWhereItsKindHasOne() {
        assertThrows(IllegalArgumentException.class, () -> LeastLoss.exact(Double.NaN, "x"));
        assertThrows(IllegalArgumentException.class, () -> LeastLoss.below(Double.POSITIVE_INFINITY, "x"));
        assertThrows(IllegalArgumentException.class, () -> new LeastLoss(LeastLoss.Kind.CONVEX, 1.0, "x"));
        assertTrue(LeastLoss.below(2.0, "x").beaten(2.0, 1e-2) && !LeastLoss.below(2.0, "x").beaten(1.9, 1e-2));
        assertTrue(LeastLoss.exact(1.0, "x").beaten(1.02, 1e-2) && !LeastLoss.exact(1.0, "x").beaten(1.005, 1e-2));
    }

    @Test
    void positiveLossWithPsdHessianIsABadLocalMinimum() {
        Certificate c = certify(shifted(new double[] {0, 1, 2, 3, 4, 5}, 0.5, 0, null), ORIGIN, PLAIN);
        assertEquals(Verdict.BAD_LOCAL_MINIMUM, c.verdict());
        assertEquals(0.0, c.hessEigMin(), 1e-12);
        assertEquals(5.0, c.hessEigMax(), 1e-12);
        assertEquals("dense", c.hessianMethod());
        assertTrue(c.perturbation().orElseThrow().noDecrease());
        assertEquals(0.5, c.networkOnlyLoss());
        assertTrue(Double.isNaN(c.identityResidual()));
    }

    @Test
    void zeroLossAtAStationaryPointIsGlobal() {
        Certificate c = certify(shifted(new double[] {1, 1, 2, 3, 4, 5}, 0.0, 0, null), ORIGIN, PLAIN);
        assertEquals(Verdict.GLOBAL_MINIMUM, c.verdict());
    }

    @Test
    void negativeCurvatureIsASaddleWithItsDirection() {
        Certificate c = certify(shifted(new double[] {-0.1, 1, 2, 3, 4, 5}, 0.5, 0, null), ORIGIN, PLAIN);
        assertEquals(Verdict.SADDLE, c.verdict());
        double[] v = c.negativeDirection();
        double[] hv = new double[6];
        shifted(new double[] {-0.1, 1, 2, 3, 4, 5}, 0.5, 0, null).hessianVector(ORIGIN, v, hv);
        assertEquals(-0.1, Vectors.dot(v, hv), 1e-12);
    }

    @Test
    void aCubicDecreaseWithFlatCurvatureIsCaughtByThePerturbationProbe() {
        Shifted flatAlongFirst = new Shifted(QuadraticObjective.diagonal(new double[6]),
                0.5, 1.0, null);
        Certificate c = certify(flatAlongFirst, ORIGIN, PLAIN);
        assertTrue(c.hessEigMin() >= -1e-12);
        assertEquals(Verdict.SADDLE, c.verdict());
        assertFalse(c.perturbation().orElseThrow().noDecrease());
    }

    @Test
    void aNonzeroGradientIsNotStationary() {
        double[] theta = {0.1, 0, 0, 0, 0, 0};
        Certificate c = certify(shifted(new double[] {1, 1, 1, 1, 1, 1}, 0.5, 0, null), theta, PLAIN);
        assertEquals(Verdict.NOT_STATIONARY, c.verdict());
        assertEquals(0.1, c.gradNorm(), 1e-12);
    }

    @Test
    void zeroTotalLossCarriedByTheNeuronIsNotAGlobalMinimum() {
        NeuronSnapshot carrying = new NeuronSnapshot(0.3, 2.0, 1.5, 0.8, 1.7);
        Certificate c = certify(shifted(new double[] {1, 1, 1, 1, 1, 1}, 0.0, 0, carrying), ORIGIN,
                PointContext.augmented(0.0, 4, 5, 0.1, KinkReport.smooth()));
        assertEquals(Verdict.NEURON_CARRIES_FIT, c.verdict());
        assertTrue(c.augmented());
        assertEquals(1.7, c.networkOnlyLoss());
    }

    @Test
    void zeroLossWithANegligibleNeuronIsGlobal() {
        NeuronSnapshot idle = new NeuronSnapshot(0.0, 0.0, 1.0, 0.0, 0.0);
        Certificate c = certify(shifted(new double[] {1, 1, 1, 1, 1, 1}, 0.0, 0, idle), ORIGIN,
                PointContext.augmented(0.0, 4, 5, 0.1, KinkReport.smooth()));
        assertEquals(Verdict.GLOBAL_MINIMUM, c.verdict());
        assertEquals(0.0, c.identityResidual(), 1e-15);
    }

    @Test
    void theTrainersEscapeVerdictOverridesAPointVerdict() {
        Certificate c = certify(shifted(new double[] {1, 1, 1, 1, 1, 1}, 0.39, 0, null), ORIGIN,
                PLAIN.withTrajectory(Verdict.ESCAPING_TO_INFINITY));
        assertEquals(Verdict.BAD_LOCAL_MINIMUM, c.pointVerdict());
        assertEquals(Verdict.ESCAPING_TO_INFINITY, c.verdict());
        assertTrue(c.reason().startsWith("trainer: escaping_to_infinity"), c.reason());
    }

    @Test
    void anUnknownMinimumNeverGivesGlobalOrBad() {
        PointContext unattained = PointContext.plain(0.0, KinkReport.smooth()).withMinimumLoss(Double.NaN);
        Certificate c = certify(shifted(new double[] {1, 1, 1, 1, 1, 1}, 0.5, 0, null), ORIGIN, unattained);
        assertEquals(Verdict.CONVERGED_FINITE, c.verdict(), c.reason());
        // at the infimum 0 of a loss that never attains it (softmax cross-entropy, logistic)
        Certificate atInfimum = certify(shifted(new double[] {1, 1, 1, 1, 1, 1}, 0.0, 0, null), ORIGIN, unattained);
        assertEquals(Verdict.NO_ATTAINED_MINIMUM, atInfimum.verdict(), atInfimum.reason());
    }

    @Test
    void lanczosIsUsedAboveTheDenseLimitWithTheSameVerdict() {
        Shifted o = shifted(new double[] {-0.1, 1, 2, 3, 4, 5}, 0.5, 0, null);
        Certificate c = Certifier.certify(o, ORIGIN, PLAIN, CertifyConfig.defaults().withDenseLimit(2));
        assertEquals("lanczos", c.hessianMethod());
        assertEquals(-0.1, c.hessEigMin(), 1e-10);
        assertEquals(Verdict.SADDLE, c.verdict());
    }
}
