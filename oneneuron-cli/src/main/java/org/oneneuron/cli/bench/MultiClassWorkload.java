package org.oneneuron.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.StandardNormal;
import org.oneneuron.eval.Metrics;
import org.oneneuron.linalg.DeterministicMath;
import org.oneneuron.linalg.Precision;
import org.oneneuron.loss.Float32NetworkObjective;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.objective.SampledObjective;
import org.oneneuron.optim.Optimizer;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.run.Fit;
import org.oneneuron.run.Problem;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.TrainingResult;

/**
 * W6: multi-class, one special neuron per output. n = 12000, d = 784, 10 classes from a random
 * tanh teacher (argmax of 10 outputs); MLP 784-128-10 ReLU + a_k·exp(w_kᵀx + b_k) per output;
 * mean softmax cross-entropy + (λ/2)Σa_k², λ = 1e-2; SGD batch 128, lr 5e-2, 3 epochs, float32,
 * through the run floor's {@link Fit}. Then exact float64 Hessian-vector products on the first 1024
 * samples, as the tool runs them (many directions at one θ, the forward pass reused) and fresh
 * (every product recomputes its forward pass, like the peer's fresh graph). Wall and CPU time are
 * both reported: {@code samples_per_cpu_s}, {@code hvp_per_cpu_s} and {@code hvp_fresh_per_cpu_s}
 * are per CPU-second of the process (JIT and GC included, as the
 * peer's {@code time.process_time}), the loop alone (the same optimizer steps from θ₀ again,
 * without the Trainer's monitoring), and are paired with the peer's under {@code --compare}; on a
 * loaded machine they are the figures to compare.
 */
final class MultiClassWorkload {

    static final int N = 12000;
    static final int D = 784;
    static final int H = 128;
    static final int K = 10;
    static final int BATCH = 128;
    static final int EPOCHS = 3;
    static final double LR = 5e-2;
    static final double LAMBDA = 1e-2;
    static final int HVP_SAMPLES = 1024;
    static final int HVPS = 50;

    private MultiClassWorkload() {
    }

    static Map<String, Object> run(BenchContext ctx) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int epochs = ctx.stepsOr(EPOCHS);
        SplittableRandom rnd = new SplittableRandom(ctx.seed());
        double[] x = new double[N * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) StandardNormal.draw(rnd);
        }
        double[] y = teacherClasses(x, N, rnd);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < D; j++) {
            names.add("x" + j);
        }
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < K; k++) {
            classes.add(Integer.toString(k));
        }
        Dataset data = new Dataset("w6-synthetic", x, y, D, names, classes);
        NetworkSpec spec = NetworkSpec.mlp(D, List.of(H), Activation.RELU, NeuronKind.SKIP_EXP, K);
        Problem problem = Problem.builder(spec, data).loss(Losses.SOFTMAX_CE).reduction(Reduction.MEAN)
                .lambda(LAMBDA).threads(ctx.threads()).precision(Precision.FLOAT32).seed(ctx.seed() + 1).build();
        double[] theta0 = problem.initialPoint();
        int batchesPerEpoch = (N + BATCH - 1) / BATCH;
        SampledObjective single = problem.descendedObjective();
        long steps = (long) epochs * batchesPerEpoch;
        // The warm-up runs the timed call itself, a whole Fit: warming up Optimizer.step alone left
        // the Trainer's code cold and let the history's full-data passes (1024-row blocks, no index)
        // hit branches that code compiled for minibatches had never taken, so the timed Fit began
        // with deoptimizations and recompilations (JIT threads competing for the second core).
        int warmFits = (int) ((ctx.warmupSteps() + steps - 1) / steps);
        WarmUpLoop.Outcome warm = WarmUpLoop.run(warmFits, () -> Fit.from(problem, theta0, config(steps, ctx)));
        long c0 = cpu.getCurrentThreadCpuTime();
        TrainingResult result = Fit.from(problem, theta0, config(steps, ctx)).training();
        Workloads.requireSound("W6", result.stop());
        double trainCpu = (cpu.getCurrentThreadCpuTime() - c0) * 1e-9;
        // After the call: evaluated before it, θ₀'s full-data loss would sit in the objective's
        // cache and spare the call its step-0 history pass, which a user's call pays.
        double loss0 = single.value(theta0);
        double[] theta = result.theta();
        // The minibatch loop alone on the calling thread's CPU clock (the machine may be loaded):
        // the same steps from θ₀ again, by the optimizer the fit used, without the fit's monitoring.
        Optimizer loopOptimizer = config(steps, ctx).newOptimizer(single);
        double[] loopTheta = theta0.clone();
        loopOptimizer.start(loopTheta);
        double c1 = CpuClock.processSeconds();
        for (long k = 0; k < steps; k++) {
            loopOptimizer.step(loopTheta);
        }
        double loopCpu = CpuClock.processSeconds() - c1;
        Map<String, Object> m = ctx.header("W6", "float32 (HVP float64)");
        m.put("warmup_fits_run", warm.steps());
        m.put("warmup_steps_run", warm.steps() * steps);
        m.put("warmup_s", warm.seconds());
        m.put("data_source", "synthetic (SplittableRandom + StandardNormal, float32-rounded inputs, classes = argmax of"
                + " a random tanh teacher; same distributions as the peer, not its numbers)");
        m.put("n", N);
        m.put("d", D);
        m.put("classes", K);
        m.put("layers", List.of(D, H, K));
        m.put("n_params", single.dimension());
        m.put("epochs", epochs);
        m.put("batch", BATCH);
        m.put("minibatches", result.steps());
        m.put("lr", LR);
        m.put("lambda", LAMBDA);
        double loop = result.optimizationSeconds();
        m.put("seconds_total", loop);
        m.put("samples_per_s", (double) epochs * N / loop);
        m.put("seconds_monitoring", result.monitoringSeconds());
        m.put("cpu_seconds_train_call", trainCpu);
        m.put("samples_per_cpu_s_train_call", (double) epochs * N / trainCpu);
        m.put("cpu_seconds_loop", loopCpu);
        m.put("samples_per_cpu_s", (double) epochs * N / loopCpu);
        m.put("loss_initial", loss0);
        m.put("loss_final", single.value(theta));
        double[] scores = ((Float32NetworkObjective) single).scores(theta);
        m.put("train_acc", 1 - Metrics.classError(scores, K, y));
        double[] a = new double[K];
        System.arraycopy(theta, spec.layout().neuronAOffset(), a, 0, K);
        m.put("a_final", java.util.Arrays.stream(a).boxed().toList());
        hvps(m, spec, data, theta0, ctx, cpu);
        return m;
    }

    /**
     * Float64 HVPs on the first 1024 samples at θ₀, each along its own direction v ~ N(0, 1), timed
     * two ways. As the tool runs them ({@code hvp_per_s}): all at θ₀, so the objective keeps the
     * forward pass and the adjoints at θ₀ and each product costs only the tangent and second-order
     * passes (Lanczos in certify and spectrum, the escape test). Fresh ({@code hvp_fresh_per_s},
     * like for like with the peer, which rebuilds its graph for every product): θ alternates between
     * θ₀ and a copy one ulp away in a neuron's b, so every product recomputes its forward pass.
     */
    private static void hvps(Map<String, Object> m, NetworkSpec spec, Dataset data, double[] theta0, BenchContext ctx,
                             ThreadMXBean cpu) throws Exception {
        double[] x = new double[HVP_SAMPLES * D];
        System.arraycopy(data.x(), 0, x, 0, x.length);
        double[] y = new double[HVP_SAMPLES];
        System.arraycopy(data.y(), 0, y, 0, y.length);
        Dataset part = new Dataset("w6-hvp", x, y, D, data.featureNames(), data.labelNames());
        NetworkObjective objective = Problem.builder(spec, part).loss(Losses.SOFTMAX_CE).reduction(Reduction.MEAN)
                .lambda(LAMBDA).threads(ctx.threads()).seed(ctx.seed() + 1).build().objective();
        SplittableRandom rnd = new SplittableRandom(ctx.seed() + 2);
        double[][] vs = new double[HVPS][theta0.length];
        for (double[] v : vs) {
            for (int i = 0; i < v.length; i++) {
                v[i] = StandardNormal.draw(rnd);
            }
        }
        double[] other = theta0.clone();
        int kb = spec.layout().neuronBOffset();
        other[kb] = Math.nextUp(other[kb]);
        double[][] points = {theta0, other};
        double[] out = new double[theta0.length];
        int[] turn = {0};
        WarmUpLoop.Outcome warm = WarmUpLoop.run(Math.min(ctx.warmupSteps(), 20),
                () -> objective.hessianVector(points[turn[0]++ & 1], vs[turn[0] % HVPS], out));
        double c0 = CpuClock.processSeconds();
        long t0 = System.nanoTime();
        for (int k = 0; k < HVPS; k++) {
            objective.hessianVector(points[k & 1], vs[k], out);
        }
        double freshWall = (System.nanoTime() - t0) * 1e-9;
        double freshCpu = CpuClock.processSeconds() - c0;
        objective.hessianVector(theta0, vs[HVPS - 1], out);
        double c1 = CpuClock.processSeconds();
        long t1 = System.nanoTime();
        for (int k = 0; k < HVPS; k++) {
            objective.hessianVector(theta0, vs[k], out);
        }
        double wall = (System.nanoTime() - t1) * 1e-9;
        double cpuS = CpuClock.processSeconds() - c1;
        m.put("hvp_warmup_steps_run", warm.steps());
        m.put("hvp_batch", HVP_SAMPLES);
        m.put("hvp_dtype", "float64");
        m.put("n_hvp", HVPS);
        m.put("hvp_per_s", HVPS / wall);
        m.put("hvp_per_cpu_s", HVPS / cpuS);
        m.put("hvp_fresh_per_s", HVPS / freshWall);
        m.put("hvp_fresh_per_cpu_s", HVPS / freshCpu);
    }

    /** class_i = argmax_k (tanh(x_i·U) V)_k with U ~ N(0, 1/d) (d×32), V ~ N(0, 1) (32×10). */
    static double[] teacherClasses(double[] x, int n, SplittableRandom rnd) {
        int hidden = 32;
        double[] u = new double[D * hidden];
        for (int i = 0; i < u.length; i++) {
            u[i] = StandardNormal.draw(rnd) / Math.sqrt(D);
        }
        double[] v = new double[hidden * K];
        for (int i = 0; i < v.length; i++) {
            v[i] = StandardNormal.draw(rnd);
        }
        double[] y = new double[n];
        double[] h = new double[hidden];
        double[] s = new double[K];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < hidden; c++) {
                double z = 0;
                for (int j = 0; j < D; j++) {
                    z += x[i * D + j] * u[j * hidden + c];
                }
                h[c] = DeterministicMath.tanh(z);
            }
            for (int k = 0; k < K; k++) {
                double z = 0;
                for (int c = 0; c < hidden; c++) {
                    z += h[c] * v[c * K + k];
                }
                s[k] = z;
            }
            y[i] = Metrics.argmax(s, 0, K);
        }
        return y;
    }

    private static TrainConfig config(long steps, BenchContext ctx) {
        return TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.SGD).learningRate(LR)
                .batchSize(BATCH).momentum(0).maxSteps(steps).gradientTolerance(0).lossTolerance(0)
                .historyStride((int) Math.max(1, steps)).seed(ctx.seed()).threads(ctx.threads()).build();
    }
}
