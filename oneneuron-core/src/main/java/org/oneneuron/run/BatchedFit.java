package org.oneneuron.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.oneneuron.batch.TinyRun;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.InfinityDiagnostics;
import org.oneneuron.train.Provenance;
import org.oneneuron.train.Stop;
import org.oneneuron.train.StopReason;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.TrainingHistory;
import org.oneneuron.train.TrainingResult;

/**
 * {@link Fit#together}: problems that differ only in their seed, trained at once on the batched
 * path when they are {@link Problem#batchable}. The end point's final loss and gradient, and the
 * last trajectory point, come from the engine's {@link NetworkObjective}, as the trainer computes
 * them. A run that met trouble on the batched path (non-finite values, exp(u) outside the normal
 * range, divergence), or whose end point the engine rejects, is trained by {@link Fit#run} alone,
 * so it reports its stop in the trainer's words. A run's numbers never depend on its batch.
 */
final class BatchedFit {

    private BatchedFit() {
    }

    /** The fits, each keeping θ at the multiples of {@code keepEvery} steps (none when 0). */
    static List<FitResult> train(List<Problem> problems, TrainConfig config, int keepEvery) {
        if (problems.isEmpty()) {
            return List.of();
        }
        Problem first = problems.get(0);
        for (Problem p : problems) {
            if (!sameButSeed(first, p)) {
                throw new IllegalArgumentException("problems trained together must differ only in"
                        + " their seed: " + first + " and " + p);
            }
        }
        if (!first.batchable(config)) {
            List<FitResult> out = new ArrayList<>(problems.size());
            for (Problem p : problems) {
                out.add(Fit.keeping(p, config, keepEvery));
            }
            return out;
        }
        if (keepEvery % config.historyStride() != 0) {
            throw new IllegalArgumentException("the batched path knows θ only every "
                    + config.historyStride() + " steps (the history stride), so it cannot keep θ every "
                    + keepEvery);
        }
        long start = System.nanoTime();
        double[][] starts = new double[problems.size()][];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = problems.get(i).initialPoint();
        }
        int steps = Math.toIntExact(config.maxSteps());
        List<TinyRun> batched = first.descendTogether(starts, config, steps);
        double seconds = (System.nanoTime() - start) * 1e-9 / problems.size();
        List<FitResult> out = new ArrayList<>(problems.size());
        for (int i = 0; i < starts.length; i++) {
            Problem p = problems.get(i);
            TinyRun tiny = batched.get(i);
            Optional<FitResult> r = tiny.clean()
                    ? finish(p, config, starts[i], tiny, steps, seconds, keepEvery) : Optional.empty();
            out.add(r.orElseGet(() -> Fit.keeping(p, config, keepEvery)));
        }
        return out;
    }

    private static boolean sameButSeed(Problem a, Problem b) {
        return a.spec().equals(b.spec()) && a.data() == b.data() && a.loss().equals(b.loss())
                && a.reduction() == b.reduction() && Double.compare(a.lambda(), b.lambda()) == 0
                && a.allowZeroLambda() == b.allowZeroLambda()
                && a.balancedClassWeights() == b.balancedClassWeights()
                && a.initializer() == b.initializer() && a.precision() == b.precision();
    }

    /**
     * The result of a clean batched run: the batch's trajectory, then the end point's loss,
     * gradient norm and last trajectory point from the engine, as the trainer ends. Empty when the
     * engine finds the end point non-finite.
     */
    private static Optional<FitResult> finish(Problem problem, TrainConfig config, double[] theta0,
                                              TinyRun tiny, int steps, double seconds, int keepEvery) {
        NetworkObjective objective = problem.objective();
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
        TrainingHistory history = history(tiny, steps, theta, finalLoss, finalGradient, neuron);
        TrainingResult result = new TrainingResult(theta, OptimizerKind.GD.word(), finalLoss,
                finalGradient, steps, seconds, 0,
                new Stop(StopReason.MAX_STEPS, steps, "step budget " + steps + " used"),
                history, InfinityDiagnostics.defaults().assess(history), Provenance.capture(config));
        return Optional.of(new FitResult(problem, theta0, result, kept(tiny, keepEvery)));
    }

    /** The batch's θ at its recorded steps that are multiples of {@code keepEvery}. */
    private static ThetaTrace kept(TinyRun tiny, int keepEvery) {
        if (keepEvery == 0) {
            return ThetaTrace.none();
        }
        long[] recorded = tiny.steps();
        double[][] thetas = tiny.thetas();
        List<Long> steps = new ArrayList<>();
        List<double[]> kept = new ArrayList<>();
        for (int k = 0; k < recorded.length; k++) {
            if (recorded[k] % keepEvery == 0) {
                steps.add(recorded[k]);
                kept.add(thetas[k]);
            }
        }
        return new ThetaTrace(steps.stream().mapToLong(Long::longValue).toArray(), kept.toArray(new double[0][]));
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
