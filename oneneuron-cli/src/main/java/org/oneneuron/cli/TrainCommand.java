package org.oneneuron.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oneneuron.data.DataChecks;
import org.oneneuron.data.Dataset;
import org.oneneuron.io.WriterLock;
import org.oneneuron.data.Task;
import org.oneneuron.loss.MarginLoss;
import org.oneneuron.loss.OutputLoss;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.run.ClassifierConfig;
import org.oneneuron.run.NeuronDominance;
import org.oneneuron.run.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code oneneuron train}: fits a classifier through the run floor (the same steps as the
 * library's {@code Classifier.fit}: the same data, options and seed give the same θ₀ and model),
 * reports it, optionally saves it.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a binary classifier (an MLP, with or without the special neuron).",
        footer = {"", "Examples:",
            "  oneneuron train wdbc --out model.json",
            "  oneneuron train --data wdbc --neuron none --optimizer adam --lr 0.01 --steps 2000",
            "  oneneuron train data.csv --label diagnosis --positive M --held-out 0.2 --json",
            "  oneneuron train .bench-data/mnist --classes 4,9 --hidden 32 --batch 256 --optimizer adam",
            "  oneneuron train big.csv --out m.json --checkpoint-every 500 --resume"})
final class TrainCommand implements Callable<Integer> {

    private static final String ZERO_LAMBDA = "λ = 0";

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    DataOptions data;

    @Mixin
    NetworkOptions network;

    @Mixin
    ObjectiveOptions objective;

    @Mixin
    OptimizerOptions training;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATA", description = Vocabulary.DATA)
    String dataArgument;

    @Option(names = "--data", paramLabel = "DATA", description = Vocabulary.DATA)
    String dataOption;

    @Option(names = "--held-out", paramLabel = "SHARE", description = Vocabulary.HELD_OUT)
    double heldOut = Vocabulary.MODEL.heldOut();

    @Option(names = "--test-fraction", hidden = true, paramLabel = "SHARE",
            description = "Deprecated name of --held-out.")
    Double testFraction;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the model here (JSON, atomic).")
    Path out;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Write a checkpoint beside --out every N steps (0 = never).")
    long checkpointEvery;

    @Option(names = "--resume", description = "Continue from the checkpoint beside --out, if there is one.")
    boolean resume;

    private boolean matched(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** With --out, one writer at a time for the model file and its checkpoint ({@link WriterLock}). */
    @SuppressWarnings("try") // the lock is held for the block and never read
    @Override
    public Integer call() {
        try (WriterLock lock = out == null ? null : WriterLock.beside(out, "oneneuron train --out " + out)) {
            return train();
        }
    }

    private Integer train() {
        PrintWriter err = spec.commandLine().getErr();
        List<String> warnings = new ArrayList<>();
        String source = Inputs.data(dataArgument, dataOption);
        ClassifierConfig config = config(warnings);
        checkOptions();

        if (config.lambda() == 0 && config.neuron().present()) {
            warnings.add(ZERO_LAMBDA + " with the " + config.neuron().word() + " neuron: the guarantee (a = 0"
                    + " at every local minimum) is void");
        }
        Dataset dataset = data.load(source);
        Task task = dataset.task();
        config = config.withLoss(lossFor(config, task));
        if (config.loss() instanceof MarginLoss marginLoss && !marginLoss.satisfiesAssumption1()) {
            warnings.add("loss " + marginLoss.word() + " does not satisfy Assumption 1 of the paper: "
                    + marginLoss.description());
        }
        if (!common.json() && !common.quiet()) {
            err.println("task: " + task.word() + (task == Task.MULTICLASS ? ", " + dataset.labelNames().size()
                    + " classes" : "") + ", loss " + config.loss().word() + (data.task == null
                    ? " (task inferred from the label column; --task to choose)" : ""));
            err.flush();
        }
        List<DataChecks.Conflict> conflicts = DataChecks.conflicts(dataset);
        if (!conflicts.isEmpty()) {
            warnings.add(dataset.name() + ": " + conflicts.size() + " group(s) of identical inputs with"
                    + " conflicting labels (no classifier can fit them all), e.g. "
                    + conflicts.get(0).describe());
        }
        if (config.heldOut() > 0 && dataset.n() < TrainingData.MIN_SPLIT_SIZE) {
            warnings.add(dataset.name() + " has " + dataset.n() + " samples, fewer than "
                    + TrainingData.MIN_SPLIT_SIZE + ": nothing is held out");
        }
        if (!common.json()) {
            // λ = 0 is also logged by the library (one line on stderr via LibraryLogging).
            warnings.stream().filter(w -> !w.startsWith(ZERO_LAMBDA))
                    .forEach(w -> err.println("warning: " + w));
            err.flush();
        }
        TrainingRun run = new TrainingRun(config, dataset, source, out, checkpointEvery, resume,
                Progress.of(common, err), err);
        TrainingRun.Outcome outcome = run.execute();
        if (!outcome.numericalTrouble()) {
            NeuronDominance.warning(outcome.model(), outcome.data().train()).ifPresent(w -> {
                warnings.add(w);
                if (!common.json()) {
                    err.println("warning: " + w);
                }
            });
        }
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

    /** The library's config from the options (every default is the library's). */
    private ClassifierConfig config(List<String> warnings) {
        double share = heldOut;
        if (testFraction != null) {
            warnings.add("--test-fraction is deprecated; it is --held-out now");
            share = testFraction;
        }
        if (!(share >= 0 && share < 1)) {
            throw new IllegalArgumentException("--held-out must be in [0, 1), got " + share);
        }
        NeuronKind neuron = network.neuron();
        if (!network.layers().isEmpty() && (matched("--hidden") || matched("--activation"))) {
            throw new IllegalArgumentException("give --arch or --hidden/--activation, not both: --arch names "
                    + "every layer (e.g. dense:16,tanh,dense:1)");
        }
        return Vocabulary.MODEL.withHidden(network.widths()).withActivation(network.activation())
                .withLayers(network.layers()).withInputShape(network.inputShape())
                .withNeuron(neuron).withAllowZeroLambda(objective.allowZeroLambda())
                .withLambda(objective.lambda(neuron)).withLoss(objective.outputLoss())
                .withReduction(objective.reduction()).withInitializer(training.initializer())
                .withBalancedClassWeights(objective.balanced()).withHeldOut(share)
                .withPrecision(training.precision())
                .withTrain(training.config(Vocabulary.TRAIN, common.threadsOr(Vocabulary.TRAIN.threads())));
    }

    /** The loss for the task: the given --loss when it fits, the task's default when --loss was not given. */
    private OutputLoss lossFor(ClassifierConfig config, Task task) {
        OutputLoss chosen = config.loss();
        OutputLoss fitting = config.lossFor(task);
        boolean squaredForRegression = task == Task.REGRESSION && chosen.word().equals("squared");
        if (!fitting.equals(chosen) && matched("--loss") && !squaredForRegression) {
            String expected = switch (task) {
                case BINARY -> "cubic-hinge, hinge-p:P, smooth-hinge, logistic or squared";
                case MULTICLASS -> "softmax-ce or multi-squared-hinge";
                case REGRESSION -> "squared or huber[:δ]";
            };
            throw new IllegalArgumentException("--loss " + chosen.word() + " does not fit the " + task.word()
                    + " task of the data; use " + expected);
        }
        return fitting;
    }

    private void checkOptions() {
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("--checkpoint-every must be >= 0, got " + checkpointEvery);
        }
        if ((checkpointEvery > 0 || resume) && out == null) {
            throw new IllegalArgumentException("--checkpoint-every and --resume need --out (the"
                    + " checkpoint is written beside the model file)");
        }
    }
}
