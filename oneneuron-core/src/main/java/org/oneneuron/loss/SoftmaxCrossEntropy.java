package org.oneneuron.loss;

/**
 * Softmax cross-entropy of K ≥ 2 scores against a class index t ∈ {0..K-1}:
 * ℓ(f; t) = log Σ_j e^{f_j} - f_t, ∇ℓ = p - e_t with p = softmax(f), ∇²ℓ·r = p⊙r - p·(pᵀr).
 * Evaluated with m = max_j f_j subtracted (no overflow for any finite f). Convex in f, never
 * attains its infimum 0 (PyTorch's {@code F.cross_entropy} summed per sample).
 */
public record SoftmaxCrossEntropy() implements OutputLoss {

    @Override
    public boolean accepts(int outputs) {
        return outputs >= 2;
    }

    @Override
    public double value(double[] f, int off, int k, double t) {
        double m = max(f, off, k);
        double s = 0;
        for (int j = 0; j < k; j++) {
            s += Math.exp(f[off + j] - m);
        }
        return m + Math.log(s) - f[off + ClassLosses.index(t, k)];
    }

    @Override
    public void gradient(double[] f, int off, int k, double t, double c, double[] out, int o) {
        double m = max(f, off, k);
        double s = 0;
        for (int j = 0; j < k; j++) {
            double e = Math.exp(f[off + j] - m);
            out[o + j] = e;
            s += e;
        }
        double cs = c / s;
        for (int j = 0; j < k; j++) {
            out[o + j] *= cs;
        }
        out[o + ClassLosses.index(t, k)] -= c;
    }

    @Override
    public void hessianTimes(double[] f, int off, int k, double t, double[] r, double c, double[] out, int o) {
        double m = max(f, off, k);
        double s = 0;
        for (int j = 0; j < k; j++) {
            double e = Math.exp(f[off + j] - m);
            out[o + j] = e;
            s += e;
        }
        double pr = 0;
        for (int j = 0; j < k; j++) {
            out[o + j] /= s;
            pr += out[o + j] * r[off + j];
        }
        for (int j = 0; j < k; j++) {
            out[o + j] = c * out[o + j] * (r[off + j] - pr);
        }
    }

    private static double max(double[] f, int off, int k) {
        double m = f[off];
        for (int j = 1; j < k; j++) {
            m = Math.max(m, f[off + j]);
        }
        return m;
    }

    /** ℓ > 0 everywhere: 0 is only approached as the margin grows without bound. */
    @Override
    public boolean attainsMinimum() {
        return false;
    }

    @Override
    public String word() {
        return "softmax-ce";
    }

    @Override
    public String description() {
        return "softmax cross-entropy log Σ_j e^{f_j} - f_t: convex and C^∞ in f; its infimum 0 is "
                + "never attained (on separable data the weights grow without bound)";
    }
}
