package org.oneneuron.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Shape;
import org.oneneuron.landscape.NetworkPoints;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.OutputLoss;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.run.Fit;
import org.oneneuron.run.FitResult;
import org.oneneuron.run.Problem;
import org.oneneuron.run.ScaffoldFit;
import org.oneneuron.train.TrainConfig;

/**
 * A study's runs as the run floor's problems: a {@link RunSpec} names its data (prepared once by
 * {@link StudyData}), network, loss, reduction, λ, initializer and seed; the floor builds the
 * objective, draws θ₀ and trains ({@link Fit#together} takes runs that share all but their seed
 * onto the batched path when it can). A run's numbers depend only on its RunSpec.
 */
final class RunProblems {

    /** Trajectory points a run records (history stride = steps / this). */
    static final int TRAJECTORY_POINTS = 60;

    /**
     * One trained run: its prepared data, the fit, θ at a few steps (for the journal), and the wall
     * time spent before the fit (a scaffold's augmented phase).
     */
    record Trained(RunSpec run, StudyData.Prepared prepared, FitResult fit, ThetaPath thetaPath,
                   double secondsBefore) {
    }

    private final StudyData data;

    RunProblems(StudyData data) {
        this.data = data;
    }

    /**
     * The run's problem: its prepared training part, λ = 0 allowed (a study may ablate it). A
     * scaffold run's problem is the plain network its model ends as ({@link #train} fits the
     * skip-exp network first).
     */
    Problem problem(RunSpec run) {
        StudyData.Prepared prepared = prepared(run);
        NetworkSpec spec = network(run, prepared.train());
        OutputLoss loss = Losses.parseOutput(run.loss());
        Problem.Builder b = Problem.builder(spec, prepared.train()).loss(loss)
                .reduction(Reduction.parse(run.reduction())).lambda(run.lambda()).allowZeroLambda(true)
                .initializer(run.init().equals("normal") ? Initializer.STANDARD_NORMAL : Initializer.FAN_IN_UNIFORM)
                .seed(run.runSeed()).precision(run.precision()).threads(1).float32Rows(prepared.trainRows());
        if (NetworkPoints.minimumLoss(loss) == 0.0) { // the loss reaches 0: separating with margin is enough
            StudyData.leastLoss(run.data(), spec).ifPresent(b::leastLoss);
        }
        return b.build();
    }

    /**
     * The run's network on {@code data}: the MLP on the features as a vector with the data's K
     * outputs (one per class of a multi-class task, one neuron per output), or the layer graph on
     * the run's input shape (or the data's own, as IDX images keep theirs).
     *
     * @throws IllegalArgumentException naming the data set, the network and what does not fit
     */
    static NetworkSpec network(RunSpec run, Dataset data) {
        NeuronKind neuron = run.scaffold().isPresent() ? NeuronKind.NONE : NeuronKind.parse(run.neuron());
        if (!run.graph()) {
            return NetworkSpec.mlp(data.d(), run.hidden(), Activation.parse(run.activation()), neuron, data.outputs());
        }
        Shape shape = data.shape();
        if (!run.inputShape().isEmpty()) {
            shape = Shape.parse(run.inputShape());
            if (shape.size() != data.d()) {
                throw new IllegalArgumentException("input shape " + shape + " holds " + shape.size()
                        + " values per sample, but " + run.data() + " has " + data.d() + " features");
            }
        }
        try {
            return new NetworkSpec(shape, Architecture.parse(run.architecture()), neuron);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("architecture " + run.architecture() + " on " + run.data()
                    + " (input " + shape + "): " + e.getMessage(), e);
        }
    }

    /** The run's optimizer and stopping: its steps, no gradient-norm stop, its clip. */
    static TrainConfig config(RunSpec run) {
        return TrainConfig.defaults().toBuilder()
                .optimizer(OptimizerKind.parse(run.optimizer())).learningRate(run.learningRate())
                .maxSteps(run.steps()).batchSize(run.batch()).clipNorm(run.clip()).gradientTolerance(0)
                .seed(run.runSeed())
                .historyStride(Math.max(1, run.steps() / TRAJECTORY_POINTS)).threads(1).build();
    }

    /**
     * The key of the runs this run may be trained together with on the batched path, or empty
     * when it is trained alone.
     */
    Optional<String> batchKey(RunSpec run) {
        if (run.scaffold().isPresent() || !Fit.batchable(problem(run), config(run))) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s seed=%d held_out=%s", run.configKey(),
                run.studySeed(), run.heldOutFraction()));
    }

    /** Trains runs that share one {@link #batchKey} (or a single run); results in their order. */
    List<Trained> train(List<RunSpec> runs) {
        RunSpec first = runs.get(0);
        Optional<String> key = batchKey(first);
        for (RunSpec run : runs) {
            if (!key.equals(batchKey(run)) || key.isEmpty() && runs.size() != 1) {
                throw new IllegalArgumentException("run " + run.runIndex() + " cannot be trained together"
                        + " with run " + first.runIndex());
            }
        }
        if (first.scaffold().isPresent()) {
            Problem plain = problem(first);
            ScaffoldFit fit = ScaffoldFit.run(plain.withNeuron(NeuronKind.SKIP_EXP, first.lambda()), config(first),
                    first.scaffold().get());
            FitResult end = fit.plain();
            return List.of(new Trained(first, prepared(first), end, ThetaPath.recorded(
                    new int[] {0, Math.toIntExact(end.training().steps())},
                    new double[][] {plain.initialPoint(), end.theta()}), fit.augmentedSeconds()));
        }
        List<Problem> problems = new ArrayList<>(runs.size());
        for (RunSpec run : runs) {
            problems.add(problem(run));
        }
        int every = thetaStride(first, problems.get(0).spec().layout().dimension());
        List<FitResult> fits = Fit.together(problems, config(first), every);
        List<Trained> out = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            FitResult fit = fits.get(i);
            out.add(new Trained(runs.get(i), prepared(runs.get(i)), fit, thetaPath(fit), 0.0));
        }
        return out;
    }

    /**
     * Steps between stored θ points: a multiple of the history stride (so the batched path,
     * which keeps θ at history steps, stores the same steps) giving at most
     * {@link ThetaPath#pointsFor} points.
     */
    static int thetaStride(RunSpec run, int parameters) {
        int h = Math.max(1, run.steps() / TRAJECTORY_POINTS);
        int wanted = Math.max(1, (int) Math.ceil(run.steps() / (ThetaPath.pointsFor(parameters) - 1.0)));
        return h * (int) Math.ceil((double) wanted / h);
    }

    /** The kept points, the end point last (exact; added when its step was not kept). */
    private static ThetaPath thetaPath(FitResult fit) {
        long[] keptSteps = fit.kept().steps();
        double[][] keptThetas = fit.kept().thetas();
        long endStep = fit.training().steps();
        List<Integer> steps = new ArrayList<>();
        List<double[]> thetas = new ArrayList<>(List.of(keptThetas));
        for (long s : keptSteps) {
            steps.add(Math.toIntExact(s));
        }
        double[] end = fit.theta();
        if (steps.isEmpty() || steps.get(steps.size() - 1) != endStep) {
            steps.add(Math.toIntExact(endStep));
            thetas.add(end);
        } else {
            thetas.set(thetas.size() - 1, end);
        }
        return ThetaPath.recorded(steps.stream().mapToInt(Integer::intValue).toArray(),
                thetas.toArray(new double[0][]));
    }

    private StudyData.Prepared prepared(RunSpec run) {
        return data.prepare(run.data(), run.studySeed(), run.heldOutFraction());
    }
}
