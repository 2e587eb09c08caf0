package org.oneneuron.run;

import java.util.List;
import java.util.Objects;
import org.oneneuron.batch.TinyNetBatch;
import org.oneneuron.batch.TinyNetProblem;
import org.oneneuron.batch.TinyRun;
import org.oneneuron.constructions.NetworkConstruction;
import org.oneneuron.constructions.Recipe;
import org.oneneuron.data.Dataset;
import org.oneneuron.landscape.DataFloor;
import org.oneneuron.landscape.LeastLoss;
import org.oneneuron.landscape.NetworkPoints;
import org.oneneuron.landscape.PointContext;
import org.oneneuron.linalg.Precision;
import org.oneneuron.loss.Float32NetworkObjective;
import org.oneneuron.loss.Float32Rows;
import org.oneneuron.loss.MarginLoss;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.OutputLoss;
import org.oneneuron.loss.Reduction;
import org.oneneuron.loss.SampleWeights;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.objective.SampledObjective;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.TrainConfig;

/**
 * What a fit minimizes: the data the objective sums over (already scaled), the network, the loss,
 * its reduction, λ, and the seed of θ₀. This is the one place that builds the engine's objectives
 * (float64, float32 passes, the batched tiny-network path) and the one place that draws θ₀:
 * commands, studies, benchmarks and the {@link Classifier} facade all come here, so swapping the
 * engine touches this class only.
 *
 * <pre>
 *   L~(θ) = s·Σ_i ω_i ℓ(-y_i f~(x_i)) + (λ/2)a²,   s = 1 (sum) or 1/n (mean),
 *   θ₀ = initializer(layout, seed)
 * </pre>
 *
 * Immutable apart from the objective it builds on first use (an objective owns work buffers and is
 * not thread-safe: use one problem per thread, or {@code objective().copy()}).
 */
public final class Problem {

    private final NetworkSpec spec;
    private final Dataset data;
    private final OutputLoss loss;
    private final Reduction reduction;
    private final double lambda;
    private final boolean allowZeroLambda;
    private final boolean balancedClassWeights;
    private final Initializer initializer;
    private final long seed;
    private final int threads;
    private final Precision precision;
    private final LeastLoss leastLoss; // null: what the objective alone says
    private final Float32Rows float32Rows; // shared with the problems derived over the same data
    private NetworkObjective objective;
    private SampledObjective descended;

    private Problem(Builder b) {
        this.spec = b.spec;
        this.data = b.data;
        this.loss = b.loss;
        this.reduction = b.reduction;
        this.lambda = b.lambda;
        this.allowZeroLambda = b.allowZeroLambda;
        this.balancedClassWeights = b.balancedClassWeights;
        this.initializer = b.initializer;
        this.seed = b.seed;
        this.threads = b.threads;
        this.precision = b.precision;
        this.leastLoss = b.leastLoss;
        this.float32Rows = b.float32Rows != null && b.float32Rows.data() == data ? b.float32Rows
                : new Float32Rows(data);
    }

    /**
     * A builder for {@code spec} over {@code data}; every other choice starts at the library's
     * default ({@link ClassifierConfig#defaults()}: cubic hinge, mean, λ = 1, fan-in uniform,
     * seed 0, one thread, float64).
     */
    public static Builder builder(NetworkSpec spec, Dataset data) {
        return new Builder(spec, data);
    }

    /**
     * The plain problem of a PAPER.md §6 construction: its data, 2-2-1 network and loss, summed,
     * no neuron (λ = the construction's, used when a neuron is embedded by {@link #withNeuron}).
     */
    public static Problem plain(NetworkConstruction construction) {
        return builder(construction.plainSpec(), construction.data()).loss(construction.loss())
                .reduction(construction.reduction()).lambda(construction.lambda())
                .leastLoss(LeastLoss.exact(construction.globalLoss(), "construction " + construction.name()
                        + ", PAPER.md §6"))
                .build();
    }

    /**
     * The plain problem of a §6 D recipe: its data, network and loss, summed, no neuron; its least
     * loss is the recipe's global loss when known, else below the bad point's loss when the recipe
     * knows why ({@link Recipe#beatenBecause()}), else unknown.
     */
    public static Problem plain(Recipe recipe) {
        Builder b = builder(recipe.spec(), recipe.data()).loss(recipe.loss()).reduction(recipe.reduction())
                .lambda(recipe.lambda());
        if (recipe.globalLoss().isPresent()) {
            b.leastLoss(LeastLoss.exact(recipe.globalLoss().getAsDouble(), recipe.name() + " recipe"));
        } else {
            recipe.beatenBecause().ifPresent(why -> b.leastLoss(LeastLoss.below(recipe.badLoss(),
                    recipe.name() + " recipe: " + why)));
        }
        return b.build();
    }

    /** A builder starting from this problem's choices. */
    public Builder toBuilder() {
        Builder b = new Builder(spec, data);
        b.loss = loss;
        b.reduction = reduction;
        b.lambda = lambda;
        b.allowZeroLambda = allowZeroLambda;
        b.balancedClassWeights = balancedClassWeights;
        b.initializer = initializer;
        b.seed = seed;
        b.threads = threads;
        b.precision = precision;
        b.leastLoss = leastLoss;
        b.float32Rows = float32Rows;
        return b;
    }

    /** The same problem with another seed for θ₀. */
    public Problem withSeed(long newSeed) {
        return toBuilder().seed(newSeed).build();
    }

    /**
     * The same choices over other (already scaled) data, e.g. a held-out part; what was known of
     * the least loss was about the old data and is dropped.
     */
    public Problem withData(Dataset other) {
        Builder b = toBuilder();
        b.data = Objects.requireNonNull(other, "data");
        b.leastLoss = null;
        return b.build();
    }

    /**
     * The same network, data, loss and reduction with another special neuron and λ (PAPER.md §4:
     * a plain network's point embedded with the neuron). The least loss carries over where the
     * neuron at a = 0 settles it: a plain point beating a loss beats it in L~ too, and a plain least
     * loss of 0 stays L~'s least (every loss here is >= 0); otherwise it is dropped.
     */
    public Problem withNeuron(NeuronKind kind, double newLambda) {
        Builder b = toBuilder();
        b.spec = spec.withNeuron(kind);
        if (leastLoss != null && !(leastLoss.kind() == LeastLoss.Kind.BELOW
                || leastLoss.kind() == LeastLoss.Kind.EXACT && leastLoss.value() == 0.0)) {
            b.leastLoss = null;
        }
        return b.lambda(newLambda).build();
    }

    /**
     * The certificate context of θ ({@link NetworkPoints#context}) with what this problem knows of
     * its least loss ({@link #leastLoss(double[])}).
     */
    public PointContext context(double[] theta) {
        PointContext context = NetworkPoints.context(objective(), theta);
        return context.withLeastLoss(leastLoss(context.leastLoss()));
    }

    /**
     * What is known of the least loss at θ: the objective's own knowledge (the theorem's floor for
     * the exponential neuron, a linear model's least squares) and, failing that, what the problem
     * was built with (a construction's global loss, a recipe's beaten loss); else unknown.
     */
    public LeastLoss leastLoss(double[] theta) {
        NetworkObjective o = objective();
        double floor = NetworkPoints.minimumLoss(o.loss());
        if (floor == 0.0) {
            floor = DataFloor.of(o).map(DataFloor::loss).orElse(0.0);
        }
        return leastLoss(NetworkPoints.leastLoss(o, theta, floor));
    }

    private LeastLoss leastLoss(LeastLoss own) {
        if (leastLoss == null || own.kind() == LeastLoss.Kind.THEOREM || own.kind() == LeastLoss.Kind.EXACT) {
            return own;
        }
        return leastLoss;
    }

    /** The exact float64 objective L~ (built on first use; certificates and figures use it). */
    public NetworkObjective objective() {
        if (objective == null) {
            objective = NetworkObjective.builder(spec, data).loss(loss).reduction(reduction)
                    .lambda(lambda).allowZeroLambda(allowZeroLambda)
                    .weights(balancedClassWeights ? SampleWeights.balanced(data) : null)
                    .threads(threads).build();
        }
        return objective;
    }

    /**
     * The float32 rows of the data that a float32 objective of this problem reads (converted on first
     * use), shared with the problems derived from this one over the same data.
     */
    public Float32Rows float32Rows() {
        return float32Rows;
    }

    /**
     * What an optimizer descends: {@link #objective()}, or with {@link Precision#FLOAT32} the same
     * objective with float32 forward and reverse passes (its Hessian-vector products stay exact).
     */
    public SampledObjective descendedObjective() {
        if (descended == null) {
            descended = precision == Precision.FLOAT32 ? Float32NetworkObjective.over(objective(), float32Rows)
                    : objective();
        }
        return descended;
    }

    /**
     * Lets this problem's float32 objective serve the last full-data pass of {@code previous}'s
     * when the two differ in λ alone ({@link Float32NetworkObjective#adoptFullPass}); nothing for
     * float64 problems or when {@code previous} has not built its objective.
     */
    void adoptFullPass(Problem previous) {
        if (precision == Precision.FLOAT32 && previous.descended instanceof Float32NetworkObjective done) {
            ((Float32NetworkObjective) descendedObjective()).adoptFullPass(done);
        }
    }

    /** θ₀: a fresh draw of the initializer for the network's layout from the seed. */
    public double[] initialPoint() {
        return initializer.initialize(spec.layout(), seed);
    }

    /**
     * Whether {@code config} can train this problem on the batched path for many tiny networks
     * ({@link TinyNetBatch}): full-batch gradient descent, a network {@link TinyNetProblem#supports}
     * takes, a margin loss, no class weights, float64.
     */
    public boolean batchable(TrainConfig config) {
        return config.optimizer() == OptimizerKind.GD && TinyNetProblem.supports(spec)
                && loss instanceof MarginLoss && !balancedClassWeights && precision == Precision.FLOAT64;
    }

    /**
     * Full-batch gradient descent from every start at once on the batched path (learning rate,
     * clip, divergence factor and history stride from {@code config}); the outcomes in order. The
     * seed plays no part: the starts are given.
     *
     * @throws IllegalArgumentException when the problem is not {@link #batchable}
     */
    public List<TinyRun> descendTogether(double[][] starts, TrainConfig config, int steps) {
        if (!batchable(config)) {
            throw new IllegalArgumentException("the batched path cannot train " + spec + " with "
                    + config.optimizer().word());
        }
        TinyNetProblem tiny = new TinyNetProblem(spec, data, (MarginLoss) loss, reduction, lambda,
                config.learningRate(), config.clipNorm(), config.divergenceFactor(),
                config.effectiveHistoryStride(0, false));
        return TinyNetBatch.train(tiny, starts, steps);
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** The data the objective sums over (scaled as the network sees it). */
    public Dataset data() {
        return data;
    }

    public OutputLoss loss() {
        return loss;
    }

    public Reduction reduction() {
        return reduction;
    }

    /** λ of (λ/2)a². */
    public double lambda() {
        return lambda;
    }

    public boolean allowZeroLambda() {
        return allowZeroLambda;
    }

    public boolean balancedClassWeights() {
        return balancedClassWeights;
    }

    public Initializer initializer() {
        return initializer;
    }

    /** The seed of θ₀. */
    public long seed() {
        return seed;
    }

    /** Sample chunks evaluated in parallel. */
    public int threads() {
        return threads;
    }

    public Precision precision() {
        return precision;
    }

    @Override
    public String toString() {
        return "Problem[" + spec + " on " + data.name() + " (" + data.n() + " samples), "
                + loss.word() + "/" + reduction.word() + ", λ = " + lambda + ", seed " + seed + "]";
    }

    /** Builds a {@link Problem}; every setter checks its argument. */
    public static final class Builder {
        private NetworkSpec spec;
        private Dataset data;
        private OutputLoss loss;
        private Reduction reduction;
        private double lambda;
        private boolean allowZeroLambda;
        private boolean balancedClassWeights;
        private Initializer initializer;
        private long seed;
        private int threads = 1;
        private Precision precision = Precision.FLOAT64;
        private LeastLoss leastLoss;
        private Float32Rows float32Rows;

        private Builder(NetworkSpec spec, Dataset data) {
            this.spec = Objects.requireNonNull(spec, "spec");
            this.data = Objects.requireNonNull(data, "data");
            ClassifierConfig defaults = ClassifierConfig.defaults();
            loss = defaults.loss();
            reduction = defaults.reduction();
            lambda = defaults.lambda();
            initializer = defaults.initializer();
            seed = defaults.train().seed();
        }

        public Builder loss(OutputLoss value) {
            this.loss = Objects.requireNonNull(value, "loss");
            return this;
        }

        public Builder reduction(Reduction value) {
            this.reduction = Objects.requireNonNull(value, "reduction");
            return this;
        }

        /** λ of (λ/2)a², finite and >= 0 (0 with a neuron needs {@link #allowZeroLambda}). */
        public Builder lambda(double value) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("λ must be a finite number >= 0, got " + value);
            }
            this.lambda = value;
            return this;
        }

        /** Accepts λ = 0 with a special neuron (the ablation "guarantee lost"). */
        public Builder allowZeroLambda(boolean value) {
            this.allowZeroLambda = value;
            return this;
        }

        /** Weighs each of the K classes n/K in total (ω_i = n / (K·n_{y_i})). */
        public Builder balancedClassWeights(boolean value) {
            this.balancedClassWeights = value;
            return this;
        }

        public Builder initializer(Initializer value) {
            this.initializer = Objects.requireNonNull(value, "initializer");
            return this;
        }

        /** The seed of θ₀. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Sample chunks evaluated in parallel, >= 1. */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + value);
            }
            this.threads = value;
            return this;
        }

        /**
         * The float32 rows to read when the problem is descended in float32 (several problems over one
         * data set, a study's runs, share one copy); rows of another data set are not used.
         */
        public Builder float32Rows(Float32Rows value) {
            this.float32Rows = Objects.requireNonNull(value, "float32Rows");
            return this;
        }

        public Builder precision(Precision value) {
            this.precision = Objects.requireNonNull(value, "precision");
            return this;
        }

        /**
         * What is known of the least loss of this network on this data (a construction's global
         * loss, a recipe's beaten loss); without it the certificate knows only what the objective
         * says ({@link NetworkPoints#leastLoss}).
         */
        public Builder leastLoss(LeastLoss value) {
            this.leastLoss = Objects.requireNonNull(value, "leastLoss");
            return this;
        }

        /**
         * The problem; checks what the objective will check (dimensions, labels, λ) at once.
         *
         * @throws IllegalArgumentException naming the bad choice
         */
        public Problem build() {
            if (data.d() != spec.inputDim()) {
                throw new IllegalArgumentException("data '" + data.name() + "' has " + data.d()
                        + " features but the network expects " + spec.inputDim());
            }
            if (spec.neuron().present() && lambda == 0 && !allowZeroLambda) {
                throw new IllegalArgumentException("λ = 0 voids the theorem's guarantee (a = 0 at"
                        + " every local minimum); allow it explicitly to run it as an ablation");
            }
            return new Problem(this);
        }
    }
}
