package org.oneneuron.loss;

import java.util.Objects;
import org.oneneuron.data.Dataset;
import org.oneneuron.model.NetworkSpec;

/** Builds a {@link NetworkObjective}; every setter checks its argument. */
public final class NetworkObjectiveBuilder {
    private static final System.Logger LOG = System.getLogger(NetworkObjective.class.getName());

    final NetworkSpec spec;
    final Dataset data;
    OutputLoss loss = Losses.CUBIC_HINGE;
    Reduction reduction = Reduction.SUM;
    double lambda = Double.NaN;
    boolean allowZeroLambda;
    double[] weights;
    int threads = 1;
    /** Fewest forward multiply-adds per chunk; 0: {@link SamplePasses#WORK_PER_PARAMETER} times P (tests lower it). */
    long minChunkWork;
    private boolean warned;

    NetworkObjectiveBuilder(NetworkSpec spec, Dataset data) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.data = Objects.requireNonNull(data, "data");
        if (data.d() != spec.inputDim()) {
            throw new IllegalArgumentException("data '" + data.name() + "' has d = " + data.d()
                    + " features but the network expects inputDim = " + spec.inputDim());
        }
        if (data.n() == 0) {
            throw new IllegalArgumentException("data '" + data.name() + "' has no samples");
        }
    }

    NetworkObjectiveBuilder(NetworkObjective o) {
        this(o.spec(), o.data());
        loss = o.loss();
        reduction = o.reduction();
        lambda = o.lambda();
        allowZeroLambda = o.zeroLambdaAllowed();
        weights = o.weights();
        threads = o.threads();
        minChunkWork = o.minChunkWork();
        warned = true;
    }

    public NetworkObjectiveBuilder loss(OutputLoss loss) {
        this.loss = Objects.requireNonNull(loss, "loss");
        return this;
    }

    public NetworkObjectiveBuilder reduction(Reduction reduction) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
        return this;
    }

    /** λ of (λ/2)a²: finite, > 0 (or 0 with {@link #allowZeroLambda}). */
    public NetworkObjectiveBuilder lambda(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("λ must be a finite number >= 0, got " + lambda);
        }
        this.lambda = lambda;
        return this;
    }

    /** Allows λ = 0 for an augmented network (the ablation "guarantee lost"); logs a warning. */
    public NetworkObjectiveBuilder allowZeroLambda(boolean allow) {
        this.allowZeroLambda = allow;
        return this;
    }

    /** Per-sample weights ω_i (finite, >= 0, length n), e.g. {@link SampleWeights#balanced}; null for none. */
    public NetworkObjectiveBuilder weights(double[] weights) {
        if (weights != null) {
            if (weights.length != data.n()) {
                throw new IllegalArgumentException(weights.length + " weights for " + data.n() + " samples");
            }
            for (int i = 0; i < weights.length; i++) {
                if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                    throw new IllegalArgumentException("weight " + i + " must be finite and >= 0, got "
                            + weights[i]);
                }
            }
        }
        this.weights = weights == null ? null : weights.clone();
        return this;
    }

    /** Number of fixed sample chunks evaluated in parallel (>= 1). */
    public NetworkObjectiveBuilder threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        return this;
    }

    /** Splits passes with at least {@code work} forward multiply-adds per chunk (tests: 1 splits every pass). */
    NetworkObjectiveBuilder minChunkWork(long work) {
        if (work < 1) {
            throw new IllegalArgumentException("work per chunk must be >= 1, got " + work);
        }
        this.minChunkWork = work;
        return this;
    }

    public NetworkObjective build() {
        int outputs = spec.outputs();
        if (!loss.accepts(outputs)) {
            throw new IllegalArgumentException("loss " + loss.word() + (outputs == 1
                    ? " needs K ≥ 2 class scores, but the network has one output (dense:1)"
                    : " takes one score, but the network has " + outputs + " outputs (dense:" + outputs + ")"));
        }
        if (outputs > 1) {
            for (int i = 0; i < data.n(); i++) {
                double y = data.y()[i];
                if (y != Math.rint(y) || y < 0 || y >= outputs) {
                    throw new IllegalArgumentException("loss " + loss.word() + " needs class indices 0.." + (outputs - 1)
                            + "; sample " + i + " of '" + data.name() + "' has " + y);
                }
            }
        }
        if (loss instanceof MarginLoss) {
            for (int i = 0; i < data.n(); i++) {
                double y = data.y()[i];
                if (y != 1 && y != -1) {
                    throw new IllegalArgumentException("margin loss " + loss.word() + " needs ±1 labels; sample "
                            + i + " of '" + data.name() + "' has " + y);
                }
            }
        }
        if (spec.neuron().present()) {
            if (Double.isNaN(lambda)) {
                throw new IllegalArgumentException("λ must be set for a network with the "
                        + spec.neuron().word() + " neuron");
            }
            if (lambda == 0) {
                if (!allowZeroLambda) {
                    throw new IllegalArgumentException("λ = 0 voids the theorem's guarantee; "
                            + "call allowZeroLambda(true) to run it as an ablation");
                }
                if (!warned) {
                    LOG.log(System.Logger.Level.WARNING, "λ = 0 with the {0} neuron: the guarantee "
                            + "(a = 0 at every local minimum) is void", spec.neuron().word());
                }
            }
        } else if (Double.isNaN(lambda)) {
            lambda = 0;
        }
        return new NetworkObjective(this);
    }

    /**
     * The same objective with value and gradients in float32 ({@link Float32NetworkObjective};
     * Hessian-vector products stay exact float64).
     */
    public Float32NetworkObjective buildFloat32() {
        return Float32NetworkObjective.over(build());
    }
}
