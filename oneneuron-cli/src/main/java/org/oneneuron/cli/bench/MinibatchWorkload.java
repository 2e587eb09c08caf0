package org.oneneuron.cli.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.StandardNormal;
import org.oneneuron.eval.Metrics;
import org.oneneuron.linalg.Backends;
import org.oneneuron.linalg.Precision;
import org.oneneuron.loss.Float32NetworkObjective;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.objective.SampledObjective;
import org.oneneuron.optim.Optimizer;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.run.Fit;
import org.oneneuron.run.Problem;
import org.oneneuron.train.Timings;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.Trainer;
import org.oneneuron.train.TrainingResult;

/**
 * W2: minibatch SGD, n = 12000, d = 784, MLP 784-256-256-1 ReLU + the skip exponential neuron,
 * batch 128 (the last of each epoch 96), lr 1e-2, 3 epochs reshuffled each epoch, through the
 * run floor's {@link Fit} with the sgd optimizer, in float32 like the peer ({@link Float32NetworkObjective}:
 * float32 forward and reverse passes, θ kept in float64 by the optimizer). Data from our
 * generator.
 */
final class MinibatchWorkload {

    static final int N = 12000;
    static final int D = 784;
    static final int H = 256;
    static final int BATCH = 128;
    static final int EPOCHS = 3;
    static final double LR = 1e-2;
    static final double LAMBDA = 1e-2;
    /** Whole training calls run after the warm-up steps, before the timed one. */
    private static final int WARM_CALLS = 3;
    /** Warm steps whose allocation is measured (reported per step). */
    static final int ALLOCATION_PROBE_STEPS = 50;

    private MinibatchWorkload() {
    }

    static Map<String, Object> run(BenchContext ctx) throws Exception {
        int epochs = ctx.stepsOr(EPOCHS);
        SplittableRandom rnd = new SplittableRandom(ctx.seed());
        double[] x = new double[N * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) StandardNormal.draw(rnd);
        }
        double[] y = W1Setup.teacherLabels(x, N, D, 16, rnd);
        Dataset data = W1Setup.dataset("w2-synthetic", x, y, D);
        NetworkSpec spec = new NetworkSpec(D, List.of(H, H), Activation.parse("relu"), NeuronKind.SKIP_EXP);
        Problem problem = Problem.builder(spec, data).loss(Losses.CUBIC_HINGE).reduction(Reduction.MEAN)
                .lambda(LAMBDA).threads(ctx.threads()).precision(Precision.FLOAT32).seed(ctx.seed() + 1)
                .build();
        double[] theta0 = problem.initialPoint();
        int batchesPerEpoch = (N + BATCH - 1) / BATCH;
        SampledObjective single = problem.descendedObjective();
        // Warm up the optimizer's whole step (minibatch pass, update, norm, checks) on a copy of
        // θ₀, so the JIT has compiled what the timed run executes, on every thread it uses.
        // The trainer steps from one array into another and swaps them; so does the warm-up.
        Optimizer warmUp = config(1, ctx).newOptimizer(single);
        double[][] warmPoints = {theta0.clone(), new double[theta0.length]};
        warmUp.start(warmPoints[0]);
        WarmUpLoop.Step warmStep = () -> {
            warmUp.stepInto(warmPoints[0], warmPoints[1]);
            double[] t = warmPoints[0];
            warmPoints[0] = warmPoints[1];
            warmPoints[1] = t;
        };
        // ... and the timed call's full-data history passes (a loss; a loss and gradient), every
        // 1,000 steps (WarmUpLoop: else they deoptimize the compiled step as the timed call starts).
        double[] fullGradient = new double[theta0.length];
        WarmUpLoop.Outcome warm = WarmUpLoop.run(ctx.warmupSteps(), warmStep, 1000, () -> {
            single.value(warmPoints[0]);
            single.valueAndGradient(warmPoints[0], fullGradient);
        });
        long allocated = CpuClock.allocatedBytes();
        for (int s = 0; s < ALLOCATION_PROBE_STEPS; s++) {
            warmStep.run();
        }
        long stepBytes = (CpuClock.allocatedBytes() - allocated) / ALLOCATION_PROBE_STEPS;
        long steps = (long) epochs * batchesPerEpoch;
        // Then whole calls, as W6 warms up: the steps above leave the trainer's own code (its
        // start, records, final evaluation and verdicts) cold, which cost the timed call 5–35 ms
        // of wall time in its start and final_evaluation phases.
        for (int call = 0; call < WARM_CALLS; call++) {
            Fit.from(problem, theta0, config(steps, ctx)).training();
        }
        // The host's state around the timed call: a fresh run can be a quarter slower per
        // CPU-second in one run of five; a slower FMA peak beside it says the host, not our code.
        OptionalDouble peakBefore = Backends.fmaPeakGflops(true);
        // The process clock's first read loads the management beans (~10 ms here): read before t0.
        double process0 = CpuClock.processSeconds();
        long t0 = System.nanoTime();
        TrainingResult result = Fit.from(problem, theta0, config(steps, ctx)).training();
        Workloads.requireSound("W2", result.stop());
        double processCpu = CpuClock.processSeconds() - process0;
        double elapsed = (System.nanoTime() - t0) * 1e-9;
        // After the call: evaluated before it, θ₀'s full-data loss would sit in the objective's
        // cache and spare the call its step-0 history pass, which a user's call pays.
        OptionalDouble peakAfter = Backends.fmaPeakGflops(true);
        double loss0 = single.value(theta0);
        double[] theta = result.theta();
        Map<String, Object> m = ctx.header("W2", "float32");
        m.put("warmup_steps_run", warm.steps());
        m.put("warmup_s", warm.seconds());
        m.put("warmup_settled", warm.jitQuiet());
        m.put("data_source", "synthetic (SplittableRandom + StandardNormal, float32-rounded inputs; same distributions as the peer, not its numbers)");
        m.put("n", N);
        m.put("d", D);
        m.put("layers", List.of(D, H, H, 1));
        m.put("n_params", single.dimension());
        m.put("epochs", epochs);
        m.put("batch", BATCH);
        m.put("minibatches", result.steps());
        m.put("lr", LR);
        m.put("lambda", LAMBDA);
        // The peer times its minibatch loop only (its loss before and after lie outside the
        // timer); the Trainer's full-data history evaluations (step 0 and the end) are its
        // counterpart and are reported beside, not inside, the throughput.
        double loop = result.optimizationSeconds();
        m.put("seconds_total", loop);
        m.put("samples_per_s", (double) epochs * N / loop);
        m.put("seconds_per_minibatch", loop / Math.max(1, result.steps()));
        m.put("seconds_monitoring", result.monitoringSeconds());
        m.put("seconds_train_call", elapsed);
        m.put("samples_per_s_train_call", (double) epochs * N / elapsed);
        Map<String, Object> phases = new LinkedHashMap<>();
        for (Timings.Phase p : result.timings().phases()) {
            phases.put(p.name(), Map.of("seconds", p.seconds(), "cpu_seconds", p.cpuSeconds()));
        }
        m.put("train_call_timings", phases);
        // CPU-time figures, for a loaded machine: the loop's thread (the optimizer phase), every
        // phase of the call, and the whole process during the call (GC and JIT threads included;
        // with --threads 1 the figure to set against the peer's time.process_time).
        double loopCpu = result.timings().cpuSeconds(Trainer.OPTIMIZER);
        m.put("cpu_seconds_loop", loopCpu);
        m.put("samples_per_cpu_s", loopCpu > 0 ? (double) epochs * N / loopCpu : null);
        m.put("cpu_seconds_train_call", result.timings().totalCpuSeconds());
        m.put("process_cpu_seconds_train_call", processCpu);
        m.put("samples_per_process_cpu_s_train_call", processCpu > 0 ? (double) epochs * N / processCpu : null);
        m.put("step_allocated_bytes", stepBytes);
        m.put("fp32_peak_gflop_per_s_before", peakBefore.isPresent() ? peakBefore.getAsDouble() : null);
        m.put("fp32_peak_gflop_per_s_after", peakAfter.isPresent() ? peakAfter.getAsDouble() : null);
        double flopsPerSample = 2.0 * (D * H + H * H + H + D) + 2.0 * (D * H + 2 * H * H + H + D);
        m.put("gflop_per_s", flopsPerSample * epochs * N / loop * 1e-9);
        m.put("loss_initial", loss0);
        // Final figures in float32 like the peer's (a float64 pass would also allocate the
        // float64 engine's full-data work buffers, ~150 MB here).
        m.put("loss_final", single.value(theta));
        m.put("train_acc", Metrics.accuracy(((Float32NetworkObjective) single).scores(theta), y));
        m.put("a_final", theta[spec.layout().neuronAOffset()]);
        return m;
    }

    private static TrainConfig config(long steps, BenchContext ctx) {
        return TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.SGD).learningRate(LR)
                .batchSize(BATCH).momentum(0).maxSteps(steps).gradientTolerance(0).lossTolerance(0)
                .historyStride((int) Math.max(1, steps)).seed(ctx.seed()).threads(ctx.threads()).build();
    }
}
