package org.oneneuron.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.batch.TinyNetBatch;
import org.oneneuron.batch.TinyNetProblem;
import org.oneneuron.batch.TinyRun;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.InfinityDiagnostics;
import org.oneneuron.train.Provenance;
import org.oneneuron.train.Stop;
import org.oneneuron.train.StopReason;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.Trainer;
import org.oneneuron.train.TrainingHistory;
import org.oneneuron.train.TrainingResult;

/**
 * Trains a study's runs. Runs that the batched path takes (full-batch GD on a tiny one-hidden-layer
 * network, see {@link TinyNetProblem#supports}) and that share a {@link #batchKey} are trained
 * together by {@link TinyNetBatch}; the end point's final loss and gradient, and the last
 * trajectory point, come from the engine's {@link NetworkObjective}, as {@link Trainer} computes
 * them. Every other run, and every batched run that met trouble (non-finite values, exp(u)
 * outside the normal range, divergence) or whose end point the engine rejects, is trained by
 * {@link Trainer} alone, so such runs report their stop in the trainer's words. A run's numbers
 * depend only on its RunSpec, never on the runs that share its batch.
 */
final class RunTraining {

    /** Trajectory points a run records (history stride = steps / this). */
    static final int TRAJECTORY_POINTS = 60;

    /** One trained run: its data, objective, start and the training result. */
    record Trained(RunSpec run, StudyData.Prepared prepared, NetworkSpec spec, NetworkObjective objective,
                   double[] theta0, TrainingResult result) {
    }

    private final StudyData data;

    RunTraining(StudyData data) {
        this.data = data;
    }

    /**
     * The key of the runs this run may be trained together with on the batched path, or empty
     * when it goes to the engine alone.
     */
    Optional<String> batchKey(RunSpec run) {
        if (OptimizerKind.parse(run.optimizer()) != OptimizerKind.GD) {
            return Optional.empty();
        }
        NetworkSpec spec = spec(run, prepared(run).train());
        if (!TinyNetProblem.supports(spec)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s seed=%d held_out=%s", run.configKey(),
                run.studySeed(), run.heldOutFraction()));
    }

    /**
     * Trains the runs, which must share one {@link #batchKey} (or be a single run); results in
     * the runs' order.
     */
    List<Trained> train(List<RunSpec> runs) {
        RunSpec first = runs.get(0);
        Optional<String> key = batchKey(first);
        if (key.isEmpty()) {
            if (runs.size() != 1) {
                throw new IllegalArgumentException("only batchable runs can be trained together; "
                        + "run " + first.runIndex() + " is not");
            }
            return List.of(engine(first));
        }
        for (RunSpec run : runs) {
            if (!key.equals(batchKey(run))) {
                throw new IllegalArgumentException("run " + run.runIndex() + " does not share run "
                        + first.runIndex() + "'s batch key");
            }
        }
        long start = System.nanoTime();
        Dataset train = prepared(first).train();
        NetworkSpec spec = spec(first, train);
        TinyNetProblem problem = new TinyNetProblem(spec, train, Losses.parse(first.loss()),
                Reduction.parse(first.reduction()), first.lambda(), first.learningRate(), first.clip(),
                TrainConfig.defaults().divergenceFactor(), stride(first));
        double[][] starts = new double[runs.size()][];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = start(runs.get(i), spec);
        }
        List<TinyRun> batched = TinyNetBatch.train(problem, starts, first.steps());
        double seconds = (System.nanoTime() - start) * 1e-9 / runs.size();
        List<Trained> out = new ArrayList<>(runs.size());
        for (int i = 0; i < starts.length; i++) {
            RunSpec run = runs.get(i);
            TinyRun tiny = batched.get(i);
            Optional<Trained> t = tiny.clean() ? finish(run, spec, starts[i], tiny, seconds)
                    : Optional.empty();
            out.add(t.orElseGet(() -> engine(run)));
        }
        return out;
    }

    private StudyData.Prepared prepared(RunSpec run) {
        return data.prepare(run.data(), run.studySeed(), run.heldOutFraction());
    }

    private static NetworkSpec spec(RunSpec run, Dataset train) {
        return new NetworkSpec(train.d(), run.hidden(), Activation.parse(run.activation()),
                NeuronKind.parse(run.neuron()));
    }

    private static NetworkObjective objective(RunSpec run, NetworkSpec spec, Dataset train) {
        return NetworkObjective.builder(spec, train).loss(Losses.parse(run.loss()))
                .reduction(Reduction.parse(run.reduction())).lambda(run.lambda()).allowZeroLambda(true)
                .build();
    }

    private static double[] start(RunSpec run, NetworkSpec spec) {
        Initializer init = run.init().equals("normal") ? Initializer.STANDARD_NORMAL : Initializer.FAN_IN_UNIFORM;
        return init.initialize(spec.layout(), run.runSeed());
    }

    private static int stride(RunSpec run) {
        return Math.max(1, run.steps() / TRAJECTORY_POINTS);
    }

    private static TrainConfig config(RunSpec run) {
        return TrainConfig.defaults().toBuilder()
                .optimizer(OptimizerKind.parse(run.optimizer())).learningRate(run.learningRate())
                .maxSteps(run.steps()).clipNorm(run.clip()).gradientTolerance(0).seed(run.runSeed())
                .historyStride(stride(run)).threads(1).build();
    }

    /** The run on the engine alone: NetworkObjective + Trainer. */
    private Trained engine(RunSpec run) {
        StudyData.Prepared prepared = prepared(run);
        NetworkSpec spec = spec(run, prepared.train());
        NetworkObjective objective = objective(run, spec, prepared.train());
        double[] theta0 = start(run, spec);
        return new Trained(run, prepared, spec, objective, theta0, Trainer.train(objective, theta0, config(run)));
    }

    /**
     * The TrainingResult of a clean batched run: the batch's trajectory, then the end point's
     * loss, gradient norm and last trajectory point from the engine, as {@link Trainer} ends.
     * Empty when the engine finds the end point non-finite.
     */
    private Optional<Trained> finish(RunSpec run, NetworkSpec spec, double[] theta0, TinyRun tiny,
                                     double seconds) {
        StudyData.Prepared prepared = prepared(run);
        NetworkObjective objective = objective(run, spec, prepared.train());
        double[] theta = tiny.theta();
        double[] gradient = new double[theta.length];
        double finalLoss;
        Optional<NeuronSnapshot> neuron;
        try {
            finalLoss = objective.valueAndGradient(theta, gradient);
            neuron = objective.neuron(theta);
        } catch (ArithmeticException nonFinite) {
            return Optional.empty();
        }
        double finalGradient = norm(gradient);
        TrainingHistory history = history(tiny, run.steps(), theta, finalLoss, finalGradient, neuron);
        TrainConfig config = config(run);
        TrainingResult result = new TrainingResult(theta, OptimizerKind.GD.word(), finalLoss,
                finalGradient, run.steps(), seconds, 0,
                new Stop(StopReason.MAX_STEPS, run.steps(), "step budget " + run.steps() + " used"),
                history, InfinityDiagnostics.defaults().assess(history), Provenance.capture(config));
        return Optional.of(new Trained(run, prepared, spec, objective, theta0, result));
    }

    /** The batch's records plus, unless the last step was recorded, the engine's final point. */
    private static TrainingHistory history(TinyRun tiny, long steps, double[] theta, double finalLoss,
                                           double finalGradient, Optional<NeuronSnapshot> neuron) {
        long[] s = tiny.steps();
        int k = s.length;
        boolean addFinal = k == 0 || s[k - 1] != steps;
        int m = addFinal ? k + 1 : k;
        boolean hasNeuron = neuron.isPresent();
        long[] outSteps = Arrays.copyOf(s, m);
        double[] loss = Arrays.copyOf(tiny.loss(), m);
        double[] grad = Arrays.copyOf(tiny.gradientNorm(), m);
        double[] thetaNorm = Arrays.copyOf(tiny.thetaNorm(), m);
        int nm = hasNeuron ? m : 0;
        double[] net = Arrays.copyOf(tiny.networkOnlyLoss(), nm);
        double[] a = Arrays.copyOf(tiny.a(), nm);
        double[] b = Arrays.copyOf(tiny.b(), nm);
        double[] w = Arrays.copyOf(tiny.wNorm(), nm);
        double[] max = Arrays.copyOf(tiny.maxContribution(), nm);
        double[][] thetas = Arrays.copyOf(tiny.thetas(), m);
        if (addFinal) {
            outSteps[k] = steps;
            loss[k] = finalLoss;
            grad[k] = finalGradient;
            thetaNorm[k] = norm(theta);
            thetas[k] = theta.clone();
            if (hasNeuron) {
                NeuronSnapshot n = neuron.get();
                net[k] = n.networkOnlyLoss();
                a[k] = n.a();
                b[k] = n.b();
                w[k] = n.wNorm();
                max[k] = n.maxContribution();
            }
        }
        boolean tracked = theta.length <= TrainingHistory.MAX_TRACKED_COORDINATES;
        return new TrainingHistory(outSteps, loss, grad, thetaNorm, net, a, b, w, max,
                tracked ? thetas : new double[0][]);
    }

    /** sqrt(Σ v²) in index order, as the trainer computes its final norms. */
    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
