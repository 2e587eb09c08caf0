package org.oneneuron.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.oneneuron.data.Dataset;

/**
 * The study's built-in run: a {@link ReferenceMlp} trained by full-batch gradient descent with
 * the gradient norm clipped at {@code clip} (PAPER.md §5 protocol), for {@code steps} steps or
 * until the gradient is exactly zero; then judged by {@link VerdictRule} (with a curvature probe
 * at stationary points above zero). Deterministic given the RunSpec; single-threaded.
 */
public final class ReferenceRunFunction implements RunFunction {

    private static final int TRAJECTORY_POINTS = 60;
    private static final int PROBE_STEPS = 40;

    private final StudyData data;
    private final VerdictRule rule = VerdictRule.defaults();

    /** A run function over its own data cache. */
    public ReferenceRunFunction() {
        this(new StudyData());
    }

    /** A run function over a shared data cache. */
    public ReferenceRunFunction(StudyData data) {
        this.data = data;
    }

    @Override
    public String name() {
        return "reference-mlp-gd/1";
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
        for (String optimizer : spec.optimizers()) {
            if (!optimizer.equals("gd")) {
                throw new IllegalArgumentException("optimizer '" + optimizer
                        + "': the reference run function offers gd only");
            }
        }
        spec.losses().forEach(MarginLossFunction::parse);
        for (String name : spec.data()) {
            int d = data.raw(name).d();
            for (List<Integer> shape : spec.hidden()) {
                for (String act : spec.activations()) {
                    for (String neuron : spec.neurons()) {
                        new ReferenceMlp(d, shape, act, neuron, MarginLossFunction.parse("cubic-hinge"), 0);
                    }
                }
            }
        }
    }

    @Override
    public RunOutcome run(RunSpec run) {
        long start = System.nanoTime();
        StudyData.Prepared prepared = data.prepare(run.data(), run.studySeed(), run.heldOutFraction());
        Dataset train = prepared.train();
        MarginLossFunction loss = MarginLossFunction.parse(run.loss());
        ReferenceMlp mlp = new ReferenceMlp(train.d(), run.hidden(), run.activation(), run.neuron(),
                loss, run.lambda());
        mlp.reduction(run.reduction(), train.n());
        double[] theta = mlp.initialize(run.init(), new SplittableRandom(run.runSeed()));
        double[] gradient = new double[theta.length];
        ReferenceMlp.Figures fig = new ReferenceMlp.Figures();
        List<TrajectoryPoint> trajectory = new ArrayList<>();
        int every = Math.max(1, run.steps() / TRAJECTORY_POINTS);
        String diagnostic = "";
        int step = 0;
        double value = mlp.evaluate(train, theta, gradient, fig);
        double gradNorm = CurvatureProbe.norm(gradient);
        double normMid = Double.NaN;
        double lossMid = Double.NaN;
        int mid = run.steps() / 2;
        while (true) {
            if (!Double.isFinite(value) || !Double.isFinite(gradNorm)) {
                diagnostic = String.format(Locale.ROOT, "non-finite %s at step %d; stopped there",
                        Double.isFinite(value) ? "gradient" : "loss", step);
                break;
            }
            if (step == mid) {
                normMid = watchedNorm(mlp, theta);
                lossMid = value;
            }
            if (step % every == 0 || step == run.steps() || gradNorm == 0) {
                trajectory.add(point(mlp, step, value, fig, gradNorm, theta));
            }
            if (step == run.steps() || gradNorm == 0) {
                break;
            }
            double factor = run.clip() > 0 && gradNorm > run.clip() ? run.clip() / gradNorm : 1;
            for (int k = 0; k < theta.length; k++) {
                theta[k] -= run.learningRate() * factor * gradient[k];
            }
            step++;
            value = mlp.evaluate(train, theta, gradient, fig);
            gradNorm = CurvatureProbe.norm(gradient);
        }
        if (mlp.clampCount() > 0) {
            diagnostic = (diagnostic.isEmpty() ? "" : diagnostic + "; ") + "exponent clamped at "
                    + ReferenceMlp.MAX_EXPONENT + " in " + mlp.clampCount() + " sample evaluations";
        }
        if (Double.isNaN(normMid)) {
            normMid = watchedNorm(mlp, theta);
            lossMid = value;
        }
        boolean aug = mlp.augmented();
        int o = mlp.neuronOffset();
        double a = aug ? theta[o] : Double.NaN;
        double b = aug ? theta[o + 1] : Double.NaN;
        double wNorm = aug ? wNorm(mlp, theta) : Double.NaN;
        VerdictRule.EndState end = new VerdictRule.EndState(aug, loss.unattained(), value,
                fig.networkOnlyLoss, aug ? fig.maxContribution : Double.NaN, gradNorm, normMid,
                watchedNorm(mlp, theta), lossMid, aug ? "sqrt(b² + ‖w‖²)" : "‖θ‖");
        VerdictRule.Decision decision = rule.judge(end);
        if (decision == null) {
            CurvatureProbe.Extremes e = CurvatureProbe.extremes(
                    (t, g) -> mlp.evaluate(train, t, g, null), theta, PROBE_STEPS,
                    RunSeeds.mix(run.runSeed(), 1));
            decision = rule.judgeCurvature(end, e);
        }
        double trainAccuracy = (double) fig.correct / train.n();
        double heldOutAccuracy = Double.NaN;
        if (prepared.heldOut() != null) {
            ReferenceMlp.Figures held = new ReferenceMlp.Figures();
            mlp.evaluate(prepared.heldOut(), theta, null, held);
            heldOutAccuracy = (double) held.correct / prepared.heldOut().n();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RunOutcome(value, fig.networkOnlyLoss, gradNorm, a, b, wNorm,
                aug ? fig.maxContribution : Double.NaN, trainAccuracy, heldOutAccuracy,
                decision.verdict().word(), decision.reason(), step, seconds, diagnostic, trajectory);
    }

    private static TrajectoryPoint point(ReferenceMlp mlp, int step, double value,
                                         ReferenceMlp.Figures fig, double gradNorm, double[] theta) {
        boolean aug = mlp.augmented();
        int o = mlp.neuronOffset();
        return new TrajectoryPoint(step, value, fig.networkOnlyLoss, gradNorm,
                aug ? theta[o] : Double.NaN, aug ? theta[o + 1] : Double.NaN,
                aug ? wNorm(mlp, theta) : Double.NaN);
    }

    private static double wNorm(ReferenceMlp mlp, double[] theta) {
        double s = 0;
        for (int k = mlp.neuronOffset() + 2; k < theta.length; k++) {
            s += theta[k] * theta[k];
        }
        return Math.sqrt(s);
    }

    /** The norm watched for runs heading to infinity: the unit's (b, w), or all of θ if plain. */
    private static double watchedNorm(ReferenceMlp mlp, double[] theta) {
        if (!mlp.augmented()) {
            return CurvatureProbe.norm(theta);
        }
        double b = theta[mlp.neuronOffset() + 1];
        double w = wNorm(mlp, theta);
        return Math.sqrt(b * b + w * w);
    }
}
