package org.oneneuron.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Shape;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.model.ParameterLayout;
import org.oneneuron.objective.FiniteDifferences;
import org.oneneuron.testing.Gen;
import org.oneneuron.testing.Property;

/**
 * The multi-output losses (softmax cross-entropy, the multi-class squared hinge) and the regression
 * losses (squared, Huber): each loss's gradient and Hessian-vector product against central
 * differences, and whole objectives with K outputs and one special neuron per output (gradient,
 * HVP, symmetry, the per-output identity a_k·∂L~/∂a_k - ∂L~/∂b_k = λa_k²).
 */
class MultiOutputDerivativesTest {

    private static final List<String> CLASS_LOSSES = List.of("softmax-ce", "multi-squared-hinge");
    private static final List<String> TARGET_LOSSES = List.of("target-squared", "huber", "huber:0.5");

    /** Distance of the loss's nearest kink at f (hinge margins m_j = 0, Huber |r| = δ). */
    private static double kink(OutputLoss loss, double[] f, int off, int k, double t) {
        if (loss instanceof MulticlassSquaredHinge) {
            double m = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                if (j != (int) t) {
                    m = Math.min(m, Math.abs(1 + f[off + j] - f[off + (int) t]));
                }
            }
            return m;
        }
        if (loss instanceof HuberLoss h) {
            return Math.abs(Math.abs(f[off] - t) - h.delta());
        }
        return Double.POSITIVE_INFINITY;
    }

    @Test
    void lossGradientAndHessianMatchCentralDifferences() {
        Property.forAll(400, g -> {
            boolean classes = g.bool("classes");
            OutputLoss loss = Losses.parseOutput(g.oneOf("loss", classes ? CLASS_LOSSES : TARGET_LOSSES));
            int k = classes ? g.intIn("K", 2, 7) : 1;
            double[] f = new double[k];
            double[] r = new double[k];
            SplittableRandom rng = new SplittableRandom(g.seed("values"));
            for (int j = 0; j < k; j++) {
                f[j] = rng.nextDouble(-3, 3);
                r[j] = rng.nextDouble(-1, 1);
            }
            double t = classes ? rng.nextInt(k) : rng.nextDouble(-3, 3);
            g.assume(kink(loss, f, 0, k, t) > 1e-3);
            double c = g.doubleIn("c", 0.1, 2);
            double[] grad = new double[k];
            double[] hr = new double[k];
            loss.gradient(f, 0, k, t, c, grad, 0);
            loss.hessianTimes(f, 0, k, t, r, c, hr, 0);
            double h = 1e-6;
            double[] up = new double[k];
            double[] down = new double[k];
            double[] fp = f.clone();
            double[] fm = f.clone();
            for (int j = 0; j < k; j++) {
                fp[j] = f[j] + h * r[j];
                fm[j] = f[j] - h * r[j];
            }
            loss.gradient(fp, 0, k, t, c, up, 0);
            loss.gradient(fm, 0, k, t, c, down, 0);
            for (int j = 0; j < k; j++) {
                double[] e = f.clone();
                e[j] = f[j] + h;
                double vp = loss.value(e, 0, k, t);
                e[j] = f[j] - h;
                double vm = loss.value(e, 0, k, t);
                double fd = c * (vp - vm) / (2 * h);
                assertEquals(fd, grad[j], 1e-6 * Math.max(1, Math.abs(fd)), loss.word() + " ∂ℓ/∂f_" + j);
                double fdh = (up[j] - down[j]) / (2 * h);
                assertEquals(fdh, hr[j], 1e-5 * Math.max(1, Math.abs(fdh)), loss.word() + " (∇²ℓ r)_" + j);
            }
        });
    }

    @Test
    void softmaxCrossEntropyIsStableAndMatchesItsFormula() {
        OutputLoss ce = Losses.SOFTMAX_CE;
        double[] f = {1000, 0, -1000};
        assertEquals(0.0, ce.value(f, 0, 3, 0), 1e-300);
        assertEquals(1000.0, ce.value(f, 0, 3, 1), 1e-9);
        double[] g = {0.3, -1.2};
        double want = Math.log(Math.exp(0.3) + Math.exp(-1.2)) + 1.2;
        assertEquals(want, ce.value(g, 0, 2, 1), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> ce.value(g, 0, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> ce.value(g, 0, 2, 0.5));
    }

    /** A random K-output network: an input of 1-3 features, 0-2 smooth hidden layers, K = 2..4. */
    private static NetworkObjective objective(Gen g, String lossWord, NeuronKind kind, int k, SplittableRandom rng,
                                              double[][] thetaOut) {
        int d = 1 + rng.nextInt(3);
        String[] acts = {"tanh", "sigmoid", "softplus", "linear"};
        StringBuilder arch = new StringBuilder();
        int depth = rng.nextInt(3);
        for (int l = 0; l < depth; l++) {
            arch.append("dense:").append(1 + rng.nextInt(4)).append(',').append(acts[rng.nextInt(acts.length)])
                    .append(',');
        }
        arch.append("dense:").append(k);
        NetworkSpec spec = new NetworkSpec(Shape.vector(d), Architecture.parse(arch.toString()), kind);
        int n = 3 + rng.nextInt(5);
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-1, 1);
        }
        for (int i = 0; i < n; i++) {
            y[i] = k > 1 ? rng.nextInt(k) : rng.nextDouble(-2, 2);
        }
        Dataset data = new Dataset("random-k", x, y, d, Collections.nCopies(d, "f"), List.of());
        ParameterLayout layout = spec.layout();
        double[] theta = new double[layout.dimension()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = rng.nextDouble(-1, 1);
        }
        thetaOut[0] = theta;
        return NetworkObjective.builder(spec, data).loss(Losses.parseOutput(lossWord))
                .reduction(g.bool("mean") ? Reduction.MEAN : Reduction.SUM).lambda(0.3).build();
    }

    private static final List<NeuronKind> SMOOTH_KINDS = List.of(NeuronKind.NONE, NeuronKind.SKIP_EXP,
            NeuronKind.PER_LAYER_EXP, NeuronKind.LINEAR, NeuronKind.QUADRATIC, NeuronKind.SIGMOID, NeuronKind.NO_SKIP);

    @Test
    void multiOutputObjectiveGradientAndHessianMatchDifferences() {
        Property.forAll(150, g -> {
            boolean classes = g.bool("classes");
            String lossWord = g.oneOf("loss", classes ? CLASS_LOSSES : TARGET_LOSSES);
            SplittableRandom rng = new SplittableRandom(g.seed("problem"));
            double[][] th = new double[1][];
            NetworkObjective obj = objective(g, lossWord, g.oneOf("kind", SMOOTH_KINDS), classes ? g.intIn("K", 2, 4) : 1,
                    rng, th);
            double[] theta = th[0];
            int k = obj.outputs();
            double[] f = obj.scores(theta);
            for (int i = 0; i < obj.data().n(); i++) {
                g.assume(kink(obj.loss(), f, i * k, k, obj.data().y()[i]) > 1e-3);
            }
            int n = obj.dimension();
            double[] grad = new double[n];
            double value = obj.valueAndGradient(theta, grad);
            assertEquals(obj.value(theta), value, 0.0);
            double[] fd = FiniteDifferences.gradient(obj, theta, 1e-5);
            double err = FiniteDifferences.relativeError(grad, fd, 1e-8);
            assertTrue(err <= 1e-6, () -> "relative gradient error " + err + " for " + obj.spec() + " " + lossWord);
            double[] u = new double[n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = rng.nextDouble(-1, 1);
                v[i] = rng.nextDouble(-1, 1);
            }
            double[] hv = new double[n];
            double[] hu = new double[n];
            obj.hessianVector(theta, v, hv);
            obj.hessianVector(theta, u, hu);
            double[] fdh = FiniteDifferences.hessianVector(obj, theta, v, 1e-6);
            double herr = FiniteDifferences.relativeError(hv, fdh, 1e-6);
            assertTrue(herr <= 1e-5, () -> "relative HVP error " + herr + " for " + obj.spec() + " " + lossWord);
            double uHv = DerivativePropertiesTest.dot(u, hv);
            double vHu = DerivativePropertiesTest.dot(v, hu);
            double scale = Math.sqrt(DerivativePropertiesTest.dot(u, u) * DerivativePropertiesTest.dot(hv, hv))
                    + Math.sqrt(DerivativePropertiesTest.dot(v, v) * DerivativePropertiesTest.dot(hu, hu));
            assertTrue(Math.abs(uHv - vHu) <= 1e-10 * Math.max(scale, 1e-12), () -> "uᵀHv = " + uHv + ", vᵀHu = " + vHu);
        });
    }

    @Test
    void everyOutputsNeuronObeysTheIdentity() {
        Property.forAll(100, g -> {
            SplittableRandom rng = new SplittableRandom(g.seed("problem"));
            double[][] th = new double[1][];
            NetworkObjective obj = objective(g, g.oneOf("loss", CLASS_LOSSES), NeuronKind.SKIP_EXP, g.intIn("K", 2, 5),
                    rng, th);
            double[] theta = th[0];
            double[] grad = new double[obj.dimension()];
            obj.valueAndGradient(theta, grad);
            ParameterLayout layout = obj.layout();
            double penalty = 0;
            for (int k = 0; k < obj.outputs(); k++) {
                double a = theta[layout.neuronAOffset() + k];
                double lhs = a * grad[layout.neuronAOffset() + k] - grad[layout.neuronBOffset() + k];
                assertEquals(0.3 * a * a, lhs, 1e-12 * Math.max(1, Math.abs(a * grad[layout.neuronAOffset() + k])),
                        "output " + k);
                penalty += 0.5 * 0.3 * a * a;
            }
            assertEquals(penalty, obj.penalty(theta), 1e-15 * Math.max(1, penalty));
        });
    }

    @Test
    void lossesAndOutputsMustAgree() {
        double[] x = {0, 1, 2};
        Dataset classes = new Dataset("c", x, new double[] {0, 1, 2}, 1, null, List.of("a", "b", "c"));
        NetworkSpec three = new NetworkSpec(Shape.vector(1), Architecture.parse("dense:3"), NeuronKind.SKIP_EXP);
        NetworkSpec one = new NetworkSpec(Shape.vector(1), Architecture.parse("dense:1"), NeuronKind.SKIP_EXP);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkObjective.builder(one, classes).loss(Losses.SOFTMAX_CE).lambda(1).build());
        assertTrue(e.getMessage().contains("K ≥ 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NetworkObjective.builder(three, classes).loss(Losses.CUBIC_HINGE).lambda(1).build());
        assertTrue(e.getMessage().contains("3 outputs"), e.getMessage());
        Dataset bad = new Dataset("c", x, new double[] {0, 1, 3}, 1, null, List.of());
        e = assertThrows(IllegalArgumentException.class,
                () -> NetworkObjective.builder(three, bad).loss(Losses.SOFTMAX_CE).lambda(1).build());
        assertTrue(e.getMessage().contains("sample 2"), e.getMessage());
    }
}
