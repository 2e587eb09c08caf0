package org.oneneuron.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Standardizer;
import org.oneneuron.data.TargetStandardizer;
import org.oneneuron.loss.Reduction;
import org.oneneuron.loss.OutputLoss;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.run.ClassifierConfig;
import org.oneneuron.run.FitResult;
import org.oneneuron.run.Problem;
import org.oneneuron.run.Scaffold;
import org.oneneuron.run.ScaffoldFit;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.TrainingResult;

/**
 * The options both trainers share, as OLCUT {@link Config} fields (so Tribuo records them in the
 * trainer's provenance and configuration files can set them), with the defaults of
 * {@code oneneuron train} ({@link ClassifierConfig#defaults()}), and the fit itself, which goes
 * through the run floor as {@code oneneuron train} without a held-out part does: standardize on
 * the training data (a regression's targets too, by default), a {@link Problem} seeded by the run's seed (it builds the objective and draws
 * θ₀), {@link ScaffoldFit#run} with train's default schedule ({@link Scaffold#DEFAULT}: the neuron is
 * a scaffold gone from the model by the end; {@code scaffold = keep} ships it, with a warning).
 */
abstract class NetworkTrainerSettings {

    private static final ClassifierConfig CONFIG = ClassifierConfig.defaults();
    private static final TrainConfig TRAIN = CONFIG.train();

    @Config(description = "Hidden layer widths, input side first (empty: a linear model).")
    protected int[] hidden = CONFIG.hidden().stream().mapToInt(Integer::intValue).toArray();

    @Config(description = "Hidden activation: relu, leaky_relu:SLOPE, tanh, sigmoid, softplus, elu, linear.")
    protected String activation = CONFIG.activation().word();

    @Config(description = "Special neuron: skip-exp (the paper's), per-layer-exp, no-skip, relu, linear,"
            + " quadratic, sigmoid, or none.")
    protected String neuron = CONFIG.neuron().word();

    @Config(description = "What happens to the special neuron by the end: lambda (the default: λ raised in rounds,"
            + " then the neuron dropped and the plain network fine-tuned), drop, keep (the model keeps the"
            + " neuron; logs a warning when it is not negligible), none. Ignored without a neuron.")
    protected String scaffold = Scaffold.DEFAULT.word();

    @Config(description = "sum (the paper's) or mean.")
    protected String reduction = CONFIG.reduction().word();

    @Config(description = "λ of the penalty (λ/2)a² on the neuron's output weight.")
    protected double lambda = CONFIG.lambda();

    @Config(description = "Accept λ = 0 with a special neuron (the theorem's guarantee is lost).")
    protected boolean allowZeroLambda = false;

    @Config(description = "Optimizer: gd, sgd, adam, lbfgs, newton-cg.")
    protected String optimizer = TRAIN.optimizer().word();

    @Config(description = "Learning rate for gd, sgd, adam.")
    protected double learningRate = TRAIN.learningRate();

    @Config(description = "Momentum for sgd (0 = none).")
    protected double momentum = TRAIN.momentum();

    @Config(description = "Optimizer steps.")
    protected long maxSteps = TRAIN.maxSteps();

    @Config(description = "Minibatch size for sgd and adam; 0 = full batch.")
    protected int batchSize = TRAIN.batchSize();

    @Config(description = "Seed of the initialization and the minibatch order.")
    protected long seed = TRAIN.seed();

    @Config(description = "Sample chunks evaluated in parallel.")
    protected int threads = TRAIN.threads();

    /** Checks the options (OLCUT calls it after configuration; the constructors call it too). */
    protected void check() {
        spec(1);
        trainConfig();
        Reduction.parse(reduction);
        Scaffold.parse(scaffold);
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number >= 0, got " + lambda);
        }
        if (lambda == 0 && !allowZeroLambda && NeuronKind.parse(neuron).present()) {
            throw new IllegalArgumentException("lambda = 0 voids the theorem's guarantee; set"
                    + " allowZeroLambda to run it as an ablation");
        }
    }

    NetworkSpec spec(int inputDim) {
        return spec(inputDim, 1);
    }

    /** The MLP with K outputs (one special neuron per output). */
    NetworkSpec spec(int inputDim, int outputs) {
        return NetworkSpec.mlp(inputDim, Arrays.stream(hidden).boxed().toList(), Activation.parse(activation),
                NeuronKind.parse(neuron), outputs);
    }

    TrainConfig trainConfig() {
        return trainConfig(seed);
    }

    TrainConfig trainConfig(long runSeed) {
        return TRAIN.toBuilder().optimizer(OptimizerKind.parse(optimizer)).learningRate(learningRate)
                .momentum(momentum).maxSteps(maxSteps).batchSize(batchSize).seed(runSeed).threads(threads)
                .build();
    }

    /**
     * The seed of the {@code invocation}-th call of train (counting from 0): {@code seed} itself
     * first, so the first model equals {@code oneneuron train --seed seed}; then a SplitMix64-style
     * mix, so repeated calls (cross-validation folds) start from different points and any call
     * can be replayed with setInvocationCount.
     */
    long seedFor(int invocation) {
        if (invocation == 0) {
            return seed;
        }
        long z = seed + invocation * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** What a fit produced: the shipped network, the last phase's result, its loss, the schedule's facts. */
    record Trained(NetworkState state, TrainingResult result, double loss, long steps, Map<String, String> scaffold) {
    }

    /**
     * Standardize, then the run floor: the problem (objective and θ₀ from {@code runSeed}), the fit
     * under the scaffold schedule (with a neuron; a plain network trains plainly).
     *
     * @throws IllegalStateException when training ends on NaN/Inf or divergence
     */
    Trained fit(Dataset train, OutputLoss loss, boolean balanced, long runSeed) {
        return fit(train, loss, balanced, TargetStandardizer.identity(), runSeed);
    }

    /**
     * {@link #fit(Dataset, OutputLoss, boolean, long)} on targets standardized by {@code target}
     * (a regression's, fitted on {@code train}; the identity for classifiers), which the state
     * undoes on every prediction.
     */
    Trained fit(Dataset train, OutputLoss loss, boolean balanced, TargetStandardizer target, long runSeed) {
        Standardizer scaler = Standardizer.fit(train);
        TrainConfig config = trainConfig(runSeed);
        Problem problem = Problem.builder(spec(train.d(), train.outputs()), target.apply(scaler.apply(train))).loss(loss)
                .reduction(Reduction.parse(reduction)).lambda(lambda).allowZeroLambda(allowZeroLambda)
                .balancedClassWeights(balanced).initializer(CONFIG.initializer()).seed(config.seed())
                .threads(config.threads()).build();
        Scaffold schedule = problem.spec().neuron().present() ? Scaffold.parse(scaffold) : Scaffold.of(Scaffold.Mode.NONE);
        ScaffoldFit scaffolded = ScaffoldFit.run(problem, config, schedule);
        FitResult fit = scaffolded.plain();
        TrainingResult result = fit.training();
        if (result.stop().reason().numericalTrouble()) {
            throw new IllegalStateException("training stopped: " + result.stop().message());
        }
        if (schedule.keepsNeuron() && scaffolded.contribution().stream().anyMatch(c -> !(c <= schedule.tolerance()))) {
            System.getLogger(getClass().getName()).log(System.Logger.Level.WARNING, String.format(
                    java.util.Locale.ROOT, "the model keeps its special neuron (scaffold keep) with max_i |a·E_i| = %.3g"
                    + " > %.1g on the training data: out of distribution its scores can explode; the default"
                    + " schedule removes the neuron", scaffolded.contribution().get(0), schedule.tolerance()));
        }
        double[] theta = result.theta();
        Map<String, String> facts = problem.spec().neuron().present() ? scaffolded.provenance() : Map.of();
        return new Trained(NetworkState.of(fit.problem().spec(), theta, scaler, target), result,
                fit.problem().objective().value(theta), scaffolded.fineTuneSteps() + (schedule.keepsNeuron()
                        ? 0 : scaffolded.augmentedSteps()), facts);
    }

    /** OneNeuron's facts about the run, for the model's instance provenance. */
    static Map<String, Provenance> runFacts(Trained fit, Map<String, Provenance> runProvenance) {
        Map<String, Provenance> m = new LinkedHashMap<>(runProvenance);
        var p = fit.result().provenance();
        for (var e : List.of(
                Map.entry("oneneuron_version", p.libraryVersion()),
                Map.entry("blas", p.blasBackend()),
                Map.entry("vector_bits", Integer.toString(p.vectorBits())),
                Map.entry("optimizer", fit.result().optimizer()),
                Map.entry("steps_done", Long.toString(fit.steps())),
                Map.entry("stop_reason", fit.result().stop().reason().word()),
                Map.entry("final_loss", Double.toString(fit.loss())))) {
            m.put(e.getKey(), new StringProvenance(e.getKey(), e.getValue()));
        }
        fit.scaffold().forEach((k, v) -> m.put(k, new StringProvenance(k, v)));
        return m;
    }

    /** The options in words, for toString. */
    String describe() {
        return "hidden=" + Arrays.toString(hidden) + ", activation=" + activation + ", neuron=" + neuron
                + ", scaffold=" + scaffold + ", reduction=" + reduction + ", lambda=" + lambda + ", optimizer=" + optimizer
                + ", learningRate=" + learningRate + ", maxSteps=" + maxSteps + ", batchSize=" + batchSize
                + ", seed=" + seed + ", threads=" + threads;
    }
}
