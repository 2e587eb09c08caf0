package org.oneneuron.model;

import java.util.Locale;
import org.oneneuron.linalg.DeterministicMath;

/**
 * An element-wise activation σ with its first and second derivative, the hidden layers' primitive.
 *
 * <p>Kink convention (PyTorch's): relu'(0) = 0; leaky_relu'(0) = slope (the left branch);
 * relu'' = leaky_relu'' = 0 everywhere, including the kink. elu(u) = u for u > 0 and e^u - 1
 * otherwise, so elu'(0) = 1 (the left limit) and elu''(0) = 1.
 *
 * <p>Words: {@code relu}, {@code leaky_relu:SLOPE} (slope defaults to 0.01 when omitted),
 * {@code tanh}, {@code sigmoid}, {@code softplus}, {@code elu}, {@code linear}.
 */
public final class Activation {

    /** Which function. */
    public enum Kind { RELU, LEAKY_RELU, TANH, SIGMOID, SOFTPLUS, ELU, LINEAR }

    /** The slope {@code leaky_relu} takes when none is given. */
    public static final double DEFAULT_LEAKY_SLOPE = 0.01;

    public static final Activation RELU = new Activation(Kind.RELU, 0);
    public static final Activation TANH = new Activation(Kind.TANH, 0);
    public static final Activation SIGMOID = new Activation(Kind.SIGMOID, 0);
    public static final Activation SOFTPLUS = new Activation(Kind.SOFTPLUS, 0);
    public static final Activation ELU = new Activation(Kind.ELU, 0);
    public static final Activation LINEAR = new Activation(Kind.LINEAR, 0);

    private final Kind kind;
    private final double slope;

    private Activation(Kind kind, double slope) {
        this.kind = kind;
        this.slope = slope;
    }

    /** leaky_relu(u) = u for u > 0, slope·u otherwise; slope must be finite. */
    public static Activation leakyRelu(double slope) {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("leaky_relu slope must be finite, got " + slope);
        }
        return new Activation(Kind.LEAKY_RELU, slope);
    }

    /** Parses a word such as {@code tanh} or {@code leaky_relu:0.1}. */
    public static Activation parse(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (w.startsWith("leaky_relu")) {
            String rest = w.substring("leaky_relu".length());
            if (rest.isEmpty()) {
                return leakyRelu(DEFAULT_LEAKY_SLOPE);
            }
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("activation '" + word + "': expected leaky_relu:SLOPE");
            }
            try {
                return leakyRelu(Double.parseDouble(rest.substring(1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("activation '" + word + "': slope '"
                        + rest.substring(1) + "' is not a number", e);
            }
        }
        return switch (w) {
            case "relu" -> RELU;
            case "tanh" -> TANH;
            case "sigmoid" -> SIGMOID;
            case "softplus" -> SOFTPLUS;
            case "elu" -> ELU;
            case "linear", "identity" -> LINEAR;
            default -> throw new IllegalArgumentException("unknown activation '" + word
                    + "'; expected relu, leaky_relu:SLOPE, tanh, sigmoid, softplus, elu or linear");
        };
    }

    public Kind kind() {
        return kind;
    }

    /** The leaky slope (0 for every other kind). */
    public double slope() {
        return slope;
    }

    /** The word {@link #parse} reads back, e.g. {@code leaky_relu:0.1}. */
    public String word() {
        return kind == Kind.LEAKY_RELU ? "leaky_relu:" + slope : kind.name().toLowerCase(Locale.ROOT);
    }

    /** True where σ is piecewise linear with a kink at 0 (relu, leaky_relu). */
    public boolean hasKink() {
        return kind == Kind.RELU || kind == Kind.LEAKY_RELU;
    }

    /** σ(u). */
    public double value(double u) {
        return switch (kind) {
            case RELU -> u > 0 ? u : 0;
            case LEAKY_RELU -> u > 0 ? u : slope * u;
            case TANH -> DeterministicMath.tanh(u);
            case SIGMOID -> sigmoid(u);
            case SOFTPLUS -> softplus(u);
            case ELU -> u > 0 ? u : Math.expm1(u);
            case LINEAR -> u;
        };
    }

    /** σ'(u). */
    public double d1(double u) {
        return switch (kind) {
            case RELU -> u > 0 ? 1 : 0;
            case LEAKY_RELU -> u > 0 ? 1 : slope;
            case TANH -> {
                double t = DeterministicMath.tanh(u);
                yield 1 - t * t;
            }
            case SIGMOID -> {
                double s = sigmoid(u);
                yield s * (1 - s);
            }
            case SOFTPLUS -> sigmoid(u);
            case ELU -> u > 0 ? 1 : Math.exp(u);
            case LINEAR -> 1;
        };
    }

    /** σ''(u). */
    public double d2(double u) {
        return switch (kind) {
            case RELU, LEAKY_RELU, LINEAR -> 0;
            case TANH -> {
                double t = DeterministicMath.tanh(u);
                yield -2 * t * (1 - t * t);
            }
            case SIGMOID -> {
                double s = sigmoid(u);
                yield s * (1 - s) * (1 - 2 * s);
            }
            case SOFTPLUS -> {
                double s = sigmoid(u);
                yield s * (1 - s);
            }
            case ELU -> u > 0 ? 0 : Math.exp(u);
        };
    }

    /**
     * Batched σ and, when the derivative arrays are non-null, σ' and σ'' over n elements:
     * out = σ(pre), d1 = σ'(pre), d2 = σ''(pre). pre: not modified; out, d1, d2: modified (d1 and
     * d2 may be null). out may equal pre only when d1 and d2 are null.
     */
    public void apply(double[] pre, double[] out, double[] d1, double[] d2, int n) {
        if (kind == Kind.TANH) {
            org.oneneuron.linalg.ArrayMath.tanh(pre, 0, out, 0, n);
            if (d1 != null) {
                for (int i = 0; i < n; i++) {
                    double t = out[i];
                    double g = 1 - t * t;
                    d1[i] = g;
                    if (d2 != null) {
                        d2[i] = -2 * t * g;
                    }
                }
            }
            return;
        }
        if (hasKink()) {
            double left = kind == Kind.RELU ? 0 : slope;
            for (int i = 0; i < n; i++) {
                double u = pre[i];
                boolean positive = u > 0;
                out[i] = positive ? u : left == 0 ? 0 : left * u;
                if (d1 != null) {
                    d1[i] = positive ? 1 : left;
                }
                if (d2 != null) {
                    d2[i] = 0;
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double u = pre[i];
            out[i] = value(u);
            if (d1 != null) {
                d1[i] = d1(u);
            }
            if (d2 != null) {
                d2[i] = d2(u);
            }
        }
    }

    /** 1 / (1 + e^{-u}), without overflow for large |u|, the same bits as the batched kernel. */
    static double sigmoid(double u) {
        return DeterministicMath.sigmoid(u);
    }

    /** log(1 + e^u), without overflow for large u. */
    static double softplus(double u) {
        return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Activation other && other.kind == kind
                && Double.compare(other.slope, slope) == 0;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Double.hashCode(slope);
    }

    @Override
    public String toString() {
        return word();
    }
}
