package org.oneneuron.landscape;

import org.oneneuron.run.ContinuedRun;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.run.Problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.oneneuron.constructions.Construction;
import org.oneneuron.constructions.Constructions;
import org.oneneuron.constructions.ToyConstruction;
import org.oneneuron.constructions.NetworkConstruction;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.Verdict;

/** Certificates and escapes on the PAPER.md §6 constructions, through the engine. */
class ConstructionCertificatesTest {

    private static final double BAD_LOSS = 48 - 32 * Math.sqrt(2);

    private static TrainConfig gd(long steps) {
        return TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.GD).learningRate(0.01)
                .maxSteps(steps).gradientTolerance(0).clipNorm(10).historyStride((int) (steps / 1000)).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A1", "A2"})
    void plainBadPointsAreCertifiedBadLocalMinimaAndNoPerturbationLowersThem(String name) {
        NetworkConstruction c = (NetworkConstruction) Constructions.byName(name);
        Problem problem = Problem.plain(c);
        NetworkObjective plain = problem.objective();
        double[] theta = c.badPoint();
        CertifyConfig config = CertifyConfig.defaults().withPerturbations(10_000);
        Certificate cert = Certifier.certify(plain, theta, problem.context(theta), config);
        assertEquals(Verdict.BAD_LOCAL_MINIMUM, cert.verdict(), cert.reason());
        assertEquals(BAD_LOSS, cert.loss(), 1e-12);
        assertEquals(1.0 / 3, cert.trainingError(), 1e-15, "a constant output misclassifies one class");
        assertTrue(cert.gradNorm() < 1e-12, "‖∇L‖ = " + cert.gradNorm());
        PerturbationProbe probe = cert.perturbation().orElseThrow();
        assertEquals(10_000, probe.directions());
        assertEquals(1e-3, probe.radius());
        assertTrue(probe.noDecrease(), "smallest change " + probe.smallestChange());
        assertTrue(probe.smallestChange() >= -probe.tolerance(), "smallest change " + probe.smallestChange()
                + " (dead-unit directions leave L unchanged up to round-off)");
        assertEquals(0, cert.kinks().unitsAtKink());
        assertEquals(2, cert.kinks().unitsChecked());
    }

    @Test
    void theGlobalPointIsCertifiedGlobalWithItsKinkFlagged() {
        NetworkConstruction a1 = Constructions.caseA1();
        NetworkObjective plain = Problem.plain(a1).objective();
        double[] theta = a1.globalPoint();
        Certificate cert = Certifier.certify(plain, theta, Problem.plain(a1).context(theta),
                CertifyConfig.defaults());
        assertEquals(Verdict.GLOBAL_MINIMUM, cert.verdict(), cert.reason());
        assertEquals(0.0, cert.trainingError());
        assertEquals(2, cert.kinks().unitsAtKink(), "x_3 = (1/2, 1/2) sits on both units' kinks");
        assertTrue(cert.reason().contains("; 2 units at a kink"), cert.reason());
        double[] oneKink = theta.clone();
        oneKink[5] = 5; // c_2 = 5: the second unit is active at every input, the first still on x_3's kink
        Certificate one = Certifier.certify(plain, oneKink, Problem.plain(a1).context(oneKink), CertifyConfig.defaults());
        assertEquals(1, one.kinks().unitsAtKink());
        assertTrue(one.reason().contains("; 1 unit at a kink"), one.reason());
    }

    @Test
    void theAugmentedIdentityHoldsAtRandomPoints() {
        NetworkObjective aug = Problem.plain(Constructions.caseA1()).withNeuron(NeuronKind.SKIP_EXP, 0.01).objective();
        SplittableRandom random = new SplittableRandom(12);
        for (int k = 0; k < 20; k++) {
            double[] theta = Vectors.gaussian(aug.dimension(), random);
            Certificate cert = Certifier.certify(aug, theta, NetworkPoints.context(aug, theta),
                    CertifyConfig.defaults().withPerturbations(0));
            double[] g = new double[aug.dimension()];
            aug.valueAndGradient(theta, g);
            double scale = Math.abs(theta[aug.layout().neuronAOffset()] * g[aug.layout().neuronAOffset()])
                    + Math.abs(g[aug.layout().neuronBOffset()]) + 1.0;
            assertEquals(0.0, cert.identityResidual(), 1e-12 * scale);
        }
    }

    @Test
    void escapeAtA1MatchesTheAugmentedObjective() {
        NetworkConstruction a1 = Constructions.caseA1();
        EscapeProblem problem = NetworkPoints.escapeProblem(Problem.plain(a1).objective(), a1.badPoint(), 0.01);
        EscapeCertificate cert = Escape.certify(problem, new double[] {1, 0}, 0.0, EscapeConfig.defaults());
        assertEquals(a1.escapeSlope(), cert.chosen().g(), 1e-12);
        NetworkObjective aug = Problem.plain(a1).withNeuron(NeuronKind.SKIP_EXP, 0.01).objective();
        double before = aug.value(a1.augmentedBadPoint());
        double after = aug.value(a1.augment(a1.badPoint(), new double[] {1, 0}, cert.chosen().step(), 0));
        assertEquals(before - after, cert.chosen().measuredDecrease(), 1e-12);
        double[] gradient = new double[aug.dimension()];
        aug.valueAndGradient(a1.augmentedBadPoint(), gradient);
        assertEquals(gradient[aug.layout().neuronAOffset()], cert.chosen().g(), 1e-12);
    }

    @Test
    void trainingOnFromTheEscapeHeadsToInfinityNotToAGlobalMinimum() {
        NetworkConstruction a1 = Constructions.caseA1();
        EscapeProblem problem = NetworkPoints.escapeProblem(Problem.plain(a1).objective(), a1.badPoint(), 0.01);
        EscapeStep step = Escape.certify(problem, new double[] {1, 0}, 0.0, EscapeConfig.defaults()).chosen();
        Problem aug = Problem.plain(a1).withNeuron(NeuronKind.SKIP_EXP, 0.01);
        double[] start = a1.augment(a1.badPoint(), step.w(), step.step(), 0.0);
        ContinuedRun run = ContinuedRun.from(aug, start, gd(20_000), CertifyConfig.defaults().withPerturbations(0));
        Certificate end = run.certificate();
        assertEquals(Verdict.ESCAPING_TO_INFINITY, run.training().infinity().verdict(),
                run.training().infinity().evidence());
        assertEquals(Verdict.ESCAPING_TO_INFINITY, end.verdict(), end.reason());
        assertNotEquals(Verdict.GLOBAL_MINIMUM, end.pointVerdict());
        assertTrue(end.loss() > 2.0 && end.loss() < 2.1, "total loss creeps towards 2: " + end.loss());
        assertTrue(end.networkOnlyLoss() > BAD_LOSS, "the network alone gets worse: " + end.networkOnlyLoss());
        assertTrue(end.neuron().orElseThrow().b() < -1.0, "b falls: " + end.neuron());
    }

    @Test
    void caseCIsEscapingToInfinityByOneHundredThousandSteps() {
        ToyConstruction c = (ToyConstruction) Constructions.byName("C");
        var objective = c.augmentedObjective(c.lambda());
        ContinuedRun run = ContinuedRun.from(objective, c.augmentedBadPoint(), gd(100_000),
                PointContext.plain(Double.NaN, KinkReport.smooth()), CertifyConfig.defaults().withPerturbations(0));
        assertEquals(Verdict.ESCAPING_TO_INFINITY, run.certificate().verdict(), run.certificate().reason());
        assertEquals(0.38994, run.certificate().loss(), 5e-5);
        assertTrue(run.certificate().loss() > c.badLoss() - 1e-3);
    }
}
