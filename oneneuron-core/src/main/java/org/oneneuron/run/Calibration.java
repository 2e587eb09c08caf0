package org.oneneuron.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Task;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.MarginLoss;
import org.oneneuron.loss.OutputLoss;

/**
 * How a model turns its score f~(x) into P(y = +1 | x).
 *
 * <ul>
 *   <li>{@code logistic-loss}: the logistic loss ℓ(z) = log(1 + e^z), z = -y·f~, is the negative
 *       log-likelihood of P(y | x) = σ(y·f~), so P(+1 | x) = σ(f~) = 1/(1 + e^(-f~)); nothing is
 *       fitted.</li>
 *   <li>{@code platt}: every other loss (cubic hinge, squared, ...) defines no probability, so a
 *       score is calibrated by Platt scaling, P(+1 | x) = 1/(1 + exp(a·f~ + b)), with (a, b)
 *       fitted by maximum likelihood to Platt's smoothed targets t₊ = (N₊+1)/(N₊+2),
 *       t₋ = 1/(N₋+2) (which keep a and b finite on separable data), by Newton's method with a
 *       backtracking line search (Lin, Lin and Weng 2007), on the held-out part when the fit had
 *       one, else on the training part.</li>
 * </ul>
 *
 * @param method   {@code logistic-loss} or {@code platt}
 * @param a        Platt's slope (0 for logistic-loss)
 * @param b        Platt's offset (0 for logistic-loss)
 * @param fittedOn what (a, b) were fitted on: {@code held_out}, {@code train}, or a data set's
 *                 name; empty for logistic-loss
 * @param samples  samples fitted on (0 for logistic-loss)
 */
public record Calibration(String method, double a, double b, String fittedOn, int samples) {

    /** The method word of the logistic loss's own probabilities. */
    public static final String LOGISTIC_LOSS = "logistic-loss";
    /** The method word of Platt scaling. */
    public static final String PLATT = "platt";

    private static final int MAX_ITERATIONS = 100;
    private static final double MIN_STEP = 1e-10;
    private static final double SIGMA = 1e-12;
    private static final double EPS = 1e-5;

    public Calibration {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(fittedOn, "fittedOn");
        if (!method.equals(LOGISTIC_LOSS) && !method.equals(PLATT)) {
            throw new IllegalArgumentException("calibration method must be " + LOGISTIC_LOSS + " or "
                    + PLATT + ", got '" + method + "'");
        }
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("calibration a and b must be finite, got " + a + ", " + b);
        }
    }

    /**
     * The calibration of a fitted binary model: the logistic loss's own, else Platt scaling fitted
     * on the held-out part when it holds both classes (a stratified split of a rare class can
     * leave it none), else on the training part, which always does; none for multi-class
     * (softmax of the scores) and regression (values).
     */
    static Optional<Calibration> of(Model model, FitResult fit, TrainingData data) {
        if (model.task() != Task.BINARY) {
            return Optional.empty();
        }
        if (lossDefinesProbabilities(model.loss())) {
            return Optional.of(logisticLoss());
        }
        Optional<Dataset> heldOut = data.heldOut().filter(Calibration::hasBothClasses);
        Dataset on = heldOut.orElse(data.train());
        // On the training part, f~ is the float64 objective's value pass over the same
        // standardized rows (the same bits: ModelTest), which the figures of the run then reuse.
        Problem problem = fit.problem();
        boolean fitRows = heldOut.isEmpty() && problem.data().n() == on.n()
                && Arrays.equals(problem.data().y(), on.y());
        double[] scores = fitRows ? problem.objective().scores(fit.theta()) : model.scores(on);
        return Optional.of(platt(scores, on.y(), heldOut.isPresent() ? "held_out" : "train"));
    }

    private static boolean hasBothClasses(Dataset d) {
        boolean pos = false;
        boolean neg = false;
        for (double y : d.y()) {
            pos |= y > 0;
            neg |= y < 0;
        }
        return pos && neg;
    }

    /** The logistic loss's own probabilities σ(f~). */
    public static Calibration logisticLoss() {
        return new Calibration(LOGISTIC_LOSS, 0, 0, "", 0);
    }

    /** True when the loss defines probabilities itself (the logistic loss). */
    public static boolean lossDefinesProbabilities(OutputLoss loss) {
        return loss.word().equals(Losses.LOGISTIC.word());
    }

    /**
     * Platt scaling fitted to scores f~ and their ±1 labels.
     *
     * @param fittedOn what the scores are, for the record (e.g. {@code held_out})
     * @throws IllegalArgumentException without samples of both classes
     */
    public static Calibration platt(double[] scores, double[] labels, String fittedOn) {
        int n = scores.length;
        int pos = 0;
        for (double y : labels) {
            pos += y > 0 ? 1 : 0;
        }
        int neg = n - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("Platt scaling needs samples of both classes; " + fittedOn
                    + " has " + pos + " positive and " + neg + " negative");
        }
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = labels[i] > 0 ? hi : lo;
        }
        double a = 0;
        double b = Math.log((neg + 1.0) / (pos + 1.0));
        double f = objective(scores, t, a, b);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double h11 = SIGMA;
            double h22 = SIGMA;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < n; i++) {
                double p = plattProbability(scores[i], a, b);
                double pq = p * (1 - p);
                h11 += scores[i] * scores[i] * pq;
                h22 += pq;
                h21 += scores[i] * pq;
                double d = t[i] - p;
                g1 += scores[i] * d;
                g2 += d;
            }
            if (Math.abs(g1) < EPS && Math.abs(g2) < EPS) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double da = -(h22 * g1 - h21 * g2) / det;
            double db = -(-h21 * g1 + h11 * g2) / det;
            double slope = g1 * da + g2 * db;
            double step = 1;
            while (step >= MIN_STEP) {
                double na = a + step * da;
                double nb = b + step * db;
                double nf = objective(scores, t, na, nb);
                if (nf < f + 1e-4 * step * slope) {
                    a = na;
                    b = nb;
                    f = nf;
                    break;
                }
                step /= 2;
            }
            if (step < MIN_STEP) {
                break;
            }
        }
        return new Calibration(PLATT, a, b, fittedOn, n);
    }

    /** P(y = +1 | x) for the score f~(x). */
    public double probability(double score) {
        return method.equals(LOGISTIC_LOSS) ? sigmoid(score) : plattProbability(score, a, b);
    }

    /** One line: what the probability is. */
    public String describe() {
        return method.equals(LOGISTIC_LOSS) ? "σ(f~), the logistic loss's own probability"
                : String.format(Locale.ROOT, "Platt scaling 1/(1 + exp(%.6g·f~ + %.6g)) fitted on %s"
                        + " (%d samples)", a, b, fittedOn, samples);
    }

    /** 1/(1 + exp(a·f + b)) without overflow. */
    private static double plattProbability(double f, double a, double b) {
        return sigmoid(-(a * f + b));
    }

    /** σ(t) = 1/(1 + e^(-t)), evaluated without overflow on either side. */
    static double sigmoid(double t) {
        if (t >= 0) {
            return 1 / (1 + Math.exp(-t));
        }
        double e = Math.exp(t);
        return e / (1 + e);
    }

    /** Platt's negative log-likelihood Σ_i -t_i log p_i - (1-t_i) log(1-p_i), in a stable form. */
    private static double objective(double[] f, double[] t, double a, double b) {
        double sum = 0;
        for (int i = 0; i < f.length; i++) {
            double z = a * f[i] + b;
            sum += z >= 0 ? t[i] * z + Math.log1p(Math.exp(-z)) : (t[i] - 1) * z + Math.log1p(Math.exp(z));
        }
        return sum;
    }
}
