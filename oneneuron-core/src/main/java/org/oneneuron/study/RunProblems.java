package org.oneneuron.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.run.Fit;
import org.oneneuron.run.FitResult;
import org.oneneuron.run.Problem;
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

    /** One trained run: its prepared data, the fit and θ at a few steps (for the journal). */
    record Trained(RunSpec run, StudyData.Prepared prepared, FitResult fit, ThetaPath thetaPath) {
    }

    private final StudyData data;

    RunProblems(StudyData data) {
        this.data = data;
    }

    /** The run's problem: its prepared training part, λ = 0 allowed (a study may ablate it). */
    Problem problem(RunSpec run) {
        StudyData.Prepared prepared = prepared(run);
        NetworkSpec spec = new NetworkSpec(prepared.train().d(), run.hidden(),
                Activation.parse(run.activation()), NeuronKind.parse(run.neuron()));
        return Problem.builder(spec, prepared.train()).loss(Losses.parse(run.loss()))
                .reduction(Reduction.parse(run.reduction())).lambda(run.lambda()).allowZeroLambda(true)
                .initializer(run.init().equals("normal") ? Initializer.STANDARD_NORMAL : Initializer.FAN_IN_UNIFORM)
                .seed(run.runSeed()).threads(1).build();
    }

    /** The run's optimizer and stopping: its steps, no gradient-norm stop, its clip. */
    static TrainConfig config(RunSpec run) {
        return TrainConfig.defaults().toBuilder()
                .optimizer(OptimizerKind.parse(run.optimizer())).learningRate(run.learningRate())
                .maxSteps(run.steps()).clipNorm(run.clip()).gradientTolerance(0).seed(run.runSeed())
                .historyStride(Math.max(1, run.steps() / TRAJECTORY_POINTS)).threads(1).build();
    }

    /**
     * The key of the runs this run may be trained together with on the batched path, or empty
     * when it is trained alone.
     */
    Optional<String> batchKey(RunSpec run) {
        if (!Fit.batchable(problem(run), config(run))) {
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
        List<Problem> problems = new ArrayList<>(runs.size());
        for (RunSpec run : runs) {
            problems.add(problem(run));
        }
        int every = thetaStride(first, problems.get(0).spec().layout().dimension());
        List<FitResult> fits = Fit.together(problems, config(first), every);
        List<Trained> out = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            FitResult fit = fits.get(i);
            out.add(new Trained(runs.get(i), prepared(runs.get(i)), fit, thetaPath(fit)));
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
