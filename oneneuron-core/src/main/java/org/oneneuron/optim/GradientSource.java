package org.oneneuron.optim;

import java.util.SplittableRandom;
import org.oneneuron.objective.Objective;
import org.oneneuron.objective.SampledObjective;

/**
 * Where first-order optimizers get their gradient: the full objective, or successive minibatches
 * of a {@link SampledObjective} that walk through a permutation of the samples reshuffled at every
 * epoch (the last batch of an epoch may be smaller, as PyTorch's {@code drop_last=False}).
 * The permutation is shuffled in place with Fisher–Yates from a seeded SplittableRandom, so a
 * seed fixes the batch order. No allocation per batch.
 */
final class GradientSource {

    private final Objective full;
    private final SampledObjective sampled;
    private final int batchSize;
    private final SplittableRandom random;
    private final int[] order;
    private int cursor;

    private GradientSource(Objective full, SampledObjective sampled, int batchSize,
                           SplittableRandom random) {
        this.full = full;
        this.sampled = sampled;
        this.batchSize = batchSize;
        this.random = random;
        // built here, not at the first batch: a branch taken once inside a timed loop costs a deoptimization
        this.order = sampled == null ? null : identity(sampled.sampleCount());
        this.cursor = order == null ? 0 : order.length; // the first batch shuffles
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /**
     * @param objective the objective
     * @param batchSize samples per batch; 0 (or ≥ n) means the full batch
     * @param random    drives the shuffles; unused for full batches
     */
    static GradientSource of(Objective objective, int batchSize, SplittableRandom random) {
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch size must be >= 0 (0 = full batch), got "
                    + batchSize);
        }
        if (batchSize > 0 && !(objective instanceof SampledObjective)) {
            throw new IllegalArgumentException("batch size " + batchSize
                    + " needs a SampledObjective, got " + objective.getClass().getSimpleName());
        }
        if (batchSize > 0 && batchSize < ((SampledObjective) objective).sampleCount()) {
            return new GradientSource(objective, (SampledObjective) objective, batchSize, random);
        }
        return new GradientSource(objective, null, 0, null);
    }

    /** True when gradients are minibatch estimates. */
    boolean stochastic() {
        return sampled != null;
    }

    /** Value and gradient at θ over the next batch (or the full data). gradient: modified. */
    double next(double[] theta, double[] gradient) {
        if (sampled == null) {
            return full.valueAndGradient(theta, gradient);
        }
        int n = order.length;
        if (cursor >= n) {
            shuffle();
            cursor = 0;
        }
        int to = Math.min(n, cursor + batchSize);
        double value = sampled.batchValueAndGradient(theta, order, cursor, to, gradient);
        cursor = to;
        return value;
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
