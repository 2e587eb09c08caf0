package org.oneneuron.cli.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.oneneuron.batch.TinyNetBatch;
import org.oneneuron.batch.TinyNetProblem;
import org.oneneuron.batch.TinyRun;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.Trainer;

/**
 * W4: 1000 independent 2-2-1 tanh nets + the skip exponential neuron on 4-point XOR, 500 GD steps
 * each, lr 0.05, λ 1e-2, mean cubic hinge. "batched": all runs at once through
 * {@link TinyNetBatch#train}, the public entry of the batched path that studies use for such runs
 * (one batch per thread, trajectory recorded at step 0 and the last step); "loop": one
 * {@link NetworkObjective} + {@link Trainer} per run, on the first 20 runs (runs/s is per run).
 * Initial rows from our generator: every parameter ~ U(±1/√2), a = b = 0.
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

    /** The W4 problem as the batched path takes it: no clipping, history at 0 and the end. */
    static TinyNetProblem problem(int steps) {
        return new TinyNetProblem(SPEC, W1Setup.dataset("xor", X, Y, 2), Losses.CUBIC_HINGE, Reduction.MEAN,
                LAMBDA, LR, 0, TrainConfig.defaults().divergenceFactor(), Math.max(1, steps));
    }

    static double[][] initialRows(long seed, int runs) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int p = SPEC.layout().dimension();
        double bound = 1 / Math.sqrt(2);
        double[][] rows = new double[runs][p];
        for (double[] row : rows) {
            for (int i = 0; i < p; i++) {
                row[i] = rnd.nextDouble(-bound, bound);
            }
            row[p - 2] = 0;
            row[p - 1] = 0;
        }
        return rows;
    }

    static Map<String, Object> run(BenchContext ctx) throws Exception {
        int steps = ctx.stepsOr(STEPS);
        double[][] rows = initialRows(ctx.seed(), RUNS);
        TinyNetProblem problem = problem(steps);
        // Warm-up steps train the same problem (history stride included) for a few steps, so the
        // JIT profiles the measured mix of recorded and unrecorded steps.
        WarmUpLoop.Outcome warm = WarmUpLoop.run(ctx.warmupSteps(),
                () -> TinyNetBatch.train(problem, rows, WARMUP_STEPS_PER_CALL));
        long t0 = System.nanoTime();
        List<TinyRun> runs = descendInParallel(problem, rows, steps, ctx.threads());
        double batchedSeconds = (System.nanoTime() - t0) * 1e-9;
        double[] batched = new double[RUNS];
        long nonFinite = 0;
        for (int r = 0; r < RUNS; r++) {
            batched[r] = runs.get(r).finalLoss();
            nonFinite += runs.get(r).clean() ? 0 : 1;
        }

        Dataset xor = W1Setup.dataset("xor", X, Y, 2);
        NetworkSpec spec = SPEC;
        TrainConfig config = TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.GD).learningRate(LR)
                .maxSteps(steps).gradientTolerance(0).lossTolerance(0).historyStride(Math.max(1, steps)).build();
        double[] loop = new double[LOOP_RUNS];
        long t1 = System.nanoTime();
        for (int r = 0; r < LOOP_RUNS; r++) {
            NetworkObjective objective = NetworkObjective.builder(spec, xor).loss(Losses.CUBIC_HINGE)
                    .reduction(Reduction.MEAN).lambda(LAMBDA).build();
            loop[r] = objective.value(Trainer.train(objective, rows[r], config).theta());
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
        m.put("data_source", "XOR; initial rows from java.util.SplittableRandom (not the peer's numpy rows)");
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
     * The runs split into {@code threads} contiguous batches, each trained by
     * {@link TinyNetBatch#train} on its own thread; the runs' outcomes in order.
     */
    static List<TinyRun> descendInParallel(TinyNetProblem problem, double[][] rows, int steps, int threads)
            throws InterruptedException {
        List<List<TinyRun>> parts = new ArrayList<>(Collections.nCopies(threads, null));
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            double[][] part = Arrays.copyOfRange(rows, rows.length * t / threads, rows.length * (t + 1) / threads);
            int slot = t;
            workers[t] = new Thread(() -> parts.set(slot, TinyNetBatch.train(problem, part, steps)), "w4-batch-" + t);
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
