package org.oneneuron.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.OutputLoss;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.run.Problem;

/**
 * PAPER.md §10's escape with K outputs: output k's one-output view (the other scores held) gives
 * the slope g_k = ∂L~/∂a_k and curvature κ_k = ∂²L~/∂a_k² the engine computes at the embedded point,
 * the step along a_k lowers the exact loss by what the view measures, and the certificate's probe
 * finds a decrease at a constructed multi-output point; each output's neuron figures are its own.
 */
class MultiOutputEscapeTest {

    private static final double LAMBDA = 0.1;

    /** Nine points in three classes, not separable by the random network below. */
    private static Dataset threeClasses() {
        SplittableRandom rng = new SplittableRandom(11);
        double[] x = new double[18];
        double[] y = new double[9];
        for (int i = 0; i < 9; i++) {
            x[2 * i] = rng.nextDouble(-1, 1);
            x[2 * i + 1] = rng.nextDouble(-1, 1);
            y[i] = i % 3;
        }
        return new Dataset("three", x, y, 2, null, List.of("a", "b", "c"));
    }

    private static Problem problem(OutputLoss loss) {
        NetworkSpec spec = NetworkSpec.mlp(2, List.of(3), Activation.TANH, NeuronKind.SKIP_EXP, 3);
        return Problem.builder(spec, threeClasses()).loss(loss).reduction(Reduction.SUM).lambda(LAMBDA).build();
    }

    /** A random network with every neuron at (w, a, b) = (0, 0, 0). */
    private static double[] point(NetworkObjective objective, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] theta = new double[objective.dimension()];
        for (int i = 0; i < objective.layout().networkDimension(); i++) {
            theta[i] = rng.nextDouble(-1, 1);
        }
        return theta;
    }

    @Test
    void eachOutputsViewGivesTheEnginesSlopeCurvatureAndDecrease() {
        for (OutputLoss loss : List.of(Losses.SOFTMAX_CE, Losses.MULTI_SQUARED_HINGE)) {
            NetworkObjective objective = problem(loss).objective();
            for (long seed = 1; seed <= 5; seed++) {
                double[] theta = point(objective, seed);
                double[] plain = java.util.Arrays.copyOf(theta, objective.layout().networkDimension());
                SplittableRandom rng = new SplittableRandom(100 + seed);
                for (int k = 0; k < 3; k++) {
                    String where = loss.word() + ", seed " + seed + ", output " + k;
                    double[] w = {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1)};
                    double b = rng.nextDouble(-0.5, 0.5);
                    EscapeStep step = Escape.step(NetworkPoints.outputProblem(objective, theta, LAMBDA, k), w, b);
                    double[] embedded = NetworkPoints.embed(objective, plain, k, w, 0.0, b);
                    int ak = objective.layout().neuronAOffset() + k;
                    double[] gradient = new double[theta.length];
                    double before = objective.valueAndGradient(embedded, gradient);
                    assertEquals(gradient[ak], step.g(), 1e-12 * Math.max(1, Math.abs(step.g())), "g_k, " + where);
                    double[] e = new double[theta.length];
                    e[ak] = 1.0;
                    double[] he = new double[theta.length];
                    objective.hessianVector(embedded, e, he);
                    assertEquals(he[ak], step.kappa(), 1e-12 * step.kappa(), "κ_k, " + where);
                    double[] moved = embedded.clone();
                    moved[ak] = step.step();
                    assertEquals(step.measuredDecrease(), before - objective.value(moved),
                            1e-12 * Math.max(1, before), "measured decrease, " + where);
                    double[] small = embedded.clone();
                    double t = 1e-3 * step.step();
                    small[ak] = t; // the proof's direction: a_k against the slope, small enough for the model
                    double model = -(step.g() * t + 0.5 * step.kappa() * t * t);
                    assertEquals(model, before - objective.value(small), 1e-3 * Math.abs(model) + 1e-15,
                            "second-order model of the decrease, " + where);
                    assertTrue(step.g() == 0 || before - objective.value(small) > 0, "a_k against g_k lowers L~, " + where);
                }
            }
        }
    }

    @Test
    void theCertificatesEscapeLowersTheLossAtAMultiOutputPoint() {
        NetworkObjective objective = problem(Losses.SOFTMAX_CE).objective();
        double[] theta = point(objective, 7);
        double loss = objective.value(theta);
        EscapeProbe probe = NetworkPoints.escapeProbe(objective, EscapeConfig.defaults()).orElseThrow();
        EscapeEvidence evidence = probe.probe(theta, loss);
        assertTrue(evidence.escapes(), evidence.describe());
        assertTrue(evidence.output() >= 0 && evidence.output() < 3, "which output: " + evidence.output());
        assertEquals(loss - objective.value(evidence.escapePoint()), evidence.decrease(), 1e-12 * loss);
        assertTrue(evidence.decrease() > 1e-3 * loss, evidence.describe());
        assertTrue(evidence.describe().contains("the neuron of output " + evidence.output()), evidence.describe());
    }

    @Test
    void eachOutputsNeuronFiguresAreItsOwn() {
        NetworkObjective objective = problem(Losses.SOFTMAX_CE).objective();
        double[] theta = point(objective, 3);
        var layout = objective.layout();
        double[] w1 = {0.3, -0.4};
        System.arraycopy(w1, 0, theta, layout.neuronWOffset() + 2, 2);
        theta[layout.neuronAOffset() + 1] = -0.25;
        theta[layout.neuronBOffset() + 1] = 0.5;
        List<OutputNeurons.Figures> figures = OutputNeurons.of(objective, theta);
        assertEquals(3, figures.size());
        Dataset data = objective.data();
        double max = 0;
        for (int i = 0; i < data.n(); i++) {
            max = Math.max(max, Math.abs(-0.25 * Math.exp(0.3 * data.x(i, 0) - 0.4 * data.x(i, 1) + 0.5)));
        }
        OutputNeurons.Figures one = figures.get(1);
        assertEquals(-0.25, one.a());
        assertEquals(0.5, one.b());
        assertEquals(0.5, one.wNorm(), 1e-15);
        assertEquals(max, one.maxContribution(), 1e-14 * max);
        assertEquals(0.0, figures.get(0).maxContribution(), "a_0 = 0 adds nothing");
        assertEquals(0.0, figures.get(2).maxContribution(), "a_2 = 0 adds nothing");
    }
}
