package org.oneneuron.cli.bench;

import java.util.List;
import java.util.Map;
import org.oneneuron.eval.Metrics;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.run.Fit;
import org.oneneuron.run.Problem;
import org.oneneuron.train.TrainingResult;

/**
 * W1: full-batch gradient descent, n = 569, d = 30, MLP 30-64-64-1 tanh + a·exp(wᵀx + b), mean
 * cubic hinge + (λ/2)a², λ = 1e-2, lr 1e-2, 2000 steps, float64, through the run floor's
 * {@link Fit} with the gd optimizer. Same JSON fields as peers/w1_fullbatch.py, plus ours (back-end, GFLOP/s).
 */
final class FullBatchWorkload {

    static final double LR = 1e-2;
    static final double LAMBDA = 1e-2;
    static final int STEPS = 2000;

    private FullBatchWorkload() {
    }

    /** W1's problem (the run floor builds its objective). */
    static Problem problem(W1Setup setup, int threads) {
        return Problem.builder(W1Setup.spec(), setup.data()).loss(Losses.CUBIC_HINGE)
                .reduction(Reduction.MEAN).lambda(LAMBDA).threads(threads).build();
    }

    static TrainConfig config(int steps, int threads) {
        return TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.GD).learningRate(LR)
                .maxSteps(steps).gradientTolerance(0).lossTolerance(0).historyStride(Math.max(1, steps))
                .threads(threads).build();
    }

    static Map<String, Object> run(BenchContext ctx) throws Exception {
        W1Setup setup = ctx.w1();
        int steps = ctx.stepsOr(STEPS);
        Problem problem = problem(setup, ctx.threads());
        NetworkObjective objective = problem.objective();
        double[] scratch = new double[objective.dimension()];
        WarmUpLoop.Outcome warm = WarmUpLoop.run(ctx.warmupSteps(),
                () -> objective.valueAndGradient(setup.theta0(), scratch));
        double loss0 = objective.value(setup.theta0());
        long t0 = System.nanoTime();
        TrainingResult result = Fit.from(problem, setup.theta0(), config(steps, ctx.threads())).training();
        Workloads.requireSound("W1", result.stop());
        double elapsed = (System.nanoTime() - t0) * 1e-9;
        double[] theta = result.theta();
        double lossT = objective.value(theta);
        Map<String, Object> m = ctx.header("W1", "float64");
        m.put("warmup_steps_run", warm.steps());
        m.put("warmup_s", warm.seconds());
        m.put("data_source", setup.source());
        m.put("n", setup.data().n());
        m.put("d", setup.data().d());
        m.put("layers", List.of(W1Setup.D, W1Setup.H, W1Setup.H, 1));
        m.put("n_params", objective.dimension());
        m.put("steps", steps);
        m.put("steps_taken", result.steps());
        m.put("lr", LR);
        m.put("lambda", LAMBDA);
        m.put("seconds_total", elapsed);
        m.put("seconds_per_step", elapsed / steps);
        m.put("steps_per_s", steps / elapsed);
        double flops = flopsPerStep(setup.data().n());
        m.put("gflops_per_step", flops * 1e-9);
        m.put("gflop_per_s", flops * steps / elapsed * 1e-9);
        m.put("loss_initial", loss0);
        m.put("loss_final", lossT);
        m.put("train_acc", accuracy(objective, theta));
        m.put("a_final", theta[objective.layout().neuronAOffset()]);
        return m;
    }

    /**
     * Floating-point operations of one value-and-gradient of the 30-64-64-1 net on n samples:
     * forward 2n(dh + h² + h + d), backward 2n(dh + 2h² + h + d) (weight gradients, the
     * hidden-layer adjoint, the neuron's w); element-wise work not counted.
     */
    static double flopsPerStep(int n) {
        double d = W1Setup.D;
        double h = W1Setup.H;
        return 2.0 * n * (d * h + h * h + h + d) + 2.0 * n * (d * h + 2 * h * h + h + d);
    }

    /** The one accuracy rule ({@link Metrics#accuracy}: right when y·f > 0). */
    static double accuracy(NetworkObjective objective, double[] theta) {
        return Metrics.accuracy(objective.scores(theta), objective.data().y());
    }
}
