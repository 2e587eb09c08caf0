package org.oneneuron.train;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.oneneuron.objective.Objective;
import org.oneneuron.objective.SampledObjective;
import org.oneneuron.linalg.ArrayMath;
import org.oneneuron.optim.Optimizer;
import org.oneneuron.optim.OptimizerKind;

/**
 * Runs one optimizer over an {@link Objective} in one short loop: listeners (the history recorder
 * first), the stopping rule, a step, the non-finite guard. θ never holds NaN or Inf: the point
 * before a failing step is kept and the stop names the step and the quantity. An
 * ArithmeticException from the objective (the engine's {@code NonFiniteException}) is caught the
 * same way and its message becomes the stop's detail. An optimizer that stalls before it ever
 * moved from θ₀, where ∇L ≠ 0, stops as {@link StopReason#NO_PROGRESS} (numerical trouble), not
 * as a plain stall.
 */
public final class Trainer {

    private static final System.Logger LOG = System.getLogger(Trainer.class.getName());

    /** {@link Timings} phase: checking θ₀ and the optimizer's first evaluation. */
    public static final String START = "start";
    /** {@link Timings} phase: the loop's steps, stopping rule and the caller's listeners. */
    public static final String OPTIMIZER = "optimizer";
    /** {@link Timings} phase: the history records (full-data figures of minibatch runs). */
    public static final String HISTORY = "history";
    /** {@link Timings} phase: the final full-data loss and gradient and the trajectory verdict. */
    public static final String FINAL = "final_evaluation";

    private Trainer() {
    }

    /**
     * Trains from θ₀.
     *
     * @param objective the function to minimize
     * @param theta0    the start, finite, length objective.dimension(); not modified
     * @param config    how to train
     * @param listeners probes called at every step
     * @return the immutable result
     */
    public static TrainingResult train(Objective objective, double[] theta0, TrainConfig config,
                                       TrainingListener... listeners) {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(config, "config");
        PhaseClock clock = new PhaseClock();
        checkStart(objective, theta0);
        double[] theta = theta0.clone();
        double[] spare = new double[theta.length];
        Optimizer optimizer = config.newOptimizer(objective);
        boolean stochastic = isStochastic(objective, config);
        HistoryRecorder recorder = new HistoryRecorder(objective,
                config.effectiveHistoryStride(sampleCount(objective), stochastic), stochastic,
                config.gradientTolerance() > 0);
        List<TrainingListener> probes = List.of(listeners);
        long start = System.nanoTime();
        StoppingRule rule = new StoppingRule(config, start);
        Stop stop;
        try {
            optimizer.start(theta);
            stop = nonFinite(0, optimizer, theta);
        } catch (ArithmeticException overflow) {
            stop = new Stop(StopReason.NON_FINITE, 0, String.valueOf(overflow.getMessage()));
        }
        if (stop != null) {
            throw new IllegalArgumentException("the starting point is not usable: " + stop.detail());
        }
        clock.charge(START);
        long step = 0;
        while (stop == null) {
            if (recorder.due(step)) {
                clock.charge(OPTIMIZER);
                stop = record(recorder, step, step >= config.maxSteps(), theta, optimizer);
                clock.charge(HISTORY);
            }
            if (stop == null) {
                stop = notify(probes, step, theta, optimizer);
            }
            if (stop == null) {
                stop = stochastic
                        ? rule.check(step, optimizer.loss(), recorder.lossAt(step), recorder.gradientNormAt(step))
                        : rule.check(step, optimizer.loss(), optimizer.gradientNorm());
            }
            if (stop == null) {
                stop = guardedStep(optimizer, theta, spare, step + 1);
                if (stop != null && stop.reason() == StopReason.STALLED && !stationary(optimizer)
                        && Arrays.equals(theta, theta0)) {
                    stop = noProgress(optimizer, stop.step());
                }
                if (stop == null || stop.reason() == StopReason.STALLED) {
                    double[] next = spare;
                    spare = theta;
                    theta = next;
                    step++;
                }
            }
        }
        clock.charge(OPTIMIZER);
        double seconds = (System.nanoTime() - start) * 1e-9;
        double monitoring = recorder.evaluationSeconds();
        double[] gradient = spare; // the loop's other point is no longer needed
        double finalLoss;
        double finalGradient;
        try {
            finalLoss = objective.valueAndGradient(theta, gradient);
            finalGradient = norm(gradient);
            recorder.recordFinal(step, theta, finalLoss, finalGradient);
        } catch (ArithmeticException overflow) {
            finalLoss = Double.NaN;
            finalGradient = Double.NaN;
            if (stop.reason() != StopReason.NON_FINITE) {
                stop = new Stop(StopReason.NON_FINITE, step, "at the final point: " + overflow.getMessage());
            }
        }
        for (TrainingListener probe : probes) {
            probe.onFinish(theta, stop);
        }
        TrainingHistory history = recorder.history();
        InfinityAssessment infinity = InfinityDiagnostics.defaults().assess(history);
        Stop finalStop = stop;
        double loss = finalLoss;
        LOG.log(System.Logger.Level.DEBUG, () -> describe(optimizer, finalStop, loss));
        clock.charge(FINAL);
        return new TrainingResult(theta, optimizer.name(), finalLoss, finalGradient, step, seconds,
                monitoring, finalStop, history, infinity, Provenance.capture(config), clock.timings());
    }

    /**
     * A history record at {@code step}; a NON_FINITE stop when the full-data figures of a minibatch
     * run overflow there (the engine's ArithmeticException), else null.
     */
    private static Stop record(HistoryRecorder recorder, long step, boolean last, double[] theta,
                               Optimizer optimizer) {
        try {
            recorder.record(step, theta, optimizer.loss(), optimizer.gradientNorm(), last);
            return null;
        } catch (ArithmeticException overflow) {
            return new Stop(StopReason.NON_FINITE, step, "full-data figures for the history: "
                    + overflow.getMessage());
        }
    }

    private static int sampleCount(Objective objective) {
        return objective instanceof SampledObjective s ? s.sampleCount() : 0;
    }

    /**
     * One optimizer step from θ into {@code next} (θ itself is not touched, so the loop goes on from
     * next when the step went well and stays at θ when it did not). Returns null when it went well;
     * a NON_FINITE stop when the loss, the gradient or the new point went non-finite or the
     * objective threw an ArithmeticException; a STALLED stop when the optimizer could not move.
     */
    private static Stop guardedStep(Optimizer optimizer, double[] theta, double[] next, long step) {
        double previousLoss = optimizer.loss();
        Stop stop;
        boolean progressed;
        try {
            progressed = optimizer.stepInto(theta, next);
            stop = nonFinite(step, optimizer, next);
        } catch (ArithmeticException overflow) {
            progressed = false;
            stop = new Stop(StopReason.NON_FINITE, step, String.valueOf(overflow.getMessage()));
        }
        if (stop != null) {
            return stop;
        }
        if (!progressed) {
            return new Stop(StopReason.STALLED, step, String.format(Locale.ROOT,
                    "%s made no progress (loss %.6g -> %.6g)", optimizer.name(), previousLoss,
                    optimizer.loss()));
        }
        return null;
    }

    /**
     * A gradient the end-point certificate would call stationary, ‖∇L‖ ≤ 1e-6·max(1, |L|) (PAPER.md
     * §5's tolerance, relative to the loss): a start already at a minimum stalls for want of a
     * decrease floating point can see, which is no trouble.
     */
    private static boolean stationary(Optimizer optimizer) {
        return optimizer.gradientNorm() <= 1e-6 * Math.max(1, Math.abs(optimizer.loss()));
    }

    /**
     * The stop of an optimizer that stalled before it ever moved from θ₀ although θ₀ is not
     * {@link #stationary}: in exact arithmetic a short enough step along a descent direction lowers
     * a smooth loss, so only a loss too steep for floating point (a huge λ on the neuron's penalty,
     * say) or too rough leaves none.
     */
    private static Stop noProgress(Optimizer optimizer, long step) {
        return new Stop(StopReason.NO_PROGRESS, step, String.format(Locale.ROOT,
                "%s could not take a single step from the start (loss %.6g, gradient norm %.6g): no trial"
                        + " point had an acceptable finite lower loss; the loss is too steep (or too rough) there"
                        + " for floating point", optimizer.name(), optimizer.loss(), optimizer.gradientNorm()));
    }

    private static String describe(Optimizer optimizer, Stop stop, double loss) {
        return String.format(Locale.ROOT, "%s: %s, loss %.6g", optimizer.name(), stop.message(), loss);
    }

    private static Stop notify(List<TrainingListener> probes, long step, double[] theta,
                               Optimizer optimizer) {
        for (TrainingListener probe : probes) {
            String reason = probe.onStep(step, theta, optimizer.loss(), optimizer.gradientNorm());
            if (reason != null) {
                return new Stop(StopReason.LISTENER, step, reason);
            }
        }
        return null;
    }

    /** A NON_FINITE stop naming the first bad quantity, or null when all are finite. */
    private static Stop nonFinite(long step, Optimizer optimizer, double[] theta) {
        if (!Double.isFinite(optimizer.loss())) {
            return new Stop(StopReason.NON_FINITE, step, "loss is " + optimizer.loss());
        }
        if (!Double.isFinite(optimizer.gradientNorm())) {
            double[] g = optimizer.gradient();
            for (int i = 0; i < g.length; i++) {
                if (!Double.isFinite(g[i])) {
                    return new Stop(StopReason.NON_FINITE, step, "gradient[" + i + "] is " + g[i]);
                }
            }
            return new Stop(StopReason.NON_FINITE, step, "gradient norm overflowed");
        }
        if (optimizer.thetaChecked() || ArrayMath.allFinite(theta, 0, theta.length)) {
            return null;
        }
        for (int i = 0; i < theta.length; i++) {
            if (!Double.isFinite(theta[i])) {
                return new Stop(StopReason.NON_FINITE, step, "theta[" + i + "] is " + theta[i]);
            }
        }
        return null;
    }

    private static boolean isStochastic(Objective objective, TrainConfig config) {
        return config.batchSize() > 0
                && objective instanceof SampledObjective s
                && config.batchSize() < s.sampleCount()
                && (config.optimizer() == OptimizerKind.SGD || config.optimizer() == OptimizerKind.ADAM);
    }

    private static void checkStart(Objective objective, double[] theta0) {
        Objects.requireNonNull(theta0, "theta0");
        if (theta0.length != objective.dimension()) {
            throw new IllegalArgumentException("theta0 has length " + theta0.length
                    + ", the objective's dimension is " + objective.dimension());
        }
        if (ArrayMath.allFinite(theta0, 0, theta0.length)) {
            return;
        }
        for (int i = 0; i < theta0.length; i++) {
            if (!Double.isFinite(theta0[i])) {
                throw new IllegalArgumentException("theta0[" + i + "] is " + theta0[i]);
            }
        }
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
