package org.oneneuron.cli.bench;

import java.util.Map;
import java.util.SplittableRandom;
import org.oneneuron.data.StandardNormal;
import org.oneneuron.landscape.Lanczos;
import org.oneneuron.landscape.LanczosConfig;
import org.oneneuron.landscape.LanczosResult;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.run.Fit;
import org.oneneuron.run.Problem;
import org.oneneuron.train.TrainingResult;

/**
 * W3: second order at W1's end point (6241 parameters): 200 exact Hessian-vector products
 * (the engine's R-operator recomputes the forward pass for every product, so each is the peer's
 * "fresh graph" kind) and 50 Lanczos steps. The training to the end point is not timed.
 */
final class HessianWorkload {

    static final int HVPS = 200;
    static final int LANCZOS_STEPS = 50;

    private HessianWorkload() {
    }

    static Map<String, Object> run(BenchContext ctx) throws Exception {
        W1Setup setup = ctx.w1();
        int trainSteps = ctx.stepsOr(FullBatchWorkload.STEPS);
        Problem problem = FullBatchWorkload.problem(setup, ctx.threads());
        NetworkObjective objective = problem.objective();
        TrainingResult trained = Fit.from(problem, setup.theta0(),
                FullBatchWorkload.config(trainSteps, ctx.threads())).training();
        Workloads.requireSound("W3", trained.stop());
        double[] theta = trained.theta();
        int p = objective.dimension();
        SplittableRandom rnd = new SplittableRandom(ctx.seed());
        double[][] vs = new double[HVPS][p];
        for (double[] v : vs) {
            for (int i = 0; i < p; i++) {
                v[i] = StandardNormal.draw(rnd);
            }
        }
        double[] out = new double[p];
        double[] other = new double[p];
        WarmUpLoop.Outcome warm = WarmUpLoop.run(ctx.warmupSteps(),
                () -> objective.hessianVector(theta, vs[0], out));
        long t0 = System.nanoTime();
        for (double[] v : vs) {
            objective.hessianVector(theta, v, out);
        }
        double hvpSeconds = (System.nanoTime() - t0) * 1e-9;
        objective.hessianVector(theta, vs[0], out);
        objective.hessianVector(theta, vs[1], other);
        double uHv = dot(vs[1], out);
        double vHu = dot(vs[0], other);

        long t1 = System.nanoTime();
        LanczosResult lanczos = Lanczos.extremes(objective, theta,
                LanczosConfig.defaults().withSteps(LANCZOS_STEPS).withSeed(ctx.seed() + 7));
        double lanczosSeconds = (System.nanoTime() - t1) * 1e-9;

        Map<String, Object> m = ctx.header("W3", "float64");
        m.put("warmup_steps_run", warm.steps());
        m.put("warmup_s", warm.seconds());
        m.put("data_source", setup.source());
        m.put("n_params", p);
        m.put("train_steps", trainSteps);
        m.put("loss_at_point", objective.value(theta));
        m.put("n_hvp", HVPS);
        m.put("hvp_fresh_s", hvpSeconds);
        m.put("hvp_fresh_per_s", HVPS / hvpSeconds);
        m.put("hvp_symmetry_rel_err", Math.abs(uHv - vHu) / Math.max(1e-300, Math.abs(uHv)));
        m.put("lanczos_steps", lanczos.steps());
        m.put("lanczos_s", lanczosSeconds);
        m.put("lanczos_lambda_min", lanczos.min().value());
        m.put("lanczos_lambda_max", lanczos.max().value());
        return m;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
