package org.oneneuron.train;

import java.util.Objects;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Standardizer;
import org.oneneuron.loss.MarginLoss;
import org.oneneuron.loss.Reduction;
import org.oneneuron.engine.Graph;
import org.oneneuron.model.NetworkSpec;

/**
 * A trained classifier: everything needed to score new data (spec, θ, the input scaling) and
 * how it was trained. Immutable; θ is copied in and out.
 *
 * @param spec      the network
 * @param theta     the trained parameters
 * @param scaler    input scaling fitted on the training data (identity when off)
 * @param loss      the margin loss it was trained with
 * @param reduction its reduction
 * @param lambda    λ of (λ/2)a²
 * @param training  the training run (history, stop, infinity verdict, provenance)
 */
public record FittedModel(NetworkSpec spec, double[] theta, Standardizer scaler, MarginLoss loss,
                          Reduction reduction, double lambda, TrainingResult training) {

    public FittedModel {
        Objects.requireNonNull(spec, "spec");
        theta = theta.clone();
        if (theta.length != spec.layout().dimension()) {
            throw new IllegalArgumentException("theta has " + theta.length
                    + " values, the network needs " + spec.layout().dimension());
        }
        Objects.requireNonNull(scaler, "scaler");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(reduction, "reduction");
        Objects.requireNonNull(training, "training");
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    /** f~(x_i) for every sample of {@code data} (raw features; scaled here). */
    public double[] scores(Dataset data) {
        return score(data, true);
    }

    /** f(x_i) of the network alone, the special neuron removed. */
    public double[] networkScores(Dataset data) {
        return score(data, false);
    }

    /** ±1 per sample: sign(f~), with f~ = 0 read as +1. */
    public double[] predict(Dataset data) {
        double[] s = scores(data);
        for (int i = 0; i < s.length; i++) {
            s[i] = s[i] >= 0 ? 1 : -1;
        }
        return s;
    }

    /** Fraction of samples predicted right (labels ±1). */
    public double accuracy(Dataset data) {
        return accuracy(scores(data), data.y());
    }

    /** Accuracy, loss and their network-only counterparts on {@code data} (labels ±1). */
    public Evaluation evaluate(Dataset data) {
        double[] full = scores(data);
        double[] alone = networkScores(data);
        return new Evaluation(data.n(), accuracy(full, data.y()), dataLoss(full, data.y()),
                accuracy(alone, data.y()), dataLoss(alone, data.y()));
    }

    private double[] score(Dataset data, boolean withNeuron) {
        if (data.d() != spec.inputDim()) {
            throw new IllegalArgumentException("data '" + data.name() + "' has " + data.d()
                    + " features, the model was trained on " + spec.inputDim());
        }
        double[] x = scaler.transform(data.x());
        double[] out = new double[data.n()];
        Graph network = new Graph(spec);
        if (withNeuron) {
            network.scores(theta, x, data.n(), out);
        } else {
            network.networkScores(theta, x, data.n(), out);
        }
        return out;
    }

    private static double accuracy(double[] scores, double[] y) {
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            if ((scores[i] >= 0 ? 1 : -1) == y[i]) {
                right++;
            }
        }
        return y.length == 0 ? 0 : (double) right / y.length;
    }

    private double dataLoss(double[] scores, double[] y) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += loss.value(-y[i] * scores[i]);
        }
        return sum * reduction.scale(y.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FittedModel m && spec.equals(m.spec)
                && java.util.Arrays.equals(theta, m.theta) && scaler.equals(m.scaler)
                && loss.equals(m.loss) && reduction == m.reduction
                && Double.compare(lambda, m.lambda) == 0 && training.equals(m.training);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(theta) * 31 + spec.hashCode();
    }

    @Override
    public String toString() {
        return "FittedModel[" + spec + ", " + training + "]";
    }
}
