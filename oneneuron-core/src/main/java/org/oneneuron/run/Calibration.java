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
 * How a model turns its score f~(x) into P(y = +1 | x), or a multi-class model its K scores into
 * class probabilities.
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
 *   <li>{@code temperature} (multi-class): p_k = softmax(a·f~)_k, the slope a = 1/T fitted by
 *       maximum likelihood on the same part ({@link TemperatureScaling}); b is 0.</li>
 * </ul>
 *
 * @param method   {@code logistic-loss} or {@code platt}
 * @param a        Platt's slope, the temperature's a = 1/T (0 for logistic-loss)
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
    /** The method word of temperature scaling (multi-class). */
    public static final String TEMPERATURE = "temperature";
    /**
     * The probability method word of a multi-class model without a temperature (a file written
     * before temperatures were fitted): the plain softmax of its scores, no calibration.
     */
    public static final String SOFTMAX = "softmax";

    private static final int MAX_ITERATIONS = 100;
    private static final double MIN_STEP = 1e-10;
    private static final double SIGMA = 1e-12;
    private static final double EPS = 1e-5;

    public Calibration {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(fittedOn, "fittedOn");
        if (!method.equals(LOGISTIC_LOSS) && !method.equals(PLATT) && !method.equals(TEMPERATURE)) {
            throw new IllegalArgumentException("calibration method must be " + LOGISTIC_LOSS + ", "
                    + PLATT + " or " + TEMPERATURE + ", got '" + method + "'");
        }
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("calibration a and b must be finite, got " + a + ", " + b);
        }
        if (method.equals(TEMPERATURE) && (a < 0 || b != 0)) {
            throw new IllegalArgumentException("a temperature calibration has a = 1/T >= 0 and b = 0, got "
                    + a + ", " + b);
        }
    }

    /**
     * The calibration of a fitted model. Binary: the logistic loss's own, else Platt scaling
     * fitted on the held-out part when it holds both classes (a stratified split of a rare class
     * can leave it none), else on the training part, which always does. Multi-class: temperature
     * scaling, fitted on the held-out part when there is one, else on the training part (where a
     * network trained to near-zero loss gets a temperature that says so, not one that fixes its
     * overconfidence). Regression: none (values).
     */
    static Optional<Calibration> of(Model model, FitResult fit, TrainingData data) {
        if (model.task() == Task.REGRESSION) {
            return Optional.empty();
        }
        if (model.task() == Task.MULTICLASS) {
            Optional<Dataset> heldOut = data.heldOut().filter(d -> d.n() > 0);
            return fitted(model, heldOut.orElse(data.train()), heldOut.isPresent() ? "held_out" : "train");
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

    /**
     * The calibration of a model's task fitted on labeled raw data {@code on}: σ(f~) for the
     * logistic loss, else Platt scaling (binary); temperature scaling (multi-class); none
     * (regression).
     *
     * @param fittedOn what {@code on} is, for the record (e.g. {@code train})
     */
    public static Optional<Calibration> fitted(Model model, Dataset on, String fittedOn) {
        return switch (model.task()) {
            case REGRESSION -> Optional.empty();
            case MULTICLASS -> Optional.of(temperature(model.scores(on), model.outputs(), on.y(), fittedOn));
            case BINARY -> Optional.of(lossDefinesProbabilities(model.loss()) ? logisticLoss()
                    : platt(model.scores(on), on.y(), fittedOn));
        };
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

    /**
     * Temperature scaling fitted to K scores per sample and their class indices.
     *
     * @param fittedOn what the scores are, for the record (e.g. {@code held_out})
     */
    public static Calibration temperature(double[] scores, int k, double[] classes, String fittedOn) {
        return new Calibration(TEMPERATURE, TemperatureScaling.fit(scores, k, classes), 0, fittedOn, classes.length);
    }

    /** Whether this calibrates K scores (temperature), not one (logistic-loss, platt). */
    public boolean multiclass() {
        return method.equals(TEMPERATURE);
    }

    /**
     * P(y = +1 | x) for the score f~(x).
     *
     * @throws IllegalStateException for a temperature, which maps K scores at once ({@link #classProbabilities})
     */
    public double probability(double score) {
        if (multiclass()) {
            throw new IllegalStateException("a temperature calibrates K scores at once, not P(+1) of one score");
        }
        return sigmoid(logit(score));
    }

    /**
     * log P(y | x) for the score f~(x) and a label y = ±1: log σ(y·t), t the logit of {@link
     * #probability} (f~ for logistic-loss, −(a·f~ + b) for platt), without underflow.
     *
     * @throws IllegalStateException for a temperature ({@link #classLogLikelihoods})
     */
    public double logProbability(double score, double y) {
        if (multiclass()) {
            throw new IllegalStateException("a temperature calibrates K scores at once, not P(y) of one score");
        }
        return logSigmoid(y * logit(score));
    }

    /** t with P(+1) = σ(t): f~ for logistic-loss, −(a·f~ + b) for platt. */
    private double logit(double score) {
        return method.equals(LOGISTIC_LOSS) ? score : -(a * score + b);
    }

    /** p_k = softmax(a·f~)_k per sample of n·K scores (a = 1 without a temperature: the plain softmax). */
    static double[] classProbabilities(double[] scores, int k, double a) {
        double[] p = new double[scores.length];
        for (int i = 0; i < scores.length / k; i++) {
            int o = i * k;
            double m = scaledMax(scores, o, k, a);
            double s = 0;
            for (int j = 0; j < k; j++) {
                p[o + j] = Math.exp(a * scores[o + j] - m);
                s += p[o + j];
            }
            for (int j = 0; j < k; j++) {
                p[o + j] /= s;
            }
        }
        return p;
    }

    /** max_j a·f~_j over the K scores of one sample from {@code o}: the shift of a stable softmax. */
    static double scaledMax(double[] scores, int o, int k, double a) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            m = Math.max(m, a * scores[o + j]);
        }
        return m;
    }

    /**
     * log p_y = a·f~_y − log Σ_j exp(a·f~_j) per sample of n·K scores and n class indices: the log of
     * {@link #classProbabilities}'s p_y, without underflow.
     */
    static double[] classLogLikelihoods(double[] scores, int k, double a, double[] classes) {
        double[] l = new double[classes.length];
        for (int i = 0; i < l.length; i++) {
            int o = i * k;
            double m = scaledMax(scores, o, k, a);
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += Math.exp(a * scores[o + j] - m);
            }
            l[i] = a * scores[o + (int) classes[i]] - m - Math.log(s);
        }
        return l;
    }

    /** One line: what the probability is. */
    public String describe() {
        return switch (method) {
            case LOGISTIC_LOSS -> "σ(f~), the logistic loss's own probability";
            case TEMPERATURE -> String.format(Locale.ROOT, "temperature scaling softmax(%.6g·f~), T = %s, fitted on %s"
                    + " (%d samples)", a, a > 0 ? String.format(Locale.ROOT, "%.6g", 1 / a) : "infinite: the scores"
                    + " tell nothing about the class", fittedOn, samples);
            default -> String.format(Locale.ROOT, "Platt scaling 1/(1 + exp(%.6g·f~ %s %.6g)) fitted on %s"
                    + " (%d samples)", a, b < 0 ? "-" : "+", Math.abs(b), fittedOn, samples);
        };
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

    /** log σ(t) = −log(1 + e^(-t)), evaluated without overflow or underflow on either side. */
    static double logSigmoid(double t) {
        return t >= 0 ? -Math.log1p(Math.exp(-t)) : t - Math.log1p(Math.exp(t));
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
