package org.oneneuron.cli.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oneneuron.batch.TinyRun;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.run.Fit;
import org.oneneuron.run.Problem;
import org.oneneuron.train.TrainConfig;

/**
 * W4: 1000 independent 2-2-1 tanh nets + the skip exponential neuron on 4-point XOR, 500 GD steps
 * each, lr 0.05, λ 1e-2, mean cubic hinge. "batched": all runs at once on the batched path the
 * studies use for such runs ({@link Problem#descendTogether}, i.e. TinyNetBatch; one batch per
 * thread, trajectory recorded at step 0 and the last step); "loop": one
 * fit per run through the run floor ({@link Fit}, the engine's objective and the trainer), on the
 * first 20 runs (runs/s is per run). Starts from the run floor: run r's θ₀ is the problem's with
 * seed (bench seed + r), fan-in uniform (every parameter ~ U(±1/√2) here, a = b = 0).
 */
final class TinyRunsWorkload {

    static final int RUNS = 1000;
    static final int LOOP_RUNS = 20;
    static final int STEPS = 500;
    static final double LR = 0.05;
    static final double LAMBDA = 1e-2;
    static final int WARMUP_STEPS_PER_CALL = 4;
    static final double[] X = {-1, -1, -1, 1, 1, -1, 1, 1};
    static final double[] Y = {-1, 1, 1, -1};

    static final NetworkSpec SPEC = new NetworkSpec(2, List.of(2), Activation.parse("tanh"), NeuronKind.SKIP_EXP);

    private TinyRunsWorkload() {
    }

    /** The W4 problem (the run floor builds its objectives and draws its starts). */
    static Problem problem() {
        return Problem.builder(SPEC, W1Setup.dataset("xor", X, Y, 2)).loss(Losses.CUBIC_HINGE)
                .reduction(Reduction.MEAN).lambda(LAMBDA).build();
    }

    /** Full-batch GD as PAPER W4 runs it: no clipping, no early stop, history at 0 and the end. */
    static TrainConfig config(int steps) {
        return TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.GD).learningRate(LR)
                .maxSteps(steps).gradientTolerance(0).lossTolerance(0).historyStride(Math.max(1, steps))
                .build();
    }

    /** Run r starts at θ₀ of the problem with seed {@code seed + r}. */
    static double[][] initialRows(long seed, int runs) {
        Problem problem = problem();
        double[][] rows = new double[runs][];
        for (int r = 0; r < runs; r++) {
            rows[r] = problem.withSeed(seed + r).initialPoint();
        }
        return rows;
    }

    static Map<String, Object> run(BenchContext ctx) throws Exception {
        int steps = ctx.stepsOr(STEPS);
        double[][] rows = initialRows(ctx.seed(), RUNS);
        Problem problem = problem();
        TrainConfig config = config(steps);
        // Warm-up steps train the same problem (history stride included) for a few steps, so the
        // JIT profiles the measured mix of recorded and unrecorded steps.
        WarmUpLoop.Outcome warm = WarmUpLoop.run(ctx.warmupSteps(),
                () -> problem.descendTogether(rows, config, WARMUP_STEPS_PER_CALL));
        long t0 = System.nanoTime();
        List<TinyRun> runs = descendInParallel(problem, config, rows, steps, ctx.threads());
        double batchedSeconds = (System.nanoTime() - t0) * 1e-9;
        double[] batched = new double[RUNS];
        long nonFinite = 0;
        for (int r = 0; r < RUNS; r++) {
            batched[r] = runs.get(r).finalLoss();
            nonFinite += runs.get(r).clean() ? 0 : 1;
        }

        double[] loop = new double[LOOP_RUNS];
        long t1 = System.nanoTime();
        for (int r = 0; r < LOOP_RUNS; r++) {
            Problem one = problem().withSeed(ctx.seed() + r);
            loop[r] = one.objective().value(Fit.run(one, config).theta());
        }
        double loopSeconds = (System.nanoTime() - t1) * 1e-9;

        Map<String, Object> m = ctx.header("W4", "float64");
        m.put("warmup_steps_run", warm.steps());
        m.put("warmup_s", warm.seconds());
        m.put("runs", RUNS);
        m.put("steps", steps);
        m.put("lr", LR);
        m.put("lambda", LAMBDA);
        m.put("exp_neuron", true);
        m.put("data_source", "XOR; run r starts at the run floor's fan-in uniform theta_0 for seed + r"
                + " (not the peer's numpy rows)");
        m.put("batched_runs", RUNS);
        m.put("batched_s", batchedSeconds);
        m.put("batched_runs_per_s", RUNS / batchedSeconds);
        m.put("runs_per_s", RUNS / batchedSeconds);
        m.put("batched_final_loss", stats(batched));
        m.put("batched_non_finite_runs", nonFinite);
        m.put("loop_runs", LOOP_RUNS);
        m.put("loop_s", loopSeconds);
        m.put("loop_runs_per_s", LOOP_RUNS / loopSeconds);
        m.put("loop_final_loss", stats(loop));
        double diff = 0;
        for (int r = 0; r < LOOP_RUNS; r++) {
            diff = Math.max(diff, Math.abs(batched[r] - loop[r]));
        }
        m.put("max_abs_diff_final_loss_between_methods", diff);
        return m;
    }

    /**
     * The runs split into {@code threads} contiguous batches, each trained on the batched path
     * ({@link Problem#descendTogether}) on its own thread; the runs' outcomes in order.
     */
    static List<TinyRun> descendInParallel(Problem problem, TrainConfig config, double[][] rows, int steps,
                                           int threads) throws InterruptedException {
        List<List<TinyRun>> parts = new ArrayList<>(Collections.nCopies(threads, null));
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            double[][] part = Arrays.copyOfRange(rows, rows.length * t / threads, rows.length * (t + 1) / threads);
            int slot = t;
            workers[t] = new Thread(() -> parts.set(slot, problem.descendTogether(part, config, steps)),
                    "w4-batch-" + t);
        }
        for (int t = 1; t < threads; t++) {
            workers[t].start();
        }
        workers[0].run();
        for (int t = 1; t < threads; t++) {
            workers[t].join();
        }
        List<TinyRun> all = new ArrayList<>(rows.length);
        for (List<TinyRun> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    static Map<String, Object> stats(double[] f) {
        double[] s = f.clone();
        Arrays.sort(s);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", s[0]);
        m.put("median", Comparison.median(s));
        m.put("max", s[s.length - 1]);
        m.put("frac_below_1e-3", Arrays.stream(s).filter(v -> v < 1e-3).count() / (double) s.length);
        m.put("frac_below_1e-6", Arrays.stream(s).filter(v -> v < 1e-6).count() / (double) s.length);
        return m;
    }
}
