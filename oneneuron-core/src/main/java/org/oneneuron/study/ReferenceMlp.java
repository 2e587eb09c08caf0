package org.oneneuron.study;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.oneneuron.data.Dataset;

/**
 * A small dense MLP f(x) = vᵀh_L + d, h_l = act(W_l h_{l-1} + c_l), plus an optional special unit
 * a·σ(wᵀx + b) reading the raw input (PAPER.md §2), with L~ = R·Σ ℓ(-y_i f~(x_i)) + (λ/2)a²,
 * R = 1 (sum) or 1/n (mean). Value and exact gradient by hand-written backpropagation, one sample
 * at a time, single-threaded: the study's reference implementation of one run's objective.
 *
 * <p>Layout of θ: for each layer W_l (row-major, out × in) then c_l; then v, d; then a, b, w.
 * The per-layer-exp variant computes exactly the skip-exp function (PAPER.md §3), so it shares
 * this code. The exponent wᵀx + b is clamped at {@value #MAX_EXPONENT}; a clamp is counted.
 */
final class ReferenceMlp {

    static final double MAX_EXPONENT = 700;

    private static final int NONE = 0;
    private static final int LINEAR = 1;
    private static final int TANH = 2;
    private static final int RELU = 3;
    private static final int SIGMOID = 4;
    private static final int SOFTPLUS = 5;
    private static final int EXP = 6;
    private static final int QUADRATIC = 7;

    private final int[] widths;
    private final int activation;
    private final int unit;
    private final boolean augmented;
    private final MarginLossFunction loss;
    private final double lambda;
    private final int dimension;
    private final int neuronOffset;
    private final double[][] pre;
    private final double[][] post;
    private final double[][] delta;
    private long clampCount;
    private double reductionScale = 1.0;

    /** Values of one evaluation beside L~: the network-only loss and the unit's figures. */
    static final class Figures {
        double dataLoss;
        double networkOnlyLoss;
        double maxContribution;
        int correct;
    }

    ReferenceMlp(int inputDim, List<Integer> hidden, String activation, String neuron,
                 MarginLossFunction loss, double lambda) {
        this.widths = new int[hidden.size() + 1];
        widths[0] = inputDim;
        for (int l = 0; l < hidden.size(); l++) {
            widths[l + 1] = hidden.get(l);
        }
        this.activation = checkActivation(activation);
        this.unit = unitOf(neuron);
        this.augmented = unit != NONE;
        this.loss = loss;
        this.lambda = lambda;
        int p = 0;
        for (int l = 1; l < widths.length; l++) {
            p += widths[l] * widths[l - 1] + widths[l];
        }
        p += widths[widths.length - 1] + 1;
        this.neuronOffset = p;
        this.dimension = !augmented ? p : p + 2 + inputDim;
        this.pre = new double[widths.length][];
        this.post = new double[widths.length][];
        this.delta = new double[widths.length][];
        for (int l = 0; l < widths.length; l++) {
            pre[l] = new double[widths[l]];
            post[l] = new double[widths[l]];
            delta[l] = new double[widths[l]];
        }
    }

    int dimension() {
        return dimension;
    }

    boolean augmented() {
        return augmented;
    }

    /** Offset of a in θ; b and w follow. Only for augmented models. */
    int neuronOffset() {
        return neuronOffset;
    }

    long clampCount() {
        return clampCount;
    }

    /**
     * Initial θ: base parameters from U(±1/√fan_in) ("fan_in") or N(0, 1) ("normal"); the unit's
     * w from the same law with fan-in d, a = 0, b = 0 (PAPER.md §5 protocol).
     */
    double[] initialize(String init, SplittableRandom rng) {
        double[] theta = new double[dimension];
        int o = 0;
        for (int l = 1; l <= widths.length; l++) {
            int in = widths[l - 1];
            int out = l < widths.length ? widths[l] : 1;
            for (int k = 0; k < out * in + out; k++) {
                theta[o++] = draw(init, in, rng);
            }
        }
        if (augmented) {
            SplittableRandom unitRng = rng.split();
            theta[o] = 0;
            theta[o + 1] = 0;
            for (int j = 0; j < widths[0]; j++) {
                theta[o + 2 + j] = draw(init, widths[0], unitRng);
            }
        }
        return theta;
    }

    /**
     * L~(θ) and, when {@code gradient} is not null, ∇L~(θ); figures receives the network-only
     * loss, the unit's largest contribution and the count of correct signs.
     */
    double evaluate(Dataset data, double[] theta, double[] gradient, Figures figures) {
        if (gradient != null) {
            Arrays.fill(gradient, 0);
        }
        int n = data.n();
        int d = data.d();
        double[] x = data.x();
        double dataLoss = 0;
        double netLoss = 0;
        double maxContribution = 0;
        int correct = 0;
        int last = widths.length - 1;
        int vOffset = neuronOffset - widths[last] - 1;
        for (int i = 0; i < n; i++) {
            int xi = i * d;
            System.arraycopy(x, xi, post[0], 0, d);
            int o = 0;
            for (int l = 1; l <= last; l++) {
                int in = widths[l - 1];
                for (int r = 0; r < widths[l]; r++) {
                    double s = theta[o + widths[l] * in + r];
                    int row = o + r * in;
                    for (int k = 0; k < in; k++) {
                        s += theta[row + k] * post[l - 1][k];
                    }
                    pre[l][r] = s;
                    post[l][r] = act(s);
                }
                o += widths[l] * in + widths[l];
            }
            double f = theta[vOffset + widths[last]];
            for (int k = 0; k < widths[last]; k++) {
                f += theta[vOffset + k] * post[last][k];
            }
            double yi = data.y()[i];
            netLoss += loss.value(-yi * f);
            double u = 0;
            double s = 0;
            if (augmented) {
                s = theta[neuronOffset + 1];
                for (int k = 0; k < d; k++) {
                    s += theta[neuronOffset + 2 + k] * x[xi + k];
                }
                if (s > MAX_EXPONENT && unit == EXP) {
                    s = MAX_EXPONENT;
                    clampCount++;
                }
                u = unitValue(s);
                double contribution = Math.abs(theta[neuronOffset] * u);
                maxContribution = Math.max(maxContribution, contribution);
            }
            double full = f + (!augmented ? 0 : theta[neuronOffset] * u);
            double z = -yi * full;
            dataLoss += loss.value(z);
            if (yi * full > 0) {
                correct++;
            }
            if (gradient == null) {
                continue;
            }
            double g = loss.d1(z) * -yi;
            if (augmented) {
                double a = theta[neuronOffset];
                gradient[neuronOffset] += g * u;
                double gs = g * a * unitSlope(s, u);
                gradient[neuronOffset + 1] += gs;
                for (int k = 0; k < d; k++) {
                    gradient[neuronOffset + 2 + k] += gs * x[xi + k];
                }
            }
            gradient[vOffset + widths[last]] += g;
            for (int k = 0; k < widths[last]; k++) {
                gradient[vOffset + k] += g * post[last][k];
                delta[last][k] = g * theta[vOffset + k] * actSlope(pre[last][k], post[last][k]);
            }
            o = vOffset;
            for (int l = last; l >= 1; l--) {
                int in = widths[l - 1];
                o -= widths[l] * in + widths[l];
                if (l > 1) {
                    Arrays.fill(delta[l - 1], 0);
                }
                for (int r = 0; r < widths[l]; r++) {
                    double dr = delta[l][r];
                    gradient[o + widths[l] * in + r] += dr;
                    int row = o + r * in;
                    for (int k = 0; k < in; k++) {
                        gradient[row + k] += dr * post[l - 1][k];
                        if (l > 1) {
                            delta[l - 1][k] += dr * theta[row + k];
                        }
                    }
                }
                if (l > 1) {
                    for (int k = 0; k < in; k++) {
                        delta[l - 1][k] *= actSlope(pre[l - 1][k], post[l - 1][k]);
                    }
                }
            }
        }
        double reduce = reductionScale;
        double penalty = !augmented ? 0 : 0.5 * lambda * theta[neuronOffset] * theta[neuronOffset];
        if (gradient != null) {
            for (int k = 0; k < dimension; k++) {
                gradient[k] *= reduce;
            }
            if (augmented) {
                gradient[neuronOffset] += lambda * theta[neuronOffset];
            }
        }
        if (figures != null) {
            figures.dataLoss = reduce * dataLoss;
            figures.networkOnlyLoss = reduce * netLoss;
            figures.maxContribution = maxContribution;
            figures.correct = correct;
        }
        return reduce * dataLoss + penalty;
    }

    /** Sets R: 1 for sum, 1/n for mean. */
    void reduction(String reduction, int n) {
        reductionScale = reduction.equals("mean") ? 1.0 / n : 1.0;
    }

    private double act(double s) {
        switch (activation) {
            case TANH:
                return Math.tanh(s);
            case RELU:
                return s > 0 ? s : 0;
            case SIGMOID:
                return 1 / (1 + Math.exp(-s));
            case SOFTPLUS:
                return s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
            default:
                return s;
        }
    }

    private double actSlope(double s, double h) {
        switch (activation) {
            case TANH:
                return 1 - h * h;
            case RELU:
                return s > 0 ? 1 : 0;
            case SIGMOID:
                return h * (1 - h);
            case SOFTPLUS:
                return 1 / (1 + Math.exp(-s));
            default:
                return 1;
        }
    }

    private double unitValue(double s) {
        switch (unit) {
            case EXP:
                return Math.exp(s);
            case RELU:
                return s > 0 ? s : 0;
            case QUADRATIC:
                return s * s;
            case SIGMOID:
                return 1 / (1 + Math.exp(-s));
            default:
                return s;
        }
    }

    private double unitSlope(double s, double u) {
        switch (unit) {
            case EXP:
                return u;
            case RELU:
                return s > 0 ? 1 : 0;
            case QUADRATIC:
                return 2 * s;
            case SIGMOID:
                return u * (1 - u);
            default:
                return 1;
        }
    }

    private static double draw(String init, int fanIn, SplittableRandom rng) {
        if (init.equals("normal")) {
            return gaussian(rng);
        }
        double bound = 1 / Math.sqrt(fanIn);
        return rng.nextDouble(-bound, bound);
    }

    /** A standard normal draw (Box–Muller, one of the pair), reproducible from the generator. */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static int checkActivation(String word) {
        return switch (word) {
            case "tanh" -> TANH;
            case "relu" -> RELU;
            case "sigmoid" -> SIGMOID;
            case "softplus" -> SOFTPLUS;
            case "linear" -> LINEAR;
            default -> throw new IllegalArgumentException("unknown activation '" + word
                    + "'; expected tanh, relu, sigmoid, softplus or linear");
        };
    }

    private static int unitOf(String neuron) {
        return switch (neuron) {
            case "none" -> NONE;
            case "skip-exp", "per-layer-exp" -> EXP;
            case "relu" -> RELU;
            case "linear" -> LINEAR;
            case "quadratic" -> QUADRATIC;
            case "sigmoid" -> SIGMOID;
            default -> throw new IllegalArgumentException("unknown neuron '" + neuron
                    + "'; expected none, skip-exp, per-layer-exp, relu, linear, quadratic or sigmoid");
        };
    }
}
