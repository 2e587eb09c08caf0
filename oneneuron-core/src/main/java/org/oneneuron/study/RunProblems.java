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

    /** One trained run: its prepared data and the fit. */
    record Trained(RunSpec run, StudyData.Prepared prepared, FitResult fit) {
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
        List<FitResult> fits = Fit.together(problems, config(first));
        List<Trained> out = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            out.add(new Trained(runs.get(i), prepared(runs.get(i)), fits.get(i)));
        }
        return out;
    }

    private StudyData.Prepared prepared(RunSpec run) {
        return data.prepare(run.data(), run.studySeed(), run.heldOutFraction());
    }
}
