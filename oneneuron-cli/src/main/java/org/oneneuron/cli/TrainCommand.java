package org.oneneuron.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oneneuron.data.DataChecks;
import org.oneneuron.data.Dataset;
import org.oneneuron.io.AtomicFiles;
import org.oneneuron.io.WriterLock;
import org.oneneuron.data.Task;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.MarginLoss;
import org.oneneuron.loss.OutputLoss;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.run.ClassifierConfig;
import org.oneneuron.run.NeuronDominance;
import org.oneneuron.run.Scaffold;
import org.oneneuron.run.TrainingData;
import org.oneneuron.train.PhaseClock;
import org.oneneuron.train.Stop;
import org.oneneuron.train.StopReason;
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
        description = "Train a classifier or regressor (an MLP or a layer graph, with or without the special neuron).",
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

    @Option(names = "--figures", paramLabel = "DIR", description = Vocabulary.FIGURES)
    Path figures;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Write a checkpoint beside --out every N steps (0 = never).")
    long checkpointEvery;

    @Option(names = "--resume", description = "Continue from the checkpoint beside --out, if there is one. "
            + "The optimizer's own state (L-BFGS pairs, Adam's moments, momentum) restarts from the checkpoint's θ, "
            + "so only gd resumes to the bits of an uninterrupted run.")
    boolean resume;

    @Option(names = "--history-every", paramLabel = "N", description = "Record the trajectory every N steps;"
            + " 0 = automatic (every 10 steps, and for sgd/adam minibatches every ten epochs but at least"
            + " about six records).")
    int historyEvery = Vocabulary.TRAIN.historyStride();

    @Option(names = "--gradient-tolerance", paramLabel = "TOL", description = "Stop when the full-data gradient"
            + " norm is at most TOL; 0 = off. sgd/adam minibatch runs judge it at their history records, each"
            + " of which then adds a full-data gradient pass (0 saves them: the same steps, the records without"
            + " gradient norms).")
    double gradientTolerance = Vocabulary.TRAIN.gradientTolerance();

    @Option(names = "--no-certificate", description = "Skip the end point's certificate (the verdict is then"
            + " the trajectory's; hess_eig_min/max are null).")
    boolean noCertificate;

    @Option(names = "--scaffold", paramLabel = "MODE", description = "What happens to the special neuron by the"
            + " end: lambda (λ raised by --scaffold-growth per round until max|a·E_i| < --scaffold-tolerance,"
            + " then the neuron dropped and the plain network fine-tuned), drop (train augmented, drop, fine-tune),"
            + " keep (ship the neuron, with a warning), none. Default: lambda with a neuron, none without"
            + " (docs/RESULTS.md §6).")
    String scaffoldMode;

    @Option(names = "--scaffold-tolerance", paramLabel = "TOL",
            description = "max_i |a·E_i| below which the neuron counts as gone (score units).")
    double scaffoldTolerance = Scaffold.TOLERANCE;

    @Option(names = "--scaffold-growth", paramLabel = "G", description = "λ's factor per round (--scaffold lambda).")
    double scaffoldGrowth = Scaffold.of(Scaffold.Mode.LAMBDA).growth();

    @Option(names = "--scaffold-rounds", paramLabel = "R", description = "Rounds of the augmented phase (--scaffold lambda).")
    int scaffoldRounds = Scaffold.of(Scaffold.Mode.LAMBDA).rounds();

    @Option(names = "--scaffold-share", paramLabel = "SHARE",
            description = "Share of --steps for the augmented phase (drop, lambda); the fine-tune gets the rest.")
    double scaffoldShare = Scaffold.of(Scaffold.Mode.LAMBDA).share();

    private boolean matched(String option) {
        return GivenOptions.given(spec, option);
    }

    /** With --out, one writer at a time for the model file and its checkpoint ({@link WriterLock}). */
    @SuppressWarnings("try") // the lock is held for the block and never read
    @Override
    public Integer call() {
        try (WriterLock lock = out == null ? null : WriterLock.beside(out, "oneneuron train --out " + out)) {
            return train();
        }
    }

    @SuppressWarnings("try") // the notice is held for the block and never read
    private Integer train() {
        PhaseClock clock = new PhaseClock();
        PrintWriter err = spec.commandLine().getErr();
        List<String> warnings = new ArrayList<>();
        String source = Inputs.data(dataArgument, dataOption);
        Inputs.requireNotInput("--out", out, "data file", source);
        ClassifierConfig config = config(warnings);
        checkOptions();
        Scaffold scaffold = scaffold(config);

        if (config.lambda() == 0 && config.neuron().present()) {
            warnings.add(ZERO_LAMBDA + " with the " + config.neuron().word() + " neuron: the guarantee (a = 0"
                    + " at every local minimum) is void");
        }
        Dataset dataset = data.load(source, common.threadsOr(Vocabulary.TRAIN.threads()));
        clock.charge(TrainingRun.LOAD);
        Task task = dataset.task();
        TaskFigures.checkFiguresFit(figures, task);
        config = config.withLoss(lossFor(config, dataset));
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
            warnings.add(dataset.name() + ": " + Plural.count(conflicts.size(), "group") + " of identical inputs with"
                    + (task == Task.REGRESSION ? " different targets (no function can fit them all), e.g. "
                    : " conflicting labels (no classifier can fit them all), e.g. ") + conflicts.get(0).describe());
        }
        if (config.heldOut() > 0 && dataset.n() < TrainingData.MIN_SPLIT_SIZE) {
            warnings.add(dataset.name() + " has " + Plural.count(dataset.n(), "sample") + ", fewer than "
                    + TrainingData.MIN_SPLIT_SIZE + ": nothing is held out");
        }
        warnings.addAll(unusedOptions(config, task));
        if (!common.json()) {
            // λ = 0 is also logged by the library (one line on stderr via LibraryLogging).
            warnings.stream().filter(w -> !w.startsWith(ZERO_LAMBDA))
                    .forEach(w -> err.println("warning: " + w));
            err.flush();
        }
        clock.charge(TrainingRun.CHECKS);
        TrainingRun run = new TrainingRun(config, dataset, source, out, checkpointEvery, resume,
                Progress.of(common, err), err, !noCertificate, clock, scaffold).labelColumn(data.label);
        TrainingRun.Outcome outcome;
        try (InterruptNotice notice = InterruptNotice.install(run::interrupted)) {
            outcome = run.execute();
        }
        PhaseClock last = new PhaseClock();
        if (!outcome.numericalTrouble() && scaffold.keepsNeuron()) {
            double kept = outcome.train().neuron().map(n -> n.maxContribution()).orElse(0.0);
            if (!(kept <= scaffold.tolerance())) {
                String w = String.format(java.util.Locale.ROOT, "the model keeps its special neuron (--scaffold keep)"
                        + " with max_i |a·E_i| = %.3g > %.1g on the training data: out of distribution its scores"
                        + " can explode; the default (--scaffold lambda) removes it", kept, scaffold.tolerance());
                warnings.add(w);
                if (!common.json()) {
                    err.println("warning: " + w);
                }
            }
        }
        if (!outcome.numericalTrouble()) {
            // the end point's scores on the (standardized) training data, remembered by the objective
            double[] theta = outcome.fit().theta();
            var objective = outcome.fit().problem().objective();
            NeuronDominance.warning(outcome.model(), outcome.data().train(), objective.scores(theta),
                    objective.networkScores(theta)).ifPresent(w -> {
                warnings.add(w);
                if (!common.json()) {
                    err.println("warning: " + w);
                }
            });
        }
        Path figure = null;
        if (!outcome.numericalTrouble() && figures != null) {
            var part = outcome.test().orElse(outcome.train());
            figure = TaskFigures.writeConfusionFigure(figures, part.figures(), outcome.model().labelNames(),
                    dataset.name() + (outcome.test().isPresent() ? ", held-out part" : ", training part"),
                    "oneneuron evaluate " + (out == null ? "MODEL" : out) + " " + source + (outcome.test().isPresent() ? " --split test" : "")
                            + " --figures " + figures);
        }
        last.charge(TrainingRun.ASSESSMENT);
        Map<String, Object> report = TrainReport.of(outcome, outcome.timings().then(last.timings()), warnings);
        report.put("confusion_figure", figure == null ? null : figure.toString());
        if (common.json()) {
            Json.print(spec.commandLine().getOut(), report);
        } else {
            TrainReport.printText(spec.commandLine().getOut(), report);
            EvaluateCommand.figureLine(spec.commandLine().getOut(), figure);
            spec.commandLine().getOut().flush();
        }
        if (outcome.numericalTrouble()) {
            Stop stop = outcome.fit().training().stop();
            throw new CommandFailure(ExitCodes.FAILURE, "training stopped: " + stop.message()
                    + noProgressHint(stop, config) + (out == null ? ""
                    : "; the model was not written" + (checkpointEvery > 0
                    && Files.exists(Checkpoints.path(out))
                    ? ", the last checkpoint is " + Checkpoints.path(out) : "")));
        }
        return ExitCodes.OK;
    }

    /** For a run that could not take a step: the options that make the loss that steep. */
    private static String noProgressHint(Stop stop, ClassifierConfig config) {
        if (stop.reason() != StopReason.NO_PROGRESS) {
            return "";
        }
        return config.neuron().present()
                ? "; a smaller --lambda (now " + config.lambda() + ") or another --optimizer may get it moving"
                : "; another --optimizer may get it moving";
    }

    /** The scaffold of the options, checked before any work; its messages name the options. */
    private Scaffold scaffold(ClassifierConfig config) {
        Scaffold scaffold;
        try {
            scaffold = (scaffoldMode == null ? Scaffold.defaultFor(config.neuron().present())
                    : Scaffold.parse(scaffoldMode)).withTolerance(scaffoldTolerance).withGrowth(scaffoldGrowth)
                    .withRounds(scaffoldRounds).withShare(scaffoldShare);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(OptionNames.rename(e.getMessage()), e);
        }
        if (scaffold.mode() != Scaffold.Mode.NONE && !config.neuron().present()) {
            throw new IllegalArgumentException("--scaffold " + scaffold.mode().word()
                    + " needs a special neuron; the network has none (--neuron none)");
        }
        return scaffold;
    }

    /** Options given that the chosen optimizer, neuron or scaffold does not read: a warning each. */
    private List<String> unusedOptions(ClassifierConfig config, Task task) {
        List<String> unused = new ArrayList<>();
        OptimizerKind kind = config.train().optimizer();
        boolean ownSteps = kind == OptimizerKind.LBFGS || kind == OptimizerKind.NEWTON_CG;
        String with = " has no effect with --optimizer " + training.optimizer;
        if (matched("--momentum") && kind != OptimizerKind.SGD) {
            unused.add("--momentum" + with);
        }
        if (matched("--lr") && ownSteps) {
            unused.add("--lr" + with + " (it chooses its own steps)");
        }
        if (matched("--clip") && ownSteps) {
            unused.add("--clip" + with);
        }
        if (matched("--target-scale") && task != Task.REGRESSION) {
            unused.add("--target-scale has no effect on a " + task.word() + " task (its targets are classes)");
        }
        if (matched("--lambda") && !config.neuron().present()) {
            unused.add("--lambda has no effect without a special neuron (--neuron none)");
        }
        Scaffold.Mode mode = scaffoldMode == null ? Scaffold.defaultFor(config.neuron().present()).mode()
                : Scaffold.parse(scaffoldMode).mode();
        for (String option : List.of("--scaffold-rounds", "--scaffold-growth", "--scaffold-share")) {
            boolean read = mode == Scaffold.Mode.LAMBDA
                    || option.equals("--scaffold-share") && mode == Scaffold.Mode.DROP;
            if (matched(option) && !read) {
                unused.add(option + " has no effect with --scaffold " + mode.word());
            }
        }
        return unused;
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
        if (historyEvery < 0) {
            throw new IllegalArgumentException("--history-every must be >= 0 (0 = automatic), got " + historyEvery);
        }
        if (!(gradientTolerance >= 0) || Double.isInfinite(gradientTolerance)) {
            throw new IllegalArgumentException("--gradient-tolerance must be >= 0 and finite (0 = off), got "
                    + gradientTolerance);
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
                .withBalancedClassWeights(objective.balanced()).withStandardizeTarget(objective.standardizeTarget())
                .withHeldOut(share)
                .withPrecision(training.precision())
                .withTrain(training.config(Vocabulary.TRAIN, common.threadsOr(Vocabulary.TRAIN.threads()))
                        .toBuilder().historyStride(historyEvery).gradientTolerance(gradientTolerance).build());
    }

    /**
     * The loss for the task: the task's default when --loss was not given, else the given loss when
     * it {@link Losses#fits fits} (the word squared on a regression is ½(f - t)², as docs/PAPER.md's
     * loss table reads it); a loss that does not fit is refused, naming --loss, as are class
     * weights on a regression, naming --class-weight.
     */
    private OutputLoss lossFor(ClassifierConfig config, Dataset dataset) {
        Task task = dataset.task();
        if (task == Task.REGRESSION && config.balancedClassWeights()) {
            throw new IllegalArgumentException("--class-weight balanced weighs classes; " + dataset.name()
                    + " is a regression (real-valued targets), which has none");
        }
        if (!matched("--loss")) {
            return config.lossFor(task);
        }
        if (task == Task.REGRESSION && config.loss() == Losses.SQUARED) {
            return Losses.TARGET_SQUARED;
        }
        Losses.checkFits(config.loss().word(), dataset.name(), task, dataset.outputs());
        return config.loss();
    }

    private void checkOptions() {
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("--checkpoint-every must be >= 0, got " + checkpointEvery);
        }
        if ((checkpointEvery > 0 || resume) && out == null) {
            throw new IllegalArgumentException("--checkpoint-every and --resume need --out (the"
                    + " checkpoint is written beside the model file)");
        }
        String special = out == null ? null : AtomicFiles.inPlaceKind(out);
        if ((checkpointEvery > 0 || resume) && special != null) {
            throw new IllegalArgumentException("--checkpoint-every and --resume need --out to be a regular file"
                    + " (the checkpoint is written beside it); " + out + " is " + special);
        }
    }
}
