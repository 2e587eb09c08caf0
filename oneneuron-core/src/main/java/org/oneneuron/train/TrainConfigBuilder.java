package org.oneneuron.train;

import org.oneneuron.optim.OptimizerKind;

/**
 * Mutable builder for {@link TrainConfig}; {@link #build()} validates. Start from
 * {@code TrainConfig.defaults().toBuilder()}.
 */
public final class TrainConfigBuilder {

    private OptimizerKind optimizer;
    private double learningRate;
    private long maxSteps;
    private int batchSize;
    private double momentum;
    private boolean nesterov;
    private double beta1;
    private double beta2;
    private double epsilon;
    private int lbfgsMemory;
    private double trustRadius;
    private int maxCgIterations;
    private double gradientTolerance;
    private double lossTolerance;
    private double timeBudgetSeconds;
    private double clipNorm;
    private double divergenceFactor;
    private long seed;
    private int historyStride;
    private int threads;

    TrainConfigBuilder(TrainConfig c) {
        optimizer = c.optimizer();
        learningRate = c.learningRate();
        maxSteps = c.maxSteps();
        batchSize = c.batchSize();
        momentum = c.momentum();
        nesterov = c.nesterov();
        beta1 = c.beta1();
        beta2 = c.beta2();
        epsilon = c.epsilon();
        lbfgsMemory = c.lbfgsMemory();
        trustRadius = c.trustRadius();
        maxCgIterations = c.maxCgIterations();
        gradientTolerance = c.gradientTolerance();
        lossTolerance = c.lossTolerance();
        timeBudgetSeconds = c.timeBudgetSeconds();
        clipNorm = c.clipNorm();
        divergenceFactor = c.divergenceFactor();
        seed = c.seed();
        historyStride = c.historyStride();
        threads = c.threads();
    }

    /** Sets {@link TrainConfig#optimizer()}. */
    public TrainConfigBuilder optimizer(OptimizerKind value) {
        optimizer = value;
        return this;
    }

    /** Sets {@link TrainConfig#learningRate()}. */
    public TrainConfigBuilder learningRate(double value) {
        learningRate = value;
        return this;
    }

    /** Sets {@link TrainConfig#maxSteps()}. */
    public TrainConfigBuilder maxSteps(long value) {
        maxSteps = value;
        return this;
    }

    /** Sets {@link TrainConfig#batchSize()}. */
    public TrainConfigBuilder batchSize(int value) {
        batchSize = value;
        return this;
    }

    /** Sets {@link TrainConfig#momentum()}. */
    public TrainConfigBuilder momentum(double value) {
        momentum = value;
        return this;
    }

    /** Sets {@link TrainConfig#nesterov()}. */
    public TrainConfigBuilder nesterov(boolean value) {
        nesterov = value;
        return this;
    }

    /** Sets {@link TrainConfig#beta1()}. */
    public TrainConfigBuilder beta1(double value) {
        beta1 = value;
        return this;
    }

    /** Sets {@link TrainConfig#beta2()}. */
    public TrainConfigBuilder beta2(double value) {
        beta2 = value;
        return this;
    }

    /** Sets {@link TrainConfig#epsilon()}. */
    public TrainConfigBuilder epsilon(double value) {
        epsilon = value;
        return this;
    }

    /** Sets {@link TrainConfig#lbfgsMemory()}. */
    public TrainConfigBuilder lbfgsMemory(int value) {
        lbfgsMemory = value;
        return this;
    }

    /** Sets {@link TrainConfig#trustRadius()}. */
    public TrainConfigBuilder trustRadius(double value) {
        trustRadius = value;
        return this;
    }

    /** Sets {@link TrainConfig#maxCgIterations()}. */
    public TrainConfigBuilder maxCgIterations(int value) {
        maxCgIterations = value;
        return this;
    }

    /** Sets {@link TrainConfig#gradientTolerance()}. */
    public TrainConfigBuilder gradientTolerance(double value) {
        gradientTolerance = value;
        return this;
    }

    /** Sets {@link TrainConfig#lossTolerance()}. */
    public TrainConfigBuilder lossTolerance(double value) {
        lossTolerance = value;
        return this;
    }

    /** Sets {@link TrainConfig#timeBudgetSeconds()}. */
    public TrainConfigBuilder timeBudgetSeconds(double value) {
        timeBudgetSeconds = value;
        return this;
    }

    /** Sets {@link TrainConfig#clipNorm()}. */
    public TrainConfigBuilder clipNorm(double value) {
        clipNorm = value;
        return this;
    }

    /** Sets {@link TrainConfig#divergenceFactor()}. */
    public TrainConfigBuilder divergenceFactor(double value) {
        divergenceFactor = value;
        return this;
    }

    /** Sets {@link TrainConfig#seed()}. */
    public TrainConfigBuilder seed(long value) {
        seed = value;
        return this;
    }

    /** Sets {@link TrainConfig#historyStride()}. */
    public TrainConfigBuilder historyStride(int value) {
        historyStride = value;
        return this;
    }

    /** Sets {@link TrainConfig#threads()}. */
    public TrainConfigBuilder threads(int value) {
        threads = value;
        return this;
    }

    /** The validated config. */
    public TrainConfig build() {
        return new TrainConfig(optimizer, learningRate, maxSteps, batchSize, momentum, nesterov,
                beta1, beta2, epsilon, lbfgsMemory, trustRadius, maxCgIterations,
                gradientTolerance, lossTolerance, timeBudgetSeconds, clipNorm, divergenceFactor,
                seed, historyStride, threads);
    }
}
