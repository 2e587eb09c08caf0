package org.oneneuron.landscape;

import java.util.Objects;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.SampleLoss;

/**
 * A plain network at a candidate bad point, seen through its scores: the data, the scores
 * f(x_i; θ_b), the per-sample loss, the penalty λ of the special neuron to be embedded with
 * a = 0, and each sample's factor s·ω_i in the loss (s = 1 for the summed loss, 1/n for the mean;
 * ω_i the class or sample weight): L~(a) = Σ_i s·ω_i ℓ(f_i + a E_i; y_i) + (λ/2) a². The mean
 * only rescales the data term, so the certificate scales with it: g = -Σ s·ω_i c_i E_i,
 * κ = λ + Σ s·ω_i ℓ''_i E_i².
 *
 * @param data    inputs x_i (row-major) and targets y_i (±1 labels for margin losses)
 * @param scores  f(x_i; θ_b), one per sample
 * @param loss    ℓ with its derivatives in the score
 * @param lambda  λ >= 0
 * @param factors s·ω_i, one per sample, finite and >= 0
 * @param minimumLoss the least value the loss can take on these data (0 for a loss that reaches 0,
 *                the data's floor on conflicting labels), NaN when it is only approached: the point
 *                is already global when its loss is at it ({@link Certifier#atMinimum})
 */
public record EscapeProblem(Dataset data, double[] scores, SampleLoss loss, double lambda, double[] factors,
                            double minimumLoss) {

    /** The summed, unweighted loss (the paper's form): every factor 1. */
    public EscapeProblem(Dataset data, double[] scores, SampleLoss loss, double lambda) {
        this(data, scores, loss, lambda, ones(scores.length));
    }

    /** The loss's own minimum: 0 when ℓ reaches 0, else NaN ({@link NetworkPoints#minimumLoss}). */
    public EscapeProblem(Dataset data, double[] scores, SampleLoss loss, double lambda, double[] factors) {
        this(data, scores, loss, lambda, factors, NetworkPoints.minimumLoss(loss));
    }

    public EscapeProblem {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(loss, "loss");
        if (scores.length != data.n()) {
            throw new IllegalArgumentException("scores has " + scores.length + " values for "
                    + data.n() + " samples");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score of sample " + i + " is not finite: " + scores[i]);
            }
        }
        if (!(lambda >= 0.0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        if (factors.length != scores.length) {
            throw new IllegalArgumentException("factors has " + factors.length + " values for "
                    + scores.length + " samples");
        }
        for (int i = 0; i < factors.length; i++) {
            if (!(factors[i] >= 0.0) || !Double.isFinite(factors[i])) {
                throw new IllegalArgumentException("factor of sample " + i + " must be finite and >= 0, got "
                        + factors[i]);
            }
        }
        scores = scores.clone();
        factors = factors.clone();
    }

    private static double[] ones(int n) {
        double[] f = new double[n];
        java.util.Arrays.fill(f, 1.0);
        return f;
    }

    @Override
    public double[] factors() {
        return factors.clone();
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    int n() {
        return scores.length;
    }

    /** c_i = -s·ω_i ∂ℓ_i/∂f, which is s·ω_i ℓ'(z_i) y_i for a margin loss. */
    double[] c() {
        double[] c = new double[n()];
        for (int i = 0; i < c.length; i++) {
            c[i] = -factors[i] * loss.d1At(scores[i], data.y()[i]);
        }
        return c;
    }

    /** s·ω_i ∂²ℓ_i/∂f² at the point, which is s·ω_i ℓ''(z_i) for a margin loss. */
    double curvature(int i) {
        return factors[i] * loss.d2At(scores[i], data.y()[i]);
    }

    /** L~ at the embedded point with the neuron's output a·E_i (E_i given). */
    double augmentedLoss(double a, double[] e) {
        double s = 0.5 * lambda * a * a;
        double[] y = data.y();
        for (int i = 0; i < e.length; i++) {
            s += factors[i] * loss.valueAt(scores[i] + a * e[i], y[i]);
        }
        return s;
    }

    /** wᵀx_i for every sample. */
    double[] projections(double[] w) {
        int d = data.d();
        if (w.length != d) {
            throw new IllegalArgumentException("w has " + w.length + " components, data has d = " + d);
        }
        double[] x = data.x();
        double[] t = new double[n()];
        for (int i = 0; i < t.length; i++) {
            double s = 0.0;
            for (int j = 0; j < d; j++) {
                s += w[j] * x[i * d + j];
            }
            t[i] = s;
        }
        return t;
    }
}
