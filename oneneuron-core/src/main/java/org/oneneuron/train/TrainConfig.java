package org.oneneuron.train;

import java.util.Objects;
import java.util.SplittableRandom;
import org.oneneuron.objective.Objective;
import org.oneneuron.optim.Adam;
import org.oneneuron.optim.GradientDescent;
import org.oneneuron.optim.Lbfgs;
import org.oneneuron.optim.NewtonCg;
import org.oneneuron.optim.Optimizer;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.optim.StochasticGradient;

/**
 * How to train: the optimizer and its settings, the stopping rule, the divergence guard and what
 * to record. {@link #defaults()} is the one place for defaults; change fields with
 * {@code toBuilder()...build()}. A tolerance, budget or clip of 0 means "off".
 *
 * @param optimizer         which optimizer
 * @param learningRate      η for gd, sgd and adam (> 0)
 * @param maxSteps          iterations (optimizer steps; minibatches for sgd/adam) ≥ 0
 * @param batchSize         samples per sgd/adam step; 0 = full batch
 * @param momentum          μ in [0, 1) for sgd
 * @param nesterov          Nesterov's momentum for sgd (needs μ > 0)
 * @param beta1             Adam β₁ in [0, 1)
 * @param beta2             Adam β₂ in [0, 1)
 * @param epsilon           Adam ε > 0
 * @param lbfgsMemory       (s, y) pairs kept by L-BFGS, ≥ 1
 * @param trustRadius       initial trust radius Δ₀ of newton-cg, > 0
 * @param maxCgIterations   Hessian-vector products per newton-cg step, ≥ 1
 * @param gradientTolerance stop when the full-data ‖∇L‖ ≤ this (0 = off); minibatch runs test it only
 *                          at the steps their history evaluates the full data
 * @param lossTolerance     stop when the full-data L ≤ this (0 = off), tested as the gradient tolerance is
 * @param timeBudgetSeconds stop after this wall time (0 = off)
 * @param clipNorm          clip the gradient norm at this for gd/sgd/adam (0 = off)
 * @param divergenceFactor  stop as diverged when L > factor·max(L₀, 1) (> 1)
 * @param seed              seeds the minibatch order (and nothing global)
 * @param historyStride     record the trajectory every this many steps (≥ 1), or 0 for
 *                          {@link #effectiveHistoryStride automatic}
 * @param threads           threads for objectives the library builds (Classifier passes it to
 *                          NetworkObjective); recorded in provenance; ≥ 1
 */
public record TrainConfig(OptimizerKind optimizer, double learningRate, long maxSteps,
                          int batchSize, double momentum, boolean nesterov, double beta1,
                          double beta2, double epsilon, int lbfgsMemory, double trustRadius,
                          int maxCgIterations, double gradientTolerance, double lossTolerance,
                          double timeBudgetSeconds, double clipNorm, double divergenceFactor,
                          long seed, int historyStride, int threads) {

    public TrainConfig {
        Objects.requireNonNull(optimizer, "optimizer");
        positiveFinite("learning_rate", learningRate);
        if (maxSteps < 0) {
            throw new IllegalArgumentException("max_steps must be >= 0, got " + maxSteps);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch_size must be >= 0 (0 = full batch), got "
                    + batchSize);
        }
        unitInterval("momentum", momentum);
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("nesterov needs momentum > 0, got momentum 0");
        }
        unitInterval("beta1", beta1);
        unitInterval("beta2", beta2);
        positiveFinite("epsilon", epsilon);
        atLeastOne("lbfgs_memory", lbfgsMemory);
        positiveFinite("trust_radius", trustRadius);
        atLeastOne("max_cg_iterations", maxCgIterations);
        nonNegative("gradient_tolerance", gradientTolerance);
        nonNegative("loss_tolerance", lossTolerance);
        nonNegative("time_budget_seconds", timeBudgetSeconds);
        nonNegative("clip_norm", clipNorm);
        if (!(divergenceFactor > 1)) {
            throw new IllegalArgumentException("divergence_factor must be > 1, got "
                    + divergenceFactor);
        }
        if (historyStride < 0) {
            throw new IllegalArgumentException("history_stride must be >= 1, or 0 for automatic, got "
                    + historyStride);
        }
        atLeastOne("threads", threads);
    }

    /**
     * The library's defaults: L-BFGS (m = 10), at most 1000 steps, stop at ‖∇L‖ ≤ 1e-8, lr 1e-2
     * and Adam (0.9, 0.999, 1e-8) for the first-order kinds, full batch, Δ₀ = 1 and 250 CG
     * iterations for newton-cg, divergence at 1e6·max(|L₀|, 1), the automatic history stride
     * ({@link #effectiveHistoryStride}), seed 0, one thread.
     */
    public static TrainConfig defaults() {
        return new TrainConfig(OptimizerKind.LBFGS, 1e-2, 1000, 0, 0, false, 0.9, 0.999, 1e-8,
                10, 1.0, 250, 1e-8, 0, 0, 0, 1e6, 0L, 0, 1);
    }

    /** The stride of full-batch runs, and the least one of the automatic stride. */
    public static final int BASE_HISTORY_STRIDE = 10;

    /**
     * The history stride a run uses: {@link #historyStride} when set; automatic (0) is
     * {@value #BASE_HISTORY_STRIDE} for full-batch runs, whose records reuse the optimizer's own
     * loss and gradient, and for minibatch runs (where each record is a full-data pass over
     * {@code n} samples) s = max(10, min(⌈10·n/B⌉, ⌊T/6⌋)) for T = maxSteps: the records cost
     * about a tenth of the minibatch work (one every ten epochs) but are never fewer than about
     * six, which the trajectory verdict needs ({@link InfinityThresholds#minRecords()}).
     *
     * @param samples    n, the objective's samples (0 when unknown)
     * @param stochastic whether each step sees a minibatch of B < n samples
     */
    public int effectiveHistoryStride(int samples, boolean stochastic) {
        if (historyStride > 0) {
            return historyStride;
        }
        if (!stochastic || batchSize <= 0 || samples <= 0) {
            return BASE_HISTORY_STRIDE;
        }
        long epochs = (10L * samples + batchSize - 1) / batchSize;
        long stride = Math.min(epochs, maxSteps / 6);
        return (int) Math.max(BASE_HISTORY_STRIDE, Math.min(stride, Integer.MAX_VALUE));
    }

    /** A builder starting from these values. */
    public TrainConfigBuilder toBuilder() {
        return new TrainConfigBuilder(this);
    }

    /** A fresh optimizer for this config over the objective (seeded from {@link #seed}). */
    public Optimizer newOptimizer(Objective objective) {
        double clip = clipNorm == 0 ? Double.POSITIVE_INFINITY : clipNorm;
        return switch (optimizer) {
            case GD -> new GradientDescent(objective, learningRate, clip);
            case SGD -> new StochasticGradient(objective, learningRate, batchSize, momentum,
                    nesterov, clip, new SplittableRandom(seed));
            case ADAM -> new Adam(objective, learningRate, batchSize, beta1, beta2, epsilon, clip,
                    new SplittableRandom(seed));
            case LBFGS -> new Lbfgs(objective, lbfgsMemory);
            case NEWTON_CG -> new NewtonCg(objective, trustRadius, maxCgIterations);
        };
    }

    private static void positiveFinite(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }

    private static void nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0 (0 = off), got "
                    + value);
        }
    }

    private static void unitInterval(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
    }

    private static void atLeastOne(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }
}
