package org.oneneuron.optim;

import java.util.Objects;
import org.oneneuron.objective.Objective;

/**
 * Plain full-batch gradient descent θ ← θ − η·c·∇L(θ), with c = min(1, clip/‖∇L‖) when the
 * gradient norm is clipped (PAPER.md §5 protocol: clip at 10). No allocation per step.
 */
public final class GradientDescent implements Optimizer {

    private final Objective objective;
    private final double learningRate;
    private final double clipNorm;
    private double[] gradient;
    private double loss;
    private double gradientNorm;

    /**
     * @param objective    the function to minimize
     * @param learningRate η > 0
     * @param clipNorm     largest gradient norm used in a step; {@code Double.POSITIVE_INFINITY}
     *                     for no clipping
     */
    public GradientDescent(Objective objective, double learningRate, double clipNorm) {
        this.objective = Objects.requireNonNull(objective, "objective");
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got "
                    + learningRate);
        }
        if (!(clipNorm > 0)) {
            throw new IllegalArgumentException("clip norm must be positive, got " + clipNorm);
        }
        this.learningRate = learningRate;
        this.clipNorm = clipNorm;
    }

    @Override
    public String name() {
        return OptimizerKind.GD.word();
    }

    @Override
    public void start(double[] theta) {
        gradient = new double[objective.dimension()];
        evaluate(theta);
    }

    @Override
    public boolean step(double[] theta) {
        Vectors.axpy(-learningRate * Vectors.clipFactor(gradientNorm, clipNorm), gradient, theta);
        evaluate(theta);
        return true;
    }

    private void evaluate(double[] theta) {
        loss = objective.valueAndGradient(theta, gradient);
        gradientNorm = Vectors.norm(gradient);
    }

    @Override
    public double loss() {
        return loss;
    }

    @Override
    public double[] gradient() {
        return gradient;
    }

    @Override
    public double gradientNorm() {
        return gradientNorm;
    }

    @Override
    public boolean stochastic() {
        return false;
    }
}
