package org.oneneuron.optim;

import java.util.Objects;
import java.util.SplittableRandom;
import org.oneneuron.objective.FloatStaging;
import org.oneneuron.objective.Objective;

/**
 * Adam (Kingma and Ba 2015): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
 * θ ← θ − η·m̂/(√v̂ + ε) with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ). Full batch or minibatch; the
 * gradient may be norm-clipped first. No allocation per step. With a {@link FloatStaging}
 * objective, the update pass also writes the float copy of θ the next evaluation reads, and ‖g‖
 * comes from the Σ g² of the objective's gradient check (the same bits; three passes over θ fewer:
 * the rounding, the trainer's finiteness check and the norm).
 */
public final class Adam implements Optimizer {

    private final Objective objective;
    private final GradientSource source;
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double clipNorm;
    /** An objective that takes the float copy of θ from this pass and hands on Σ g², or null. */
    private final FloatStaging staging;
    private double[] gradient;
    private double[] m;
    private double[] v;
    private double beta1Power;
    private double beta2Power;
    private double loss;
    private double gradientNorm;
    private boolean thetaChecked;

    /**
     * @param objective    the function; a SampledObjective when batchSize > 0
     * @param learningRate η > 0
     * @param batchSize    samples per step, 0 for the full batch
     * @param beta1        β₁ in [0, 1)
     * @param beta2        β₂ in [0, 1)
     * @param epsilon      ε > 0
     * @param clipNorm     largest gradient norm used, POSITIVE_INFINITY for none
     * @param random       drives the per-epoch reshuffle
     */
    public Adam(Objective objective, double learningRate, int batchSize, double beta1,
                double beta2, double epsilon, double clipNorm, SplittableRandom random) {
        this.objective = Objects.requireNonNull(objective, "objective");
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got "
                    + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
        }
        if (!(clipNorm > 0)) {
            throw new IllegalArgumentException("clip norm must be positive, got " + clipNorm);
        }
        this.source = GradientSource.of(objective, batchSize, Objects.requireNonNull(random, "random"));
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.clipNorm = clipNorm;
        this.staging = objective instanceof FloatStaging f ? f : null;
    }

    @Override
    public String name() {
        return OptimizerKind.ADAM.word();
    }

    @Override
    public void start(double[] theta) {
        int n = objective.dimension();
        gradient = new double[n];
        m = new double[n];
        v = new double[n];
        beta1Power = 1;
        beta2Power = 1;
        thetaChecked = false;
        evaluate(theta);
    }

    @Override
    public boolean step(double[] theta) {
        return move(theta, theta);
    }

    /** One pass over θ: reads it from {@code from}, writes the next point into {@code to} (no copy first). */
    @Override
    public boolean stepInto(double[] from, double[] to) {
        return move(from, Vectors.distinct(from, to));
    }

    private boolean move(double[] from, double[] to) {
        double c = Vectors.clipFactor(gradientNorm, clipNorm);
        beta1Power *= beta1;
        beta2Power *= beta2;
        double mScale = 1 / (1 - beta1Power);
        double vScale = 1 / (1 - beta2Power);
        float[] th = staging == null ? null : staging.floatTheta();
        float check = 0f;
        for (int i = 0; i < to.length; i++) {
            double g = c * gradient[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            double t = from[i] - learningRate * (m[i] * mScale) / (Math.sqrt(v[i] * vScale) + epsilon);
            to[i] = t;
            if (th != null) {
                float f = (float) t;
                th[i] = f;
                check += f * 0f;           // NaN as soon as one rounded θ_k is not finite
            }
        }
        // every rounded θ_k finite implies every θ_k finite
        thetaChecked = th != null && check == 0f;
        if (thetaChecked) {
            staging.staged(to);
        }
        evaluate(to);
        return true;
    }

    private void evaluate(double[] theta) {
        loss = source.next(theta, gradient);
        gradientNorm = staging == null ? Vectors.norm(gradient)
                : Vectors.norm(gradient, staging.gradientSquares(gradient));
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
    public boolean thetaChecked() {
        return thetaChecked;
    }

    @Override
    public boolean stochastic() {
        return source.stochastic();
    }
}
