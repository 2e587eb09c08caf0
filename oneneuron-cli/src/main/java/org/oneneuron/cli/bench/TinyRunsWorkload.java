package org.oneneuron.cli.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.oneneuron.batch.TinyNetBatch;
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
 * each, lr 0.05, λ 1e-2, mean cubic hinge. "batched": all runs at once in {@link TinyNetBatch};
 * "loop": one {@link NetworkObjective} + {@link Trainer} per run, on the first 20 runs (runs/s
 * is per run). Initial rows from our generator: every parameter ~ U(±1/√2), a = b = 0.
 */
final class TinyRunsWorkload {

    static final int RUNS = 1000;
    static final int LOOP_RUNS = 20;
    static final int STEPS = 500;
    static final double LR = 0.05;
    static final double LAMBDA = 1e-2;
    static final double[] X = {-1, -1, -1, 1, 1, -1, 1, 1};
    static final double[] Y = {-1, 1, 1, -1};

    private TinyRunsWorkload() {
    }

    static double[][] initialRows(long seed, int runs) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int p = TinyNetBatch.parameterCount(2, 2);
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
        TinyNetBatch warmBatch = new TinyNetBatch(2, 2, X, Y, LAMBDA, rows);
        WarmUpLoop.Outcome warm = WarmUpLoop.run(ctx.warmupSteps(), () -> warmBatch.descend(1, LR));
        long t0 = System.nanoTime();
        TinyNetBatch[] parts = descendInParallel(rows, steps, ctx.threads());
        double[] batched = new double[RUNS];
        long nonFinite = 0;
        int at = 0;
        for (TinyNetBatch part : parts) {
            double[] l = part.losses();
            System.arraycopy(l, 0, batched, at, l.length);
            at += l.length;
            nonFinite += Arrays.stream(part.firstNonFiniteStep()).filter(s -> s >= 0).count();
        }
        double batchedSeconds = (System.nanoTime() - t0) * 1e-9;

        Dataset xor = W1Setup.dataset("xor", X, Y, 2);
        NetworkSpec spec = new NetworkSpec(2, List.of(2), Activation.parse("tanh"), NeuronKind.SKIP_EXP);
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

    /** The runs split into {@code threads} contiguous batches, each descended on its own thread. */
    static TinyNetBatch[] descendInParallel(double[][] rows, int steps, int threads) throws InterruptedException {
        TinyNetBatch[] parts = new TinyNetBatch[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int from = rows.length * t / threads;
            int to = rows.length * (t + 1) / threads;
            parts[t] = new TinyNetBatch(2, 2, X, Y, LAMBDA, Arrays.copyOfRange(rows, from, to));
            TinyNetBatch part = parts[t];
            workers[t] = new Thread(() -> part.descend(steps, LR), "w4-batch-" + t);
        }
        for (int t = 1; t < threads; t++) {
            workers[t].start();
        }
        parts[0].descend(steps, LR);
        for (int t = 1; t < threads; t++) {
            workers[t].join();
        }
        return parts;
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
