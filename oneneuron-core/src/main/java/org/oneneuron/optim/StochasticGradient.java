package org.oneneuron.optim;

import java.util.Objects;
import java.util.SplittableRandom;
import org.oneneuron.objective.FloatStaging;
import org.oneneuron.objective.Objective;

/**
 * Minibatch SGD with heavy-ball or Nesterov momentum, in PyTorch's convention:
 * v ← μ·v + g, θ ← θ − η·(g + μ·v) (Nesterov) or θ ← θ − η·v, where g is the (optionally
 * norm-clipped) minibatch gradient. μ = 0 gives plain SGD. No allocation per step. With a
 * {@link FloatStaging} objective, plain SGD moves θ in the objective's pass that rounds θ to float,
 * widens the float32 gradient there too and takes Σ g² from the objective's gradient check (the
 * same bits, three passes over θ-sized arrays fewer).
 */
public final class StochasticGradient implements Optimizer {

    private final Objective objective;
    private final GradientSource source;
    private final double learningRate;
    private final double momentum;
    private final boolean nesterov;
    private final double clipNorm;
    private final FloatStaging staging;
    private double[] gradient;
    private double[] velocity;
    private double loss;
    private double gradientNorm;
    private boolean thetaChecked;

    /**
     * @param objective    the function; a SampledObjective when batchSize > 0
     * @param learningRate η > 0
     * @param batchSize    samples per step, 0 for the full batch
     * @param momentum     μ in [0, 1)
     * @param nesterov     Nesterov's variant (needs μ > 0)
     * @param clipNorm     largest gradient norm used, POSITIVE_INFINITY for none
     * @param random       drives the per-epoch reshuffle
     */
    public StochasticGradient(Objective objective, double learningRate, int batchSize,
                              double momentum, boolean nesterov, double clipNorm,
                              SplittableRandom random) {
        this.objective = Objects.requireNonNull(objective, "objective");
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got "
                    + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Nesterov momentum needs momentum > 0, got 0");
        }
        if (!(clipNorm > 0)) {
            throw new IllegalArgumentException("clip norm must be positive, got " + clipNorm);
        }
        this.source = GradientSource.of(objective, batchSize, Objects.requireNonNull(random, "random"));
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.clipNorm = clipNorm;
        this.staging = objective instanceof FloatStaging f ? f : null;
    }

    @Override
    public String name() {
        return nesterov ? "nesterov" : momentum > 0 ? "momentum" : OptimizerKind.SGD.word();
    }

    @Override
    public void start(double[] theta) {
        gradient = new double[objective.dimension()];
        velocity = momentum == 0 ? null : new double[objective.dimension()];
        thetaChecked = false;
        if (staging != null) {
            staging.deferWidening(momentum == 0 ? gradient : null);
        }
        evaluate(theta);
    }

    @Override
    public boolean step(double[] theta) {
        return move(theta, theta);
    }

    /** One pass over θ: reads it from {@code from}, writes the next point into {@code to}. */
    @Override
    public boolean stepInto(double[] from, double[] to) {
        return move(from, Vectors.distinct(from, to));
    }

    private boolean move(double[] from, double[] to) {
        double c = Vectors.clipFactor(gradientNorm, clipNorm);
        if (momentum == 0 && staging != null) {
            // every rounded θ_k finite implies every θ_k finite
            thetaChecked = staging.sgdStep(from, gradient, learningRate, c, to);
        } else if (momentum == 0) {
            // v = g: no velocity to keep.
            for (int i = 0; i < to.length; i++) {
                to[i] = from[i] - learningRate * (c * gradient[i]);
            }
        } else {
            for (int i = 0; i < to.length; i++) {
                double g = c * gradient[i];
                double v = momentum * velocity[i] + g;
                velocity[i] = v;
                to[i] = from[i] - learningRate * (nesterov ? g + momentum * v : v);
            }
        }
        evaluate(to);
        return true;
    }

    private void evaluate(double[] theta) {
        loss = source.next(theta, gradient);
        if (staging == null) {
            gradientNorm = Vectors.norm(gradient);
            return;
        }
        double squares = staging.gradientSquares(gradient);
        if (Vectors.normReadsEntries(squares)) {
            staging.materialize(gradient);          // a zero or tiny gradient: the norm rescales its entries
        }
        gradientNorm = Vectors.norm(gradient, squares);
    }

    @Override
    public double loss() {
        return loss;
    }

    @Override
    public double[] gradient() {
        if (staging != null) {
            staging.materialize(gradient);
        }
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
