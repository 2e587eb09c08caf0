package org.oneneuron.loss;

/**
 * The multi-class squared hinge of Weston and Watkins on K ≥ 2 scores and a class index t:
 * ℓ(f; t) = Σ_{j≠t} max(0, 1 + f_j - f_t)². With m_j = 1 + f_j - f_t and A = {j ≠ t : m_j > 0}:
 * ∂ℓ/∂f_j = 2m_j (j ∈ A), ∂ℓ/∂f_t = -Σ_{j∈A} 2m_j, ∇²ℓ·r = Σ_{j∈A} 2(r_j - r_t)(e_j - e_t)
 * (the one-sided value at a kink m_j = 0). Convex, C¹ (not C²), minimum 0 attained when every
 * f_t ≥ f_j + 1. It is K times PyTorch's {@code MultiMarginLoss(p=2)}.
 */
public record MulticlassSquaredHinge() implements OutputLoss {

    @Override
    public boolean accepts(int outputs) {
        return outputs >= 2;
    }

    @Override
    public double value(double[] f, int off, int k, double t) {
        int c = ClassLosses.index(t, k);
        double ft = f[off + c];
        double s = 0;
        for (int j = 0; j < k; j++) {
            double m = 1 + f[off + j] - ft;
            if (j != c && m > 0) {
                s += m * m;
            }
        }
        return s;
    }

    @Override
    public void gradient(double[] f, int off, int k, double t, double c, double[] out, int o) {
        int cls = ClassLosses.index(t, k);
        double ft = f[off + cls];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double m = 1 + f[off + j] - ft;
            double g = j != cls && m > 0 ? 2 * m : 0;
            out[o + j] = c * g;
            sum += g;
        }
        out[o + cls] = -c * sum;
    }

    @Override
    public void hessianTimes(double[] f, int off, int k, double t, double[] r, double c, double[] out, int o) {
        int cls = ClassLosses.index(t, k);
        double ft = f[off + cls];
        double rt = r[off + cls];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double m = 1 + f[off + j] - ft;
            double h = j != cls && m > 0 ? 2 * (r[off + j] - rt) : 0;
            out[o + j] = c * h;
            sum += h;
        }
        out[o + cls] = -c * sum;
    }

    /** ℓ = 0 once every other score is at least 1 below the target's. */
    @Override
    public boolean attainsMinimum() {
        return true;
    }

    @Override
    public String word() {
        return "multi-squared-hinge";
    }

    @Override
    public String description() {
        return "Σ_{j≠t} max(0, 1 + f_j - f_t)² (Weston–Watkins): convex, C¹ only; minimum 0 attained "
                + "at margin 1 for every class";
    }
}
