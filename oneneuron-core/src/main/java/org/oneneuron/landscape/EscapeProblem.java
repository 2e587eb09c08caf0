package org.oneneuron.landscape;

import java.util.Objects;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.SampleLoss;

/**
 * A plain network at a candidate bad point, seen through its scores: the data, the scores
 * f(x_i; θ_b), the per-sample loss and the penalty λ of the special neuron to be embedded with
 * a = 0. With the summed loss, L~(a) = Σ_i ℓ(f_i + a E_i; y_i) + (λ/2) a².
 *
 * @param data   inputs x_i (row-major) and targets y_i (±1 labels for margin losses)
 * @param scores f(x_i; θ_b), one per sample
 * @param loss   ℓ with its derivatives in the score
 * @param lambda λ > 0
 */
public record EscapeProblem(Dataset data, double[] scores, SampleLoss loss, double lambda) {

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
        scores = scores.clone();
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    int n() {
        return scores.length;
    }

    /** c_i = -∂ℓ_i/∂f, which is ℓ'(z_i) y_i for a margin loss. */
    double[] c() {
        double[] c = new double[n()];
        for (int i = 0; i < c.length; i++) {
            c[i] = -loss.d1At(scores[i], data.y()[i]);
        }
        return c;
    }

    /** ∂²ℓ_i/∂f² at the point, which is ℓ''(z_i) for a margin loss. */
    double curvature(int i) {
        return loss.d2At(scores[i], data.y()[i]);
    }

    /** L~ at the embedded point with the neuron's output a·E_i (E_i given). */
    double augmentedLoss(double a, double[] e) {
        double s = 0.5 * lambda * a * a;
        double[] y = data.y();
        for (int i = 0; i < e.length; i++) {
            s += loss.valueAt(scores[i] + a * e[i], y[i]);
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
