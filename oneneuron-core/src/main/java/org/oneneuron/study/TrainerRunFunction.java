package org.oneneuron.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Task;
import org.oneneuron.landscape.OutputNeurons;
import org.oneneuron.train.OutputRoad;
import org.oneneuron.landscape.Certificate;
import org.oneneuron.landscape.Certifier;
import org.oneneuron.landscape.CertifyConfig;
import org.oneneuron.landscape.DataFloor;
import org.oneneuron.landscape.EscapeConfig;
import org.oneneuron.landscape.KinkReport;
import org.oneneuron.landscape.NetworkPoints;
import org.oneneuron.landscape.LanczosConfig;
import org.oneneuron.landscape.PointContext;
import org.oneneuron.landscape.Slice;
import org.oneneuron.landscape.SliceConfig;
import org.oneneuron.landscape.Slices;
import org.oneneuron.eval.Metrics;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.LayerSpec;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.model.ParameterLayout;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.run.FitResult;
import org.oneneuron.train.TrainingHistory;
import org.oneneuron.train.TrainingResult;
import org.oneneuron.study.RunProblems.Trained;

/**
 * A run on the project's engine through the run floor: the run's problem (any NeuronKind, any
 * margin loss) fitted for {@code steps} steps with the run's optimizer and gradient clip
 * (full-batch GD on tiny one-hidden-layer networks goes to the batched path, several runs at once,
 * see {@link RunProblems}; version 2 of the name marks that), then certified by
 * {@link Certifier} (Lanczos curvature at a stationary end point, no perturbation probe) with the
 * trainer's infinity verdict attached. Tolerances follow PAPER.md §5 so that verdicts and the near-zero
 * statistics speak of the same thing: loss and contribution 1e-2, gradient 1e-3.
 * Deterministic given the RunSpec; single-threaded objective.
 */
public final class TrainerRunFunction implements RunFunction {

    private final StudyData data;
    private final RunProblems training;

    /** A run function over its own data cache. */
    public TrainerRunFunction() {
        this(new StudyData());
    }

    /** A run function over a shared data cache. */
    public TrainerRunFunction(StudyData data) {
        this.data = data;
        this.training = new RunProblems(data);
    }

    @Override
    public String name() {
        return "engine-trainer-certifier/2";
    }

    @Override
    public Map<String, String> dataHashes(StudySpec spec) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String name : spec.data()) {
            hashes.put(name, data.hash(name));
        }
        return hashes;
    }

    @Override
    public void check(StudySpec spec) {
        spec.optimizers().forEach(OptimizerKind::parse);
        spec.losses().forEach(Losses::parseOutput);
        Reduction.parse(spec.reduction());
        spec.activations().forEach(Activation::parse);
        spec.neurons().forEach(n -> {
            if (n.startsWith(RunSpec.SCAFFOLD)) {
                RunSpec.scaffoldOf(n);
            } else {
                NeuronKind.parse(n);
            }
        });
        for (String name : spec.data()) {
            Dataset raw = data.raw(name);
            for (String word : spec.losses()) {
                Losses.checkFits(word, name, raw.task(), raw.outputs());
            }
        }
        for (RunSpec run : spec.expand()) {
            if (run.graph() && run.restart() == 0) {
                RunProblems.network(run, data.raw(run.data()));
            }
        }
    }

    /** Trains one run (alone). */
    Trained train(RunSpec run) {
        return training.train(List.of(run)).get(0);
    }

    /**
     * Replays an augmented run and evaluates the loss on the plane through its start θ₀ (0, 0), its
     * end θ* (1, 0) and θ* with a set to 0, the network alone (0, 1). Empty for plain runs and when
     * the three points are collinear (a* = 0 already).
     *
     * @param run  the run
     * @param grid points per axis
     */
    public Optional<Slice> slice(RunSpec run, int grid) {
        if (!run.augmented()) {
            return Optional.empty();
        }
        FitResult fit = train(run).fit();
        double[] end = fit.theta();
        double[] alone = end.clone();
        ParameterLayout layout = fit.problem().spec().layout();
        java.util.Arrays.fill(alone, layout.neuronAOffset(), layout.neuronAOffset() + fit.problem().spec().outputs(), 0.0);
        try {
            return Optional.of(Slices.planeThrough(fit.problem().objective(), new double[][] {fit.start(), end, alone},
                    List.of("start", "end", "network alone"),
                    SliceConfig.defaults().withGrid(grid).withThreads(1)));
        } catch (IllegalArgumentException collinear) {
            return Optional.empty();
        }
    }

    @Override
    public RunOutcome run(RunSpec run) {
        return outcome(train(run), System.nanoTime());
    }

    @Override
    public Optional<String> batchKey(RunSpec run) {
        return training.batchKey(run);
    }

    @Override
    public void runBatch(List<RunSpec> runs, BiConsumer<RunSpec, RunOutcome> finished,
                         BooleanSupplier carryOn) {
        List<Trained> trained = training.train(runs);
        for (int i = 0; i < runs.size(); i++) {
            if (!carryOn.getAsBoolean()) {
                return;
            }
            finished.accept(runs.get(i), outcome(trained.get(i), System.nanoTime()));
        }
    }

    /** Certifies a trained run; its wall time is the training's share plus the time from start. */
    private RunOutcome outcome(Trained t, long start) {
        RunSpec run = t.run();
        StudyData.Prepared prepared = t.prepared();
        NetworkObjective objective = t.fit().problem().objective();
        TrainingResult result = t.fit().training();
        double[] theta = result.theta();
        Optional<NeuronSnapshot> neuron = objective.neuron(theta);
        double trainError = 1 - accuracy(objective, prepared.train(), theta);
        String diagnostic = result.stop().reason().numericalTrouble() ? result.stop().message() : "";
        Certificate certificate = certificate(t, trainError, certifyConfig(run));
        double heldOut = prepared.heldOut() == null ? Double.NaN
                : accuracy(objective, prepared.heldOut(), theta);
        double heldOutRmse = prepared.heldOut() == null || prepared.heldOut().task() != Task.REGRESSION ? Double.NaN
                : rmse(objective, prepared.heldOut(), theta);
        double seconds = t.secondsBefore() + result.seconds() + (System.nanoTime() - start) / 1e9;
        return new RunOutcome(result.finalLoss(),
                neuron.map(NeuronSnapshot::networkOnlyLoss).orElse(objective.dataLoss(theta)),
                result.finalGradientNorm(), neuron.map(NeuronSnapshot::a).orElse(Double.NaN),
                neuron.map(NeuronSnapshot::b).orElse(Double.NaN),
                neuron.map(NeuronSnapshot::wNorm).orElse(Double.NaN),
                neuron.map(NeuronSnapshot::maxContribution).orElse(Double.NaN), 1 - trainError,
                heldOut, certificate.verdict().word(), certificate.reason() + "; trajectory: "
                + result.infinity().evidence(), (int) result.steps(), seconds, diagnostic,
                trajectory(result.history()), t.thetaPath(), outputNeurons(objective, theta, result), heldOutRmse);
    }

    /** Each output's neuron and road of a K-output augmented run (K ≥ 2); empty otherwise. */
    private static List<OutputNeuronOutcome> outputNeurons(NetworkObjective objective, double[] theta,
                                                           TrainingResult result) {
        if (objective.outputs() < 2 || !objective.layout().hasNeuron()) {
            return List.of();
        }
        List<OutputNeuronOutcome> list = new ArrayList<>();
        for (OutputNeurons.Figures f : OutputNeurons.of(objective, theta)) {
            Optional<OutputRoad> road = result.infinity().outputs().stream()
                    .filter(r -> r.output() == f.output()).findFirst();
            list.add(new OutputNeuronOutcome(f.output(), f.a(), f.b(), f.wNorm(), f.maxContribution(),
                    road.map(OutputRoad::growing).orElse(List.of()),
                    road.map(OutputRoad::runningOff).orElse(false)));
        }
        return list;
    }

    /**
     * The certificate of a trained run's end point under {@code config}, the trainer's infinity
     * verdict attached.
     *
     * @param trainError the training error at the end point
     */
    static Certificate certificate(Trained t, double trainError, CertifyConfig config) {
        NetworkSpec spec = t.fit().problem().spec();
        NetworkObjective objective = t.fit().problem().objective();
        ParameterLayout layout = spec.layout();
        TrainingResult result = t.fit().training();
        double[] theta = result.theta();
        PointContext context = spec.neuron().present()
                ? PointContext.augmented(trainError, layout.neuronAOffset(), layout.neuronBOffset(),
                        t.run().lambda(), kinks(spec))
                : PointContext.plain(trainError, kinks(spec));
        // the loss's own floor: 0 where ℓ reaches 0, none for logistic and softmax cross-entropy
        context = context.withMinimumLoss(NetworkPoints.minimumLoss(objective.loss()))
                .withDataFloor(DataFloor.of(objective))
                .withEscape(NetworkPoints.escapeProbe(objective, EscapeConfig.defaults()))
                .withLeastLoss(t.fit().problem().leastLoss(theta));
        return Certifier.certify(objective, theta, context.withTrajectory(result.infinity().verdict(), result.stop()), config);
    }

    /**
     * The certificate's settings for a run's end point: PAPER.md §5's tolerances, Lanczos curvature
     * only at a stationary point (elsewhere the curvature cannot change the verdict or its reason,
     * the only part of the certificate a journal line keeps, so Lanczos's up to 40 Hessian-vector
     * products, about two thirds of a 30-step MNIST CNN run's CPU time, would change nothing), no
     * perturbation probe.
     */
    static CertifyConfig certifyConfig(RunSpec run) {
        return new CertifyConfig(1e-3, 1e-4, StudySummary.NEAR_ZERO, 0,
                LanczosConfig.defaults(), 0, 1e-3, run.runSeed()).withCurvatureWhenStationary(true);
    }

    /**
     * The objective a run trains (its data split, network, loss and λ; one thread), built without
     * training: landscape pictures evaluate it at the journal's θ points.
     */
    public NetworkObjective objective(RunSpec run) {
        return training.problem(run).objective();
    }

    /** The run's start θ₀ (from its seed), as training draws it. */
    public double[] start(RunSpec run) {
        return training.problem(run).initialPoint();
    }

    private static KinkReport kinks(NetworkSpec spec) {
        return kinked(spec.layers())
                ? new KinkReport("kinks not examined by the study; curvature describes one smooth piece",
                        0, 0, 0.0)
                : KinkReport.smooth();
    }

    /** Whether a layer is piecewise smooth: a relu or leaky relu, or a max pooling. */
    private static boolean kinked(List<LayerSpec> layers) {
        for (LayerSpec layer : layers) {
            boolean kink = layer instanceof LayerSpec.Act act
                    && (act.activation().kind() == Activation.Kind.RELU
                        || act.activation().kind() == Activation.Kind.LEAKY_RELU)
                    || layer instanceof LayerSpec.Pool pool && pool.max()
                    || layer instanceof LayerSpec.Residual res && kinked(res.body());
            if (kink) {
                return true;
            }
        }
        return false;
    }

    /**
     * The one accuracy rule on any data set: right when y·f~ > 0 ({@link Metrics#accuracy}), or
     * with K classes when the true class's score is strictly the largest ({@link Metrics#classError});
     * NaN for a regression.
     */
    private static double accuracy(NetworkObjective objective, Dataset d, double[] theta) {
        int k = objective.outputs();
        double[] scores = new double[d.n() * k];
        objective.scores(theta, d.x(), d.n(), scores);
        return switch (d.task()) {
            case BINARY -> Metrics.accuracy(scores, d.y());
            case MULTICLASS -> 1 - Metrics.classError(scores, k, d.y());
            case REGRESSION -> Double.NaN;
        };
    }

    /** √(mean (f~(x_i) - t_i)²) of a regression's samples, in the targets' units (they are not rescaled). */
    private static double rmse(NetworkObjective objective, Dataset d, double[] theta) {
        double[] scores = new double[d.n()];
        objective.scores(theta, d.x(), d.n(), scores);
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            double e = scores[i] - d.y()[i];
            sum += e * e;
        }
        return Math.sqrt(sum / scores.length);
    }

    private static List<TrajectoryPoint> trajectory(TrainingHistory h) {
        List<TrajectoryPoint> points = new ArrayList<>();
        long[] steps = h.steps();
        double[] loss = h.loss();
        double[] grad = h.gradientNorm();
        double[] net = h.networkOnlyLoss();
        boolean aug = h.hasNeuron();
        double[] a = aug ? h.a() : null;
        double[] b = aug ? h.b() : null;
        double[] w = aug ? h.wNorm() : null;
        for (int k = 0; k < h.size(); k++) {
            points.add(new TrajectoryPoint((int) steps[k], loss[k], net.length <= k ? loss[k] : net[k],
                    grad[k], aug ? a[k] : Double.NaN, aug ? b[k] : Double.NaN, aug ? w[k] : Double.NaN));
        }
        return points;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s", name());
    }
}
