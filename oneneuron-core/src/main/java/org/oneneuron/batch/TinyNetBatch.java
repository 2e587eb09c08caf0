package org.oneneuron.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.oneneuron.model.ParameterLayout;

/**
 * Many independent full-batch gradient-descent runs of one tiny network ({@link TinyNetProblem})
 * trained at once: θ ← θ − η·c·∇L~(θ), c = min(1, clip/‖∇L~‖), for a fixed number of steps,
 * recording the trajectory every {@code historyStride} steps. The fast path of studies
 * ({@code study.TrainerRunFunction}) and of benchmark W4.
 *
 * <p>Parameters are stored structure-of-arrays, {@code theta[p][r]} = parameter p of run r, so
 * every operation is a loop over runs that the JIT vectorizes ({@link BatchPass}). Nothing mixes
 * runs: a run's bits are the same alone or in any batch, at any position, and equal those of
 * {@code Trainer} over {@code NetworkObjective} + {@code GradientDescent} (tested). After every evaluation a
 * run whose loss, gradient or θ is not finite, whose |wᵀx + b| passed 708 or whose loss diverged
 * is flagged ({@link TinyRun#trouble()}) and stops moving.
 */
public final class TinyNetBatch {

    private final TinyNetProblem problem;
    private final int runs;
    private final int params;
    private final double[][] theta;
    private final double[][] grad;
    private final BatchPass pass;
    private final double[] norm;
    private final double[][] partial;
    private final double[] scaleOf;
    private final double[] check;
    private final double[] initialLoss;
    private final String[] trouble;
    private final int[] frozenRuns;
    private int frozenCount;
    private final List<Long> recordedSteps = new ArrayList<>();
    private final List<double[][]> recordedColumns = new ArrayList<>();
    private final List<double[][]> recordedThetas = new ArrayList<>();
    private boolean trained;

    /**
     * @param problem the shared network, data, objective and optimizer settings
     * @param starts  θ₀ of each run, in the engine's layout; copied
     */
    public TinyNetBatch(TinyNetProblem problem, double[][] starts) {
        this.problem = problem;
        ParameterLayout layout = problem.spec().layout();
        this.params = layout.dimension();
        this.runs = starts.length;
        if (runs == 0) {
            throw new IllegalArgumentException("a batch needs at least one run");
        }
        theta = new double[params][runs];
        for (int r = 0; r < runs; r++) {
            if (starts[r].length != params) {
                throw new IllegalArgumentException("run " + r + " has " + starts[r].length
                        + " parameters, expected " + params);
            }
            for (int p = 0; p < params; p++) {
                theta[p][r] = starts[r][p];
            }
        }
        grad = new double[params][runs];
        pass = BatchPass.of(problem, runs);
        norm = new double[runs];
        partial = new double[8][runs];
        scaleOf = new double[runs];
        check = new double[runs];
        initialLoss = new double[runs];
        trouble = new String[runs];
        Arrays.fill(trouble, "");
        frozenRuns = new int[runs];
    }

    /** Trains every start for {@code steps} steps; the one public entry of the batched path. */
    public static List<TinyRun> train(TinyNetProblem problem, double[][] starts, int steps) {
        return new TinyNetBatch(problem, starts).train(steps);
    }

    /** Number of runs. */
    public int runs() {
        return runs;
    }

    /** Runs {@code steps} gradient steps (once per batch) and returns every run's outcome, in order. */
    public List<TinyRun> train(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (trained) {
            throw new IllegalStateException("this batch has already been trained");
        }
        trained = true;
        int stride = problem.historyStride();
        double clip = problem.clipNorm() == 0 ? Double.POSITIVE_INFINITY : problem.clipNorm();
        double lr = problem.learningRate();
        for (int s = 0; ; s++) {
            boolean record = s % stride == 0;
            pass.evaluate(theta, grad, record);
            checkFinite(s);
            checkDivergence(s);
            if (record || clip < Double.POSITIVE_INFINITY) {
                gradientNorms();
            }
            if (record) {
                record(s);
            }
            if (s == steps) {
                break;
            }
            if (clip < Double.POSITIVE_INFINITY) {
                for (int r = 0; r < runs; r++) {
                    double c = norm[r] > clip ? clip / norm[r] : 1.0;
                    scaleOf[r] = -lr * c;
                }
            } else {
                Arrays.fill(scaleOf, -lr);
            }
            for (int i = 0; i < frozenCount; i++) {
                int r = frozenRuns[i];
                for (int p = 0; p < params; p++) {
                    grad[p][r] = 0;
                }
            }
            for (int p = 0; p < params; p++) {
                double[] t = theta[p];
                double[] g = grad[p];
                for (int r = 0; r < runs; r++) {
                    t[r] += scaleOf[r] * g[r];
                }
            }
        }
        List<TinyRun> out = new ArrayList<>(runs);
        for (int r = 0; r < runs; r++) {
            out.add(result(r));
        }
        return out;
    }

    /** Flags the unflagged runs whose check is not 0 (NaN: something non-finite), naming the step. */
    private void flagChecked(int step, String what) {
        for (int r = 0; r < runs; r++) {
            if (check[r] != 0 && trouble[r].isEmpty()) {
                flag(r, String.format(Locale.ROOT, "%s at step %d (loss %s)", what, step, pass.value()[r]));
            }
        }
    }

    /** Flags runs whose loss, gradient or θ is not finite, or whose exp(u) left the normal range. */
    private void checkFinite(int step) {
        double[] value = pass.value();
        double[] exponent = pass.largestExponent();
        for (int r = 0; r < runs; r++) {
            check[r] = value[r] * 0 + (exponent[r] > TinyNetPass.EXP_SAFE ? 1 : 0);
        }
        for (int p = 0; p < params; p++) {
            double[] g = grad[p];
            double[] t = theta[p];
            for (int r = 0; r < runs; r++) {
                check[r] += g[r] * 0 + t[r] * 0;
            }
        }
        flagChecked(step, "a non-finite loss, gradient or θ, or exp(u) outside the normal range");
    }

    private void checkDivergence(int step) {
        double[] value = pass.value();
        if (step == 0) {
            System.arraycopy(value, 0, initialLoss, 0, runs);
        }
        double factor = problem.divergenceFactor();
        for (int r = 0; r < runs; r++) {
            double ceiling = factor * Math.max(Math.abs(initialLoss[r]), 1);
            if (value[r] > ceiling && trouble[r].isEmpty()) {
                flag(r, String.format(Locale.ROOT, "loss %.6g exceeded %.3g × max(|L0| = %.6g, 1) "
                        + "at step %d", value[r], factor, initialLoss[r], step));
            }
        }
    }

    /** Marks run r as in trouble; from now on its gradient is zeroed before each step, so it stays put. */
    private void flag(int r, String why) {
        frozenRuns[frozenCount++] = r;
        trouble[r] = why;
    }

    /**
     * ‖∇L~‖ per run as the optimizers compute it ({@code optim.Vectors.norm}): Σ g_p² in eight
     * interleaved partial sums s_j = Σ_{p ≡ j mod 8} g_p², added as
     * ((s₀ + s₁) + (s₂ + s₃)) + ((s₄ + s₅) + (s₆ + s₇)), the tail in order, then √; the form
     * max|g_p|·‖g / max|g_p|‖ only where that sum overflows or falls below 2⁻⁹⁰⁰.
     */
    private void gradientNorms() {
        int body = params / 8 * 8;
        for (double[] part : partial) {
            Arrays.fill(part, 0);
        }
        for (int p = 0; p < body; p++) {
            double[] g = grad[p];
            double[] part = partial[p % 8];
            for (int r = 0; r < runs; r++) {
                part[r] += g[r] * g[r];
            }
        }
        for (int r = 0; r < runs; r++) {
            norm[r] = ((partial[0][r] + partial[1][r]) + (partial[2][r] + partial[3][r]))
                    + ((partial[4][r] + partial[5][r]) + (partial[6][r] + partial[7][r]));
        }
        for (int p = body; p < params; p++) {
            double[] g = grad[p];
            for (int r = 0; r < runs; r++) {
                norm[r] += g[r] * g[r];
            }
        }
        for (int r = 0; r < runs; r++) {
            double sum = norm[r];
            norm[r] = sum < Double.POSITIVE_INFINITY && sum > SAFE_MIN_SQUARES ? Math.sqrt(sum) : scaledNorm(r);
        }
    }

    /** Below this Σ g_p² some squares may have lost bits to underflow (the optimizers' bound). */
    private static final double SAFE_MIN_SQUARES = 0x1p-900;

    /** max|g_p|·‖g / max|g_p|‖ of run r, summed in p order. */
    private double scaledNorm(int r) {
        double scale = 0;
        for (int p = 0; p < params; p++) {
            scale = Math.max(scale, Math.abs(grad[p][r]));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0;
        for (int p = 0; p < params; p++) {
            double q = grad[p][r] / scale;
            s += q * q;
        }
        return scale * Math.sqrt(s);
    }

    /** Columns: loss, ‖∇‖, ‖θ‖, network-only loss, a, b, ‖w‖, max contribution. */
    private void record(int step) {
        ParameterLayout layout = problem.spec().layout();
        double[][] cols = new double[8][];
        cols[0] = pass.value().clone();
        cols[1] = norm.clone();
        cols[2] = sqrtOfSquares(0, params);
        cols[3] = pass.networkOnly().clone();
        if (layout.hasNeuron()) {
            cols[4] = theta[layout.neuronAOffset()].clone();
            cols[5] = theta[layout.neuronBOffset()].clone();
            cols[6] = sqrtOfSquares(layout.neuronWOffset(), layout.neuronWOffset() + layout.neuronInputDim());
            cols[7] = pass.maxContribution().clone();
        }
        double[][] copy = new double[params][];
        for (int p = 0; p < params; p++) {
            copy[p] = theta[p].clone();
        }
        recordedSteps.add((long) step);
        recordedColumns.add(cols);
        recordedThetas.add(copy);
    }

    /** sqrt(Σ_{p∈[from,to)} θ_p²) per run, summed in p order. */
    private double[] sqrtOfSquares(int from, int to) {
        double[] s = new double[runs];
        for (int p = from; p < to; p++) {
            double[] t = theta[p];
            for (int r = 0; r < runs; r++) {
                s[r] += t[r] * t[r];
            }
        }
        for (int r = 0; r < runs; r++) {
            s[r] = Math.sqrt(s[r]);
        }
        return s;
    }

    private TinyRun result(int r) {
        int k = recordedSteps.size();
        long[] steps = new long[k];
        double[][] cols = new double[8][k];
        double[][] thetas = new double[k][params];
        boolean neuron = problem.spec().layout().hasNeuron();
        for (int i = 0; i < k; i++) {
            steps[i] = recordedSteps.get(i);
            double[][] c = recordedColumns.get(i);
            for (int col = 0; col < (neuron ? 8 : 4); col++) {
                cols[col][i] = c[col][r];
            }
            double[][] t = recordedThetas.get(i);
            for (int p = 0; p < params; p++) {
                thetas[i][p] = t[p][r];
            }
        }
        double[] none = new double[0];
        double[] end = new double[params];
        for (int p = 0; p < params; p++) {
            end[p] = theta[p][r];
        }
        return new TinyRun(end, pass.value()[r], trouble[r], steps, cols[0], cols[1], cols[2],
                cols[3], neuron ? cols[4] : none, neuron ? cols[5] : none, neuron ? cols[6] : none,
                neuron ? cols[7] : none, thetas);
    }

    /** Test hook: L~ and ∇L~ of every run at the current θ (fresh arrays: [run] and [run][p]). */
    double[][] gradientsAtCurrentPoint(double[] lossOut) {
        pass.evaluate(theta, grad, true);
        System.arraycopy(pass.value(), 0, lossOut, 0, runs);
        double[][] out = new double[runs][params];
        for (int r = 0; r < runs; r++) {
            for (int p = 0; p < params; p++) {
                out[r][p] = grad[p][r];
            }
        }
        return out;
    }
}
