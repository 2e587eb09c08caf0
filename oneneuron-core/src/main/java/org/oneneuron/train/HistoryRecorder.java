package org.oneneuron.train;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.objective.Objective;

/**
 * Writes the {@link TrainingHistory}: the trainer asks {@link #due} at every step, calls
 * {@link #record} every {@code stride} steps and, through {@link #recordFinal}, at the last point.
 * For stochastic optimizers it evaluates full-data figures at recorded steps (its own buffer), so
 * the history never mixes minibatch figures: the loss and the neuron's figures always (one
 * forward pass), the gradient norm only where something reads it — the last point (the caller's
 * exact final evaluation, no second pass) and every record when a gradient tolerance must be
 * judged there ({@code gradientsAtRecords}); elsewhere the record's gradient norm is NaN. A
 * forward pass costs about a third of a loss-and-gradient pass.
 */
final class HistoryRecorder {

    private final Objective objective;
    private final int stride;
    private final boolean fullEvaluation;
    private final boolean gradientsAtRecords;
    private final boolean trackCoordinates;
    private final double[] fullGradient;
    private long[] steps = new long[64];
    private double[][] columns = new double[8][64];
    private double[][] coordinates;
    private double[][] outputRows = new double[64][];
    private int size;
    private boolean neuron;
    private long lastRecorded = -1;
    private double lastLoss = Double.NaN;
    private double lastGradientNorm = Double.NaN;
    private long evaluationNanos;

    /**
     * @param stochastic         whether the optimizer's own figures are minibatch ones (then the
     *                           recorder evaluates full-data figures itself)
     * @param gradientsAtRecords whether a stochastic run's records also evaluate the full-data
     *                           gradient (a gradient tolerance is judged at records)
     */
    HistoryRecorder(Objective objective, int stride, boolean stochastic, boolean gradientsAtRecords) {
        this.objective = objective;
        this.stride = stride;
        this.fullEvaluation = stochastic;
        this.gradientsAtRecords = gradientsAtRecords;
        this.fullGradient = stochastic ? new double[objective.dimension()] : null;
        this.trackCoordinates = objective.dimension() <= TrainingHistory.MAX_TRACKED_COORDINATES;
        this.coordinates = new double[64][];
    }

    /** Whether step {@code step} is recorded. */
    boolean due(long step) {
        return step % stride == 0;
    }

    /**
     * Records the final point, whose full-data loss and gradient norm the caller evaluated: a new
     * entry unless the step was just recorded, where the exact gradient norm replaces a NaN.
     */
    void recordFinal(long step, double[] theta, double loss, double gradientNorm) {
        if (step != lastRecorded) {
            append(step, theta, loss, gradientNorm, System.nanoTime());
        } else if (Double.isNaN(columns[1][size - 1])) {
            columns[1][size - 1] = gradientNorm;
            lastGradientNorm = gradientNorm;
        }
    }

    /**
     * Records θ at {@code step} (the optimizer's loss and gradient norm unless stochastic).
     * {@code last}: no step can follow (the step budget is used), so the final evaluation will need
     * the full-data gradient here anyway and the record computes it (the objective keeps it).
     */
    void record(long step, double[] theta, double loss, double gradientNorm, boolean last) {
        long start = System.nanoTime();
        if (fullEvaluation && (gradientsAtRecords || last)) {
            loss = objective.valueAndGradient(theta, fullGradient);
            gradientNorm = norm(fullGradient);
        } else if (fullEvaluation) {
            loss = objective.value(theta);
            gradientNorm = Double.NaN;
        }
        append(step, theta, loss, gradientNorm, start);
    }

    private void append(long step, double[] theta, double loss, double gradientNorm, long start) {
        Optional<NeuronSnapshot> snapshot = objective.neuron(theta);
        if (fullEvaluation) {
            evaluationNanos += System.nanoTime() - start;
        }
        if (size == 0) {
            neuron = snapshot.isPresent();
        }
        grow();
        steps[size] = step;
        columns[0][size] = loss;
        columns[1][size] = gradientNorm;
        columns[2][size] = norm(theta);
        if (neuron && snapshot.isPresent()) {
            NeuronSnapshot s = snapshot.get();
            columns[3][size] = s.networkOnlyLoss();
            columns[4][size] = s.a();
            columns[5][size] = s.b();
            columns[6][size] = s.wNorm();
            columns[7][size] = s.maxContribution();
        }
        if (trackCoordinates) {
            coordinates[size] = theta.clone();
        }
        if (neuron && snapshot.isPresent()) {
            outputRows[size] = outputRow(snapshot.get().outputs());
        }
        size++;
        lastRecorded = step;
        lastLoss = loss;
        lastGradientNorm = gradientNorm;
    }

    /** The loss recorded at {@code step} (full data for stochastic runs), NaN when not recorded there. */
    double lossAt(long step) {
        return step == lastRecorded ? lastLoss : Double.NaN;
    }

    /** The gradient norm recorded at {@code step}, NaN when not recorded there. */
    double gradientNormAt(long step) {
        return step == lastRecorded ? lastGradientNorm : Double.NaN;
    }

    /** [a_0..a_{K-1}, b_0.., ‖w_0‖..] of a K-output snapshot, null with one output. */
    private static double[] outputRow(List<NeuronSnapshot.Output> outputs) {
        int k = outputs.size();
        if (k < 2) {
            return null;
        }
        double[] row = new double[3 * k];
        for (int j = 0; j < k; j++) {
            NeuronSnapshot.Output o = outputs.get(j);
            row[j] = o.a();
            row[k + j] = o.b();
            row[2 * k + j] = o.wNorm();
        }
        return row;
    }

    private void grow() {
        if (size < steps.length) {
            return;
        }
        int capacity = steps.length * 2;
        steps = Arrays.copyOf(steps, capacity);
        for (int c = 0; c < columns.length; c++) {
            columns[c] = Arrays.copyOf(columns[c], capacity);
        }
        coordinates = Arrays.copyOf(coordinates, capacity);
        outputRows = Arrays.copyOf(outputRows, capacity);
    }

    /** Wall time spent so far on full-data evaluations (minibatch runs only). */
    double evaluationSeconds() {
        return evaluationNanos * 1e-9;
    }

    TrainingHistory history() {
        double[] none = new double[0];
        return new TrainingHistory(Arrays.copyOf(steps, size), col(0), col(1), col(2),
                neuron ? col(3) : none, neuron ? col(4) : none, neuron ? col(5) : none,
                neuron ? col(6) : none, neuron ? col(7) : none,
                trackCoordinates ? Arrays.copyOf(coordinates, size) : new double[0][], outputRows());
    }

    /** The per-output rows when every entry has one (a K-output neuron), else none. */
    private double[][] outputRows() {
        if (!neuron || size == 0) {
            return new double[0][];
        }
        for (int i = 0; i < size; i++) {
            if (outputRows[i] == null) {
                return new double[0][];
            }
        }
        return Arrays.copyOf(outputRows, size);
    }

    private double[] col(int c) {
        return Arrays.copyOf(columns[c], size);
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
