package org.oneneuron.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.oneneuron.data.Dataset;
import org.oneneuron.landscape.CertifyConfig;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.run.Assessment;
import org.oneneuron.run.ClassifierConfig;
import org.oneneuron.run.Fit;
import org.oneneuron.run.FitResult;
import org.oneneuron.run.Model;
import org.oneneuron.run.Problem;
import org.oneneuron.run.Scaffold;
import org.oneneuron.run.ScaffoldFit;
import org.oneneuron.run.ScaffoldState;
import org.oneneuron.run.TrainingData;
import org.oneneuron.train.Stop;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.PhaseClock;
import org.oneneuron.train.Timings;
import org.oneneuron.train.TrainingListener;

/**
 * What {@code train} adds to the library's fit ({@link org.oneneuron.run.Classifier} runs the
 * same floor: prepare the data, the problem, θ₀ from the seed, the fit, the model): checkpoints
 * beside the model file and resuming from them ({@link Checkpoints} holds where they lie and the
 * checks that refuse another run's), progress on stderr, and the end point's certificate. Nothing
 * here builds an objective or draws θ₀.
 */
final class TrainingRun {

    /**
     * What a run produced: the model (written to {@code modelFile} unless there was trouble), the
     * fit (the fine-tune's for a drop or lambda schedule, whose rounds {@code scaffold} holds), the
     * steps of the whole run (a resumed run's earlier ones and a schedule's augmented ones included)
     * and of this invocation, the prepared data, the assessment of the training part (with the end
     * point's certificate unless there was numerical trouble) and of the held-out part.
     */
    record Outcome(Model model, FitResult fit, long totalSteps, long stepsThisRun, Optional<ScaffoldFit> scaffold,
                   TrainingData data, Assessment train, Optional<Assessment> test, Path modelFile, Timings timings) {

        /** True when training ended in numerical trouble: NaN/Inf, divergence, no progress (exit code 1). */
        boolean numericalTrouble() {
            return fit.training().stop().reason().numericalTrouble();
        }
    }

    /**
     * How the end point is certified: no random perturbations, and the exact dense Hessian only
     * for small models (Lanczos, at most 40 Hessian-vector products, above 300 parameters), so
     * certification stays a small fraction of a training run ({@link #endPointCheck}).
     */
    static final CertifyConfig END_POINT_CHECK =
            CertifyConfig.defaults().withPerturbations(0).withDenseLimit(300);

    /** Phase names of the command's {@link Timings} (the fit adds the trainer's). */
    static final String LOAD = "load";
    static final String CHECKS = "checks";
    static final String PREPARE = "prepare";
    /** --scaffold drop or lambda: the rounds with the neuron before the fine-tune (whose phases follow). */
    static final String AUGMENTED = "augmented_phases";
    static final String MODEL = "model";
    static final String WRITE = "write";
    static final String ASSESSMENT = "assessment";
    static final String CERTIFICATE = "certificate";

    private final ClassifierConfig config;
    private final Dataset dataset;
    private final String dataSource;
    private final Path out;
    private final long checkpointEvery;
    private final boolean resume;
    private final Progress progress;
    private final PrintWriter err;
    private final boolean certify;
    private final PhaseClock clock;
    private final Scaffold scaffold;
    private String labelColumn;

    /** A run that keeps the special neuron ({@code --scaffold keep}). */
    TrainingRun(ClassifierConfig config, Dataset dataset, String dataSource, Path out,
                long checkpointEvery, boolean resume, Progress progress, PrintWriter err,
                boolean certify, PhaseClock clock) {
        this(config, dataset, dataSource, out, checkpointEvery, resume, progress, err, certify, clock,
                Scaffold.of(Scaffold.Mode.KEEP));
    }

    /**
     * {@code dataSource} is the DATA argument as given, recorded so that export can reread it; a
     * {@link Scaffold} schedule of drop or lambda ends in a plain model (its checkpoints carry the
     * schedule's state, {@link ScaffoldState}, and resume in the phase they were written in).
     */
    TrainingRun(ClassifierConfig config, Dataset dataset, String dataSource, Path out,
                long checkpointEvery, boolean resume, Progress progress, PrintWriter err,
                boolean certify, PhaseClock clock, Scaffold scaffold) {
        this.scaffold = scaffold;
        this.config = config;
        this.dataset = dataset;
        this.dataSource = dataSource;
        this.out = out;
        this.checkpointEvery = checkpointEvery;
        this.resume = resume;
        this.progress = progress;
        this.err = err;
        this.certify = certify;
        this.clock = clock;
    }

    /**
     * Records the label column the data was read with ({@code --label}) in the model's provenance
     * ({@code label_column}), so that evaluate and predict find it again in the same file.
     */
    TrainingRun labelColumn(String column) {
        this.labelColumn = column;
        return this;
    }

    /** steps_done of the last checkpoint written by this run ("" when it records none); null before the first. */
    private volatile String checkpointed;

    /**
     * What a stop (Ctrl-C) part-way says when checkpoints are written, e.g. "interrupted; the
     * checkpoint m.json.checkpoint holds 500 steps: run the same command with --resume to continue
     * from it"; null without checkpoints. Reads one volatile field: a shutdown hook calls it.
     */
    String interrupted() {
        return Checkpoints.interrupted(out, checkpointEvery, resume, checkpointed);
    }

    Outcome execute() {
        TrainingData data = TrainingData.prepare(dataset, config);
        Problem configured = config.problem(data.scaledTrain());
        Problem problem = scaffold.mode() == Scaffold.Mode.NONE && configured.spec().neuron().present()
                ? configured.withNeuron(NeuronKind.NONE, configured.lambda()) // --scaffold none: the plain network
                : configured;
        Path checkpoint = out == null ? null : Checkpoints.path(out);
        boolean scaffolded = scaffold.mode() == Scaffold.Mode.DROP || scaffold.mode() == Scaffold.Mode.LAMBDA;
        Model saved = null;
        if (resume && Files.exists(checkpoint)) {
            saved = Model.load(checkpoint);
        } else if (resume && !progressSilent()) {
            err.println("no checkpoint at " + checkpoint + "; starting from the beginning");
        }
        Map<String, String> runKey = checkpointEvery > 0 || saved != null
                ? Checkpoints.runKey(config, data) : Map.of();
        if (saved != null) {
            Checkpoints.requireSameRun(saved, checkpoint, runKey);
        }
        ScaffoldState from = saved != null && scaffolded
                ? Checkpoints.scaffoldState(saved, checkpoint, problem, scaffold) : null;
        double[] start = problem.initialPoint();
        long before = 0;
        if (saved != null) {
            if (!scaffolded) {
                Checkpoints.requirePlain(saved, checkpoint, problem);
            }
            start = saved.theta();
            before = Long.parseLong(saved.provenance().getOrDefault("steps_done", "0"));
            if (!progressSilent()) {
                err.println("resuming from " + checkpoint + " after " + Plural.count(before, "step")
                        + (config.train().optimizer() == OptimizerKind.GD ? ""
                        : " (" + config.train().optimizer().word() + "'s own state restarts from the checkpoint's θ:"
                        + " the run will not match an uninterrupted one bit for bit)"));
            }
        }
        long remaining = Math.max(0, config.train().maxSteps() - before);
        TrainConfig runConfig = config.train().toBuilder().maxSteps(scaffolded ? config.train().maxSteps() : remaining)
                .build();

        long offset = before;
        TrainingListener show = new TrainingListener() {
            @Override
            public String onStep(long step, double[] theta, double loss, double gradientNorm) {
                progress.update(step, () -> String.format(Locale.ROOT, "loss %.6g", loss));
                return null;
            }

            @Override
            public void onFinish(double[] theta, Stop stop) {
                progress.finish();
            }
        };
        TrainingListener save = (step, theta, loss, gradientNorm) -> {
            if (checkpointEvery > 0 && step > 0 && step % checkpointEvery == 0) {
                Map<String, String> written = new LinkedHashMap<>(runKey);
                written.put("steps_done", Long.toString(offset + step));
                Model.at(problem, data, theta, written).save(checkpoint);
                checkpointed = written.get("steps_done");
            }
            return null;
        };
        progress.start("train", Math.max(1, scaffolded ? runConfig.maxSteps() : remaining));
        clock.charge(PREPARE);
        FitResult fit;
        Map<String, String> provenance;
        Timings augmented = Timings.none();
        ScaffoldFit scaffoldFit = null;
        long totalSteps;
        long stepsThisRun;
        if (scaffolded) {
            PhaseClock scaffoldClock = new PhaseClock();
            ScaffoldFit.Checkpoints sink = (phase, theta, state) -> {
                Map<String, String> written = new LinkedHashMap<>(runKey);
                written.putAll(state.toProvenance(scaffold));
                Model.at(phase, data, theta, written).save(checkpoint);
                checkpointed = written.getOrDefault("steps_done", "");
            };
            scaffoldFit = ScaffoldFit.resume(problem, runConfig, scaffold, from, start, checkpointEvery,
                    sink, show);
            fit = scaffoldFit.plain();
            scaffoldClock.charge(AUGMENTED);
            Timings whole = scaffoldClock.timings();
            augmented = new Timings(List.of(new Timings.Phase(AUGMENTED,
                    Math.max(0, whole.seconds(AUGMENTED) - fit.timings().totalSeconds()),
                    Math.max(0, whole.cpuSeconds(AUGMENTED) - fit.timings().totalCpuSeconds()))));
            clock.skip();
            totalSteps = scaffoldFit.steps();
            stepsThisRun = totalSteps - (from == null ? 0 : from.stepsDone());
            provenance = provenance(totalSteps);
            provenance.putAll(scaffoldFit.provenance());
        } else {
            fit = Fit.from(problem, start, runConfig, show, save);
            totalSteps = offset + fit.training().steps();
            stepsThisRun = fit.training().steps();
            provenance = provenance(totalSteps);
            if (problem.spec().neuron().present()) {
                provenance.put("scaffold", Scaffold.Mode.KEEP.word());
            }
        }
        PhaseClock after = new PhaseClock();
        Model model = Model.of(fit, data, provenance);
        after.charge(MODEL);
        boolean trouble = fit.training().stop().reason().numericalTrouble();
        if (out != null && !trouble) {
            model.save(out);
            Checkpoints.delete(checkpoint);
        }
        after.charge(WRITE);
        Problem ended = fit.problem();
        Assessment train = Assessment.of(ended, fit.theta()).inTargetUnits(data.target());
        Optional<Assessment> test = data.heldOut().map(model::assess);
        after.charge(ASSESSMENT);
        if (!trouble && certify) {
            train = train.certified(ended, fit.theta(), Optional.of(fit.training().infinity().verdict()),
                    endPointCheck(ended, fit));
            after.charge(CERTIFICATE);
        }
        Timings timings = clock.timings().then(augmented).then(fit.timings()).then(after.timings());
        return new Outcome(model, fit, totalSteps, stepsThisRun, Optional.ofNullable(scaffoldFit), data, train, test,
                trouble ? null : out, timings);
    }

    /** Curvature work (sample-gradients × parameters) that is always affordable: ~1e9, a second or less. */
    static final double SMALL_CURVATURE_WORK = 1e9;

    /**
     * {@link #END_POINT_CHECK}, computing the Hessian's extremes only at a stationary point (where
     * alone they can change the verdict) when they would cost more than a quarter of the training
     * and more than {@link #SMALL_CURVATURE_WORK}. In units of one sample's gradient times the
     * parameters P: a Hessian-vector product costs about two gradients over the n samples, Lanczos
     * takes up to 40 of them (the dense Hessian one per parameter up to 300), and training took
     * one gradient over B samples per step (B = n for full-batch optimizers; line searches not
     * counted).
     */
    static CertifyConfig endPointCheck(Problem problem, FitResult fit) {
        int n = problem.data().n();
        int dimension = problem.spec().layout().dimension();
        long products = dimension <= END_POINT_CHECK.denseLimit() ? dimension
                : END_POINT_CHECK.lanczos().steps();
        int batch = fit.training().provenance().config().batchSize();
        long perStep = batch > 0 && batch < n ? batch : n;
        double curvature = 2.0 * products * n * dimension;
        double training = (double) fit.training().steps() * perStep * dimension;
        return END_POINT_CHECK.withCurvatureWhenStationary(
                curvature > Math.max(0.25 * training, SMALL_CURVATURE_WORK));
    }

    private boolean progressSilent() {
        return progress.mode() == Progress.Mode.SILENT;
    }

    private Map<String, String> provenance(long stepsDone) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("seed", Long.toString(config.train().seed()));
        map.put("steps_done", Long.toString(stepsDone));
        map.put("data", dataSource);
        if (labelColumn != null) {
            map.put("label_column", labelColumn);
        }
        return map;
    }
}
