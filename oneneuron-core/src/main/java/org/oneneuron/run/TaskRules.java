package org.oneneuron.run;

import java.util.List;
import org.oneneuron.data.Task;
import org.oneneuron.eval.Metrics;
import org.oneneuron.loss.MarginLoss;
import org.oneneuron.loss.OutputLoss;

/**
 * How a {@link Model}'s scores become answers for its task: binary ±1 and the label of each sign,
 * a multi-class index (the largest of K scores) and its class name, a regression value; which
 * label names each task needs (and which calibration); and the refusal of P(+1) outside binary.
 *
 * @param task       binary, multi-class or regression
 * @param outputs    K, the scores per sample (1 for binary and regression)
 * @param labelNames the original labels of -1 and +1, the K class names, or none
 */
record TaskRules(Task task, int outputs, List<String> labelNames) {

    /**
     * The rules of a network of {@code outputs} scores trained with {@code loss}: multi-class with
     * K ≥ 2 outputs, binary with one output and a margin loss, else regression.
     *
     * @throws IllegalArgumentException when the label names do not fit the task (2 for binary, K
     *                                  for multi-class, none for regression)
     */
    static TaskRules of(int outputs, OutputLoss loss, List<String> labelNames) {
        if (!loss.accepts(outputs)) {
            throw new IllegalArgumentException("loss " + loss.word() + " does not fit a network of " + outputs
                    + (outputs == 1 ? " output" : " outputs"));
        }
        Task task = outputs > 1 ? Task.MULTICLASS : loss instanceof MarginLoss ? Task.BINARY : Task.REGRESSION;
        int names = switch (task) {
            case BINARY -> 2;
            case MULTICLASS -> outputs;
            case REGRESSION -> 0;
        };
        if (labelNames.size() != names) {
            throw new IllegalArgumentException("a " + task.word() + " model needs " + names + " label names"
                    + (task == Task.BINARY ? " (for -1 and +1)" : task == Task.MULTICLASS ? " (one per output)" : "")
                    + ", got " + labelNames);
        }
        return new TaskRules(task, outputs, List.copyOf(labelNames));
    }

    /** One prediction per sample of n or n·K (sample-major) scores: ±1, the class index or the value. */
    double[] predictionsOf(double[] scores) {
        double[] out = new double[samples(scores)];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (task) {
                case BINARY -> Metrics.label(scores[i]);
                case MULTICLASS -> Metrics.argmax(scores, i * outputs, outputs);
                case REGRESSION -> scores[i];
            };
        }
        return out;
    }

    /**
     * The samples n of n·K sample-major scores.
     *
     * @throws IllegalArgumentException when their count is not a multiple of K, or a score is not
     *                                  finite (a model's own scores always are: a NaN given here would
     *                                  otherwise become a class, -1, or a NaN probability silently)
     */
    int samples(double[] scores) {
        if (scores.length % outputs != 0) {
            throw new IllegalArgumentException(scores.length + " scores are not K = " + outputs + " per sample");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is " + scores[i] + ": scores must be finite");
            }
        }
        return scores.length / outputs;
    }

    /**
     * Refuses labels that do not go with n or n·K scores: one per sample, each -1 or +1 (binary)
     * or a class index 0..K-1 (multi-class).
     */
    void checkLabels(double[] scores, double[] labels) {
        if (samples(scores) != labels.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + samples(scores) + " samples");
        }
        for (int i = 0; i < labels.length; i++) {
            double y = labels[i];
            boolean fits = task == Task.BINARY ? y == 1 || y == -1 : y == Math.rint(y) && y >= 0 && y < outputs;
            if (!fits) {
                throw new IllegalArgumentException("label " + i + " is " + y + ", expected "
                        + (task == Task.BINARY ? "-1 or +1" : "a class index 0.." + (outputs - 1)));
            }
        }
    }

    /**
     * The name of a prediction: the original label of -1 or +1, the class name of an index, the
     * value as text.
     *
     * @throws IllegalArgumentException for a value that is no prediction of this task
     */
    String labelOf(double prediction) {
        return switch (task) {
            case BINARY -> {
                if (prediction != 1 && prediction != -1) {
                    throw new IllegalArgumentException("a binary model predicts -1 or +1, not " + prediction);
                }
                yield labelNames.get(prediction > 0 ? 1 : 0);
            }
            case MULTICLASS -> {
                if (prediction != Math.rint(prediction) || prediction < 0 || prediction >= labelNames.size()) {
                    throw new IllegalArgumentException("a multiclass model of " + labelNames.size()
                            + " classes predicts a class index 0.." + (labelNames.size() - 1) + ", not " + prediction);
                }
                yield labelNames.get((int) prediction);
            }
            case REGRESSION -> {
                if (!Double.isFinite(prediction)) {
                    throw new IllegalArgumentException("a regression model predicts finite values, not " + prediction);
                }
                yield Double.toString(prediction);
            }
        };
    }

    /**
     * Refuses a calibration of another task: logistic-loss or platt (binary), temperature
     * (multi-class), none (regression).
     */
    void checkCalibration(Calibration c) {
        if (task == Task.REGRESSION || c.multiclass() != (task == Task.MULTICLASS)) {
            throw new IllegalArgumentException("a " + task.word() + " model cannot have a " + c.method()
                    + " calibration" + (task == Task.REGRESSION ? " (it predicts values)"
                    : task == Task.BINARY ? " (logistic-loss or platt)" : " (temperature)"));
        }
    }

    /** P(+1) and its calibration exist for a binary model only; the others are told what they have instead. */
    void requireBinary() {
        switch (task) {
            case BINARY -> {
            }
            case MULTICLASS -> throw new IllegalStateException("a multiclass model has no P(+1): it gives one"
                    + " probability per class, classProbabilities(scores(row)) (the softmax of its "
                    + outputs + " scores)");
            case REGRESSION -> throw new IllegalStateException("a regression model predicts values, not"
                    + " probabilities: use predict(row)");
        }
    }
}
