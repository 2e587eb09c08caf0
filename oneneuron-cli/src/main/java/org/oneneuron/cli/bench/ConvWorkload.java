package org.oneneuron.cli.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Shape;
import org.oneneuron.data.StandardNormal;
import org.oneneuron.eval.Metrics;
import org.oneneuron.linalg.Precision;
import org.oneneuron.loss.Float32NetworkObjective;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.Optimizer;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.run.Fit;
import org.oneneuron.run.Problem;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.TrainingResult;

/**
 * W5: a small convolutional network with the skip exponential neuron on the raw pixels, as
 * peers/w5_cnn.py: n = 6000 synthetic 1×28×28 images, {@value #ARCH}, mean cubic hinge,
 * λ = 1e-2. Timed: minibatch SGD in float32 (batch 64, the last of each epoch 48, lr 1e-2,
 * 2 epochs, reshuffled each epoch) through the run floor's {@link Fit}, like W2; then exact float64
 * Hessian-vector products on the first 256 samples at θ₀, "fresh" (θ differs from the previous
 * product's, so no forward pass is reused: the peer's fresh graph) and at a reused point (the
 * objective keeps the forward pass and adjoints; only the tangent and second-order passes run).
 * Data from our generator, the peer's distributions. Both figures are also reported per CPU-second
 * of the process ({@code samples_per_cpu_s}: the same optimizer steps rerun from θ₀ without the
 * Trainer's monitoring; {@code hvp_fresh_per_cpu_s}; paired with the peer's under {@code --compare}):
 * on a shared machine the wall clock counts other processes' time.
 */
final class ConvWorkload {

    static final String ARCH = "conv:8x5x5,relu,maxpool:2,conv:16x5x5,relu,maxpool:2,flatten,dense:64,relu,dense:1";
    static final Shape INPUT = new Shape(1, 28, 28);
    static final int N = 6000;
    static final int D = 784;
    static final int BATCH = 64;
    static final int EPOCHS = 2;
    static final double LR = 1e-2;
    static final double LAMBDA = 1e-2;
    static final int HVP_SAMPLES = 256;
    static final int HVPS = 40;
    /**
     * Multiply-adds per sample: forward (conv1 8·25·576, conv2 16·200·64, dense 256·64 + 64, the
     * neuron's wᵀx 784) and reverse (both weight gradients, conv2's and the dense layers' input
     * adjoints, the neuron's w; conv1 needs no input adjoint). Element-wise work not counted.
     */
    static final double MACS_FORWARD = 8 * 25 * 576 + 16 * 200 * 64 + 256 * 64 + 64 + 784;
    static final double MACS_REVERSE = 8 * 25 * 576 + 2 * 16 * 200 * 64 + 2 * 256 * 64 + 2 * 64 + 784;

    private ConvWorkload() {
    }

    static NetworkSpec spec() {
        return new NetworkSpec(INPUT, Architecture.parse(ARCH), NeuronKind.SKIP_EXP);
    }

    static Map<String, Object> run(BenchContext ctx) throws Exception {
        int epochs = ctx.stepsOr(EPOCHS);
        SplittableRandom rnd = new SplittableRandom(ctx.seed());
        double[] x = images(N, rnd);
        double[] y = W1Setup.teacherLabels(x, N, D, 16, rnd);
        Problem problem = problem(W1Setup.dataset("w5-synthetic", x, y, D), Precision.FLOAT32, ctx);
        double[] theta0 = problem.initialPoint();
        Map<String, Object> m = ctx.header("W5", "float32");
        m.put("data_source", "synthetic (SplittableRandom + StandardNormal, float32-rounded inputs; same distributions as the peer, not its numbers)");
        m.put("n", N);
        m.put("d", D);
        m.put("input_shape", INPUT.toString());
        m.put("arch", ARCH);
        m.put("n_params", problem.spec().layout().dimension());
        train(ctx, problem, theta0, epochs, y, m);
        double[] hx = Arrays.copyOf(x, HVP_SAMPLES * D);
        double[] hy = Arrays.copyOf(y, HVP_SAMPLES);
        hessianVectorProducts(ctx, problem(W1Setup.dataset("w5-hvp", hx, hy, D), Precision.FLOAT64, ctx).objective(),
                theta0, m);
        return m;
    }

    /** n images of D pixels, each pixel a float32-rounded N(0, 1) draw from rnd, in order. */
    static double[] images(int n, SplittableRandom rnd) {
        double[] x = new double[n * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) StandardNormal.draw(rnd);
        }
        return x;
    }

    private static Problem problem(Dataset data, Precision precision, BenchContext ctx) {
        return Problem.builder(spec(), data).loss(Losses.CUBIC_HINGE).reduction(Reduction.MEAN).lambda(LAMBDA)
                .threads(ctx.threads()).precision(precision).seed(ctx.seed() + 1).build();
    }

    private static void train(BenchContext ctx, Problem problem, double[] theta0, int epochs, double[] y,
                              Map<String, Object> m) throws Exception {
        Float32NetworkObjective single = (Float32NetworkObjective) problem.descendedObjective();
        // Warm up the optimizer's whole step on a copy of θ₀, restarted from θ₀ every epoch: SGD
        // run on for the dozens of epochs a 10 s warm-up allows leaves the 2-epoch trajectory
        // (the neuron's exp overflowed after ~25 epochs in a trial).
        int batchesPerEpoch = (N + BATCH - 1) / BATCH;
        Optimizer warmUp = config(1, ctx).newOptimizer(single);
        double[] warmTheta = theta0.clone();
        int[] taken = {0};
        WarmUpLoop.Outcome warm = WarmUpLoop.run(ctx.warmupSteps(), () -> {
            if (taken[0]++ % batchesPerEpoch == 0) {
                System.arraycopy(theta0, 0, warmTheta, 0, theta0.length);
                warmUp.start(warmTheta);
            }
            warmUp.step(warmTheta);
        });
        long steps = (long) epochs * batchesPerEpoch;
        double c0 = CpuClock.processSeconds();
        TrainingResult result = Fit.from(problem, theta0, config(steps, ctx)).training();
        Workloads.requireSound("W5", result.stop());
        double cpuFit = CpuClock.processSeconds() - c0;
        // After the call: evaluated before it, θ₀'s full-data loss would sit in the objective's
        // cache and spare the call its step-0 history pass, which a user's call pays.
        double loss0 = single.value(theta0);
        double loop = result.optimizationSeconds();
        // The loop alone in CPU time: the same optimizer steps from θ₀ again, without the
        // Trainer's full-data monitoring passes (as long as the loop in wall time here), as the
        // peer's process time covers its minibatch loop only.
        Optimizer again = config(steps, ctx).newOptimizer(single);
        double[] theta1 = theta0.clone();
        again.start(theta1);
        double c1 = CpuClock.processSeconds();
        for (long k = 0; k < steps; k++) {
            again.step(theta1);
        }
        double cpu = CpuClock.processSeconds() - c1;
        double[] theta = result.theta();
        m.put("warmup_steps_run", warm.steps());
        m.put("warmup_s", warm.seconds());
        m.put("epochs", epochs);
        m.put("batch", BATCH);
        m.put("minibatches", result.steps());
        m.put("lr", LR);
        m.put("lambda", LAMBDA);
        m.put("seconds_total", loop);
        m.put("samples_per_s", (double) epochs * N / loop);
        m.put("cpu_seconds_total", cpu);
        m.put("samples_per_cpu_s", (double) epochs * N / cpu);
        m.put("cpu_seconds_fit_call", cpuFit);
        m.put("seconds_per_minibatch", loop / Math.max(1, result.steps()));
        m.put("seconds_monitoring", result.monitoringSeconds());
        m.put("gflop_per_s", 2 * (MACS_FORWARD + MACS_REVERSE) * epochs * N / loop * 1e-9);
        m.put("loss_initial", loss0);
        m.put("loss_final", single.value(theta));
        m.put("train_acc", Metrics.accuracy(single.scores(theta), y));
        m.put("a_final", theta[problem.spec().layout().neuronAOffset()]);
    }

    /**
     * HVPs at θ₀ on the 256-sample objective: {@link #HVPS} fresh ones (θ alternates between θ₀
     * and a copy with a one-ulp change in b, so each product recomputes the forward pass) and
     * {@link #HVPS} at one point, each with its own direction v ~ N(0, 1).
     */
    private static void hessianVectorProducts(BenchContext ctx, NetworkObjective objective, double[] theta0,
                                              Map<String, Object> m) throws Exception {
        int p = objective.dimension();
        SplittableRandom rnd = new SplittableRandom(ctx.seed() + 2);
        double[][] vs = new double[HVPS][p];
        for (double[] v : vs) {
            for (int i = 0; i < p; i++) {
                v[i] = StandardNormal.draw(rnd);
            }
        }
        double[][] points = {theta0, theta0.clone()};
        int kb = objective.layout().neuronBOffset();
        points[1][kb] = Math.nextUp(points[1][kb]);
        double[] out = new double[p];
        double[] other = new double[p];
        int[] turn = {0};
        WarmUpLoop.Outcome warm = WarmUpLoop.run(Math.min(ctx.warmupSteps(), 20),
                () -> objective.hessianVector(points[turn[0]++ & 1], vs[0], out));
        double c0 = CpuClock.processSeconds();
        long t0 = System.nanoTime();
        for (int i = 0; i < HVPS; i++) {
            objective.hessianVector(points[i & 1], vs[i], out);
        }
        double freshCpu = CpuClock.processSeconds() - c0;
        double fresh = (System.nanoTime() - t0) * 1e-9;
        objective.hessianVector(theta0, vs[0], out);
        long t1 = System.nanoTime();
        for (int i = 0; i < HVPS; i++) {
            objective.hessianVector(theta0, vs[i], out);
        }
        double reused = (System.nanoTime() - t1) * 1e-9;
        objective.hessianVector(theta0, vs[0], out);
        objective.hessianVector(theta0, vs[1], other);
        double uHv = dot(vs[1], out);
        double vHu = dot(vs[0], other);
        m.put("hvp_warmup_steps_run", warm.steps());
        m.put("hvp_warmup_s", warm.seconds());
        m.put("hvp_batch", HVP_SAMPLES);
        m.put("hvp_dtype", "float64");
        m.put("n_hvp", HVPS);
        m.put("hvp_fresh_s", fresh);
        m.put("hvp_fresh_per_s", HVPS / fresh);
        m.put("hvp_fresh_per_cpu_s", HVPS / freshCpu);
        m.put("hvp_reuse_s", reused);
        m.put("hvp_reuse_per_s", HVPS / reused);
        m.put("hvp_symmetry_rel_err", Math.abs(uHv - vHu) / Math.max(1e-300, Math.abs(uHv)));
    }

    private static TrainConfig config(long steps, BenchContext ctx) {
        return TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.SGD).learningRate(LR)
                .batchSize(BATCH).momentum(0).maxSteps(steps).gradientTolerance(0).lossTolerance(0)
                .historyStride((int) Math.max(1, steps)).seed(ctx.seed()).threads(ctx.threads()).build();
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
