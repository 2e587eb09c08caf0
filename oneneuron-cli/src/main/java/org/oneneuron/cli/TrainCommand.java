package org.oneneuron.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oneneuron.data.DataChecks;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.MarginLoss;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.run.ClassifierConfig;
import org.oneneuron.run.Precision;
import org.oneneuron.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oneneuron train}: fits a classifier, reports it, optionally saves it. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train a binary classifier (an MLP, with or without the special neuron).",
        footer = {"", "Examples:",
            "  oneneuron train wdbc --out model.json",
            "  oneneuron train wdbc --neuron none --optimizer adam --lr 0.01 --steps 2000",
            "  oneneuron train data.csv --label diagnosis --positive M --test-fraction 0.2 --json",
            "  oneneuron train .bench-data/mnist --classes 4,9 --hidden 32 --batch 256 --optimizer adam",
            "  oneneuron train big.csv --out m.json --checkpoint-every 500 --resume"})
final class TrainCommand implements Callable<Integer> {

    private static final ClassifierConfig MODEL = ClassifierConfig.defaults();
    private static final String ZERO_LAMBDA = "λ = 0";
    private static final TrainConfig TRAIN = MODEL.train();

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    DataOptions data;

    @Parameters(index = "0", paramLabel = "DATA",
            description = "A data file (.csv, .libsvm, .arff, IDX directory or *-ubyte) or a built-in"
                    + " name (see 'oneneuron datasets').")
    String dataArgument;

    @Option(names = "--hidden", split = ",", paramLabel = "W,W",
            description = "Hidden layer widths; 0 for a linear model.")
    List<Integer> hidden = MODEL.hidden();

    @Option(names = "--activation", description = "relu, leaky_relu:SLOPE, tanh, sigmoid, softplus, elu, linear.")
    String activation = MODEL.activation().word();

    @Option(names = "--neuron", description = "none, skip-exp, per-layer-exp, relu, linear, quadratic,"
            + " sigmoid, no-skip.")
    String neuron = MODEL.neuron().word();

    @Option(names = "--lambda", description = "λ of the penalty (λ/2)a² on the neuron's output weight.")
    double lambda = MODEL.lambda();

    @Option(names = "--allow-zero-lambda", description = "Accept λ = 0 (the theorem's guarantee is lost).")
    boolean allowZeroLambda;

    @Option(names = "--loss", description = "cubic-hinge, hinge-p:P, smooth-hinge, logistic, squared.")
    String loss = MODEL.loss().word();

    @Option(names = "--reduction", description = "sum (the paper's) or mean.")
    String reduction = MODEL.reduction().word();

    @Option(names = "--class-weight", paramLabel = "KIND", description = "none or balanced.")
    String classWeight = MODEL.balancedClassWeights() ? "balanced" : "none";

    @Option(names = "--test-fraction", paramLabel = "F", description = "Hold out this fraction for testing.")
    double testFraction = MODEL.heldOut();

    @Option(names = "--optimizer", description = "gd, sgd, momentum, nesterov, adam, lbfgs, newton-cg.")
    String optimizer = TRAIN.optimizer().word();

    @Option(names = "--lr", paramLabel = "ETA", description = "Learning rate for gd, sgd, momentum, nesterov, adam.")
    double learningRate = TRAIN.learningRate();

    @Option(names = "--momentum", paramLabel = "MU",
            description = "Momentum μ for momentum/nesterov (default when not given: "
                    + OptimizerChoice.HEAVY_BALL_DEFAULT + ").")
    Double momentum;

    @Option(names = "--steps", paramLabel = "N", description = "Optimizer steps (>= 1).")
    long steps = TRAIN.maxSteps();

    @Option(names = "--batch", paramLabel = "B", description = "Minibatch size for sgd/adam; 0 = full batch.")
    int batch = TRAIN.batchSize();

    @Option(names = "--seed", description = "Seeds initialization, split and minibatches.")
    long seed = TRAIN.seed();

    @Option(names = "--dtype", description = "float64, or float32 for the forward and reverse passes"
            + " (Hessian-vector products, the end point's certificate and the reported figures stay"
            + " float64).")
    String dtype = MODEL.precision().word();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the model here (JSON, atomic).")
    Path out;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Write a checkpoint beside --out every N steps (0 = never).")
    long checkpointEvery;

    @Option(names = "--resume", description = "Continue from the checkpoint beside --out, if there is one.")
    boolean resume;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<String> warnings = new ArrayList<>();
        checkOptions();
        ClassifierConfig settings = MODEL.withHidden(hidden.equals(List.of(0)) ? List.of() : hidden)
                .withActivation(Activation.parse(activation)).withNeuron(NeuronKind.parse(neuron))
                .withAllowZeroLambda(allowZeroLambda).withLambda(lambda).withLoss(Losses.parse(loss))
                .withReduction(Reduction.parse(reduction)).withBalancedClassWeights(balanced())
                .withHeldOut(testFraction).withPrecision(Precision.parse(dtype)).withTrain(trainConfig());
        MarginLoss marginLoss = settings.loss();
        if (!marginLoss.satisfiesAssumption1()) {
            warnings.add("loss " + marginLoss.word() + " does not satisfy Assumption 1 of the paper: "
                    + marginLoss.description());
        }
        if (settings.lambda() == 0 && settings.neuron().present()) {
            warnings.add(ZERO_LAMBDA + " with the " + settings.neuron().word() + " neuron: the guarantee (a = 0"
                    + " at every local minimum) is void");
        }
        Dataset dataset = data.load(dataArgument);
        List<DataChecks.Conflict> conflicts = DataChecks.conflicts(dataset);
        if (!conflicts.isEmpty()) {
            warnings.add(dataset.name() + ": " + conflicts.size() + " group(s) of identical inputs with"
                    + " conflicting labels (no classifier can fit them all), e.g. "
                    + conflicts.get(0).describe());
        }
        if (!common.json()) {
            // λ = 0 is also logged by the library (one line on stderr via LibraryLogging).
            warnings.stream().filter(w -> !w.startsWith(ZERO_LAMBDA))
                    .forEach(w -> err.println("warning: " + w));
            err.flush();
        }
        TrainingRun run = new TrainingRun(settings, dataset, dataArgument, out, checkpointEvery, resume,
                Progress.of(common, err), err);
        TrainingRun.Outcome outcome = run.execute();
        Map<String, Object> report = TrainReport.of(outcome, warnings);
        if (common.json()) {
            Json.print(spec.commandLine().getOut(), report);
        } else {
            TrainReport.printText(spec.commandLine().getOut(), report);
        }
        if (outcome.numericalTrouble()) {
            throw new CommandFailure(ExitCodes.FAILURE, "training stopped: "
                    + outcome.fit().training().stop().message() + (out == null ? ""
                    : "; the model was not written" + (checkpointEvery > 0
                    ? ", the last checkpoint is " + TrainingRun.checkpointPath(out) : "")));
        }
        return ExitCodes.OK;
    }

    private TrainConfig trainConfig() {
        OptimizerChoice choice = OptimizerChoice.parse(optimizer);
        try {
            return choice.configure(TRAIN.toBuilder(), momentum)
                    .learningRate(learningRate)
                    .maxSteps(steps)
                    .batchSize(batch)
                    .seed(seed)
                    .threads(common.threadsOr(TRAIN.threads()))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(OptionNames.rename(e.getMessage()), e);
        }
    }

    private boolean balanced() {
        return switch (classWeight.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> false;
            case "balanced" -> true;
            default -> throw new IllegalArgumentException("--class-weight must be none or balanced, got '"
                    + classWeight + "'");
        };
    }

    private void checkOptions() {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("--lambda must be a finite number >= 0, got " + lambda);
        }
        if (lambda == 0 && !allowZeroLambda && NeuronKind.parse(neuron).present()) {
            throw new IllegalArgumentException("--lambda 0 voids the theorem's guarantee (a = 0 at every"
                    + " local minimum); pass --allow-zero-lambda to run it as an ablation");
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("--test-fraction must be in [0, 1), got " + testFraction);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
        }
        if (!dtype.equals("float64") && !dtype.equals("float32")) {
            throw new IllegalArgumentException("--dtype must be float64 or float32, got '" + dtype + "'");
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("--checkpoint-every must be >= 0, got " + checkpointEvery);
        }
        if ((checkpointEvery > 0 || resume) && out == null) {
            throw new IllegalArgumentException("--checkpoint-every and --resume need --out (the"
                    + " checkpoint is written beside the model file)");
        }
    }
}
