package org.oneneuron.landscape;

/**
 * The second-order model along a alone for one neuron direction (w, b), from a = 0:
 * L~(a) ≈ L~(0) + g·a + ½κa², g = -Σ c_i E_i, κ = λ + Σ ℓ''(z_i) E_i², E_i = exp(wᵀx_i + b);
 * best step a = -g/κ, predicted decrease g²/(2κ), and the decrease actually measured there.
 *
 * @param w                 the neuron's input weights
 * @param b                 the neuron's bias
 * @param g                 ∂L~/∂a at a = 0
 * @param kappa             ∂²L~/∂a² at a = 0
 * @param step              a = -g/κ
 * @param predictedDecrease g²/(2κ)
 * @param measuredDecrease  L~(0) - L~(-g/κ), evaluated exactly
 * @param projectionSpread  max_i wᵀx_i - min_i wᵀx_i (0 means the saddle pitfall: G ≡ 0 along w)
 */
public record EscapeStep(double[] w, double b, double g, double kappa, double step,
                         double predictedDecrease, double measuredDecrease, double projectionSpread) {

    public EscapeStep {
        w = w.clone();
    }

    @Override
    public double[] w() {
        return w.clone();
    }

    /** ‖w‖. */
    public double wNorm() {
        return Vectors.norm(w);
    }
}
