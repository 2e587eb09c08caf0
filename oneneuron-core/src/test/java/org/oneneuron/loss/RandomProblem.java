package org.oneneuron.loss;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.oneneuron.data.Dataset;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.model.ParameterLayout;

/**
 * A small random problem for derivative tests: depth 0-2, widths 1-4, inputs and parameters in
 * [-1, 1] (so exp cannot overflow), with a naive per-sample reference forward pass that also
 * reports how close any kink is.
 */
final class RandomProblem {

    static final List<Activation> ACTIVATIONS = List.of(Activation.RELU, Activation.leakyRelu(0.1),
            Activation.TANH, Activation.SIGMOID, Activation.SOFTPLUS, Activation.ELU, Activation.LINEAR);
    static final List<String> LOSSES = List.of("cubic-hinge", "hinge-p:2", "hinge-p:2.5", "smooth-hinge",
            "logistic", "squared", "target-squared");

    final NetworkSpec spec;
    final Dataset data;
    final SampleLoss loss;
    final double[] theta;

    RandomProblem(NeuronKind kind, String lossWord, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int d = 1 + rng.nextInt(3);
        int depth = rng.nextInt(3);
        List<Integer> hidden = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            hidden.add(1 + rng.nextInt(4));
        }
        Activation act = ACTIVATIONS.get(rng.nextInt(ACTIVATIONS.size()));
        spec = new NetworkSpec(d, hidden, act, kind);
        loss = Losses.parseAny(lossWord);
        int n = 3 + rng.nextInt(4);
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextDouble(-1, 1);
        }
        for (int i = 0; i < n; i++) {
            y[i] = loss instanceof MarginLoss ? (rng.nextBoolean() ? 1 : -1) : rng.nextDouble(-1, 1);
        }
        data = new Dataset("random", x, y, d, Collections.nCopies(d, "f"),
                loss instanceof MarginLoss ? List.of("-1", "+1") : List.of());
        ParameterLayout layout = spec.layout();
        theta = new double[layout.dimension()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = rng.nextDouble(-1, 1);
        }
    }

    /** Naive f~(x_i) per sample. */
    double[] referenceScores(double[] th) {
        double[] f = new double[data.n()];
        for (int i = 0; i < data.n(); i++) {
            f[i] = forward(th, i, null, false);
        }
        return f;
    }

    /** Naive f(x_i) without the neuron. */
    double[] referenceNetworkScores(double[] th) {
        double[] f = new double[data.n()];
        for (int i = 0; i < data.n(); i++) {
            f[i] = forward(th, i, null, true);
        }
        return f;
    }

    /** Distance of the nearest kink (hidden relu pre-activation, relu neuron, loss kink) at θ. */
    double kinkDistance(double[] th) {
        double[] dist = {Double.POSITIVE_INFINITY};
        for (int i = 0; i < data.n(); i++) {
            double f = forward(th, i, dist, false);
            if (loss instanceof PolynomialHinge || loss instanceof SmoothHinge) {
                double z = -data.y()[i] * f;
                dist[0] = Math.min(dist[0], Math.abs(z + 1));
                if (loss instanceof SmoothHinge) {
                    dist[0] = Math.min(dist[0], Math.abs(z));
                }
            }
        }
        return dist[0];
    }

    private double forward(double[] th, int i, double[] kink, boolean networkOnly) {
        ParameterLayout layout = spec.layout();
        int d = spec.inputDim();
        double[] in = new double[d];
        System.arraycopy(data.x(), i * d, in, 0, d);
        double[] x = in.clone();
        for (int l = 1; l <= spec.depth(); l++) {
            int hl = spec.width(l);
            int hp = spec.width(l - 1);
            double[] out = new double[hl];
            for (int j = 0; j < hl; j++) {
                double z = th[layout.biasOffset(l) + j];
                for (int k = 0; k < hp; k++) {
                    z += th[layout.weightOffset(l) + j * hp + k] * in[k];
                }
                if (kink != null && spec.activation().hasKink()) {
                    kink[0] = Math.min(kink[0], Math.abs(z));
                }
                out[j] = spec.activation().value(z);
            }
            in = out;
        }
        int wL = spec.width(spec.depth());
        double f = th[layout.biasOffset(spec.depth() + 1)];
        for (int k = 0; k < wL; k++) {
            f += th[layout.weightOffset(spec.depth() + 1) + k] * in[k];
        }
        NeuronKind kind = spec.neuron();
        if (!kind.present() || networkOnly) {
            return f;
        }
        double[] src = kind.readsHidden() ? in : x;
        double u = th[layout.neuronBOffset()];
        for (int k = 0; k < src.length; k++) {
            u += th[layout.neuronWOffset() + k] * src[k];
        }
        if (kink != null && kind == NeuronKind.RELU) {
            kink[0] = Math.min(kink[0], Math.abs(u));
        }
        return f + th[layout.neuronAOffset()] * kind.phi(u);
    }
}
