package org.oneneuron.landscape;

/**
 * The second-order model along a alone for one neuron direction (w, b), from a = 0:
 * L~(a) ≈ L~(0) + g·a + ½κa², g = -Σ c_i E_i, κ = λ + Σ ℓ''(z_i) E_i², E_i = exp(wᵀx_i + b);
 * best step a = -g/κ, predicted decrease g²/(2κ), and the decrease actually measured there. The
 * model is local: where ℓ's curvature along a grows (cross-entropy on a badly misclassified sample:
 * slope near 1, curvature near p_y), the full step overshoots and the measured decrease can be
 * negative, and the prediction can even exceed the loss. The step the certificate exhibits is then
 * a = -g/κ halved until the loss falls ({@link Escape#exhibit}): {@code stepUsed},
 * {@code decreaseUsed}, {@code halvings}.
 *
 * @param w                 the neuron's input weights
 * @param b                 the neuron's bias
 * @param g                 ∂L~/∂a at a = 0
 * @param kappa             ∂²L~/∂a² at a = 0
 * @param step              a = -g/κ
 * @param predictedDecrease g²/(2κ)
 * @param measuredDecrease  L~(0) - L~(-g/κ), evaluated exactly
 * @param projectionSpread  max_i wᵀx_i - min_i wᵀx_i (0 means the saddle pitfall: G ≡ 0 along w)
 * @param stepUsed          the step exhibited: a = -g/κ, or it halved {@code halvings} times
 * @param decreaseUsed      L~(0) - L~(stepUsed), evaluated exactly
 * @param halvings          how often a = -g/κ was halved (0: the full step was kept)
 */
public record EscapeStep(double[] w, double b, double g, double kappa, double step,
                         double predictedDecrease, double measuredDecrease, double projectionSpread,
                         double stepUsed, double decreaseUsed, int halvings) {

    public EscapeStep {
        w = w.clone();
    }

    /** The full step a = -g/κ, not yet halved. */
    public EscapeStep(double[] w, double b, double g, double kappa, double step, double predictedDecrease,
                      double measuredDecrease, double projectionSpread) {
        this(w, b, g, kappa, step, predictedDecrease, measuredDecrease, projectionSpread, step, measuredDecrease, 0);
    }

    /** This step with a = stepUsed exhibited after {@code halvings} halvings. */
    EscapeStep withUsed(double used, double decrease, int halved) {
        return new EscapeStep(w, b, g, kappa, step, predictedDecrease, measuredDecrease, projectionSpread, used,
                decrease, halved);
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
