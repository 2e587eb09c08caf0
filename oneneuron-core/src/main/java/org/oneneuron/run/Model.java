package org.oneneuron.run;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.oneneuron.data.DataChecks;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Task;
import org.oneneuron.data.Standardizer;
import org.oneneuron.data.TargetStandardizer;
import org.oneneuron.engine.Graph;
import org.oneneuron.eval.Metrics;
import org.oneneuron.eval.ProbabilityMetrics;
import org.oneneuron.io.ModelFile;
import org.oneneuron.io.ModelFiles;
import org.oneneuron.loss.OutputLoss;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.train.TrainingResult;

/**
 * A trained model: what {@link Classifier#fit} returns, what a model file holds, what
 * {@code evaluate}, {@code predict}, {@code export} and the landscape commands read. It scores raw
 * rows (it standardizes them itself), names their classes, gives P(y = +1 | x) ({@link
 * Calibration}), assesses itself on labeled data ({@link Assessment}) and knows which samples of
 * its training data were held out ({@link HeldOutSplit}). Immutable; θ is copied in and out.
 *
 * <p>Its row and data-set methods answer for its {@link #task()} (as {@code oneneuron predict}):
 * <ul>
 *   <li>binary: one score f~ per sample ({@link #score(double[])}); {@link #predict(double[])} is
 *       ±1 (+1 when f~ ≥ 0), {@link #predictClass} the original label of that class
 *       ({@link #labelNames()}), {@link #probability} P(y = +1 | x);</li>
 *   <li>multi-class (K classes): K scores per sample ({@link #scores(double[])}; n·K, sample-major,
 *       for a batch or a data set); {@link #predict(double[])} is the class index 0..K-1 of the
 *       largest score (the first on a tie), {@link #predictClass} its name, {@link
 *       #classProbabilities} the softmax of the scores under its temperature ({@link
 *       #calibration()}); {@link #score(double[])} and the P(+1) methods refuse;</li>
 *   <li>regression: {@link #score(double[])} and {@link #predict(double[])} are the predicted value,
 *       in the target's units (μ + σ·f~ for a network trained on standardized targets, {@link
 *       #targetStandardizer()}), {@link #predictClass} that value as text; the P(+1) methods refuse.</li>
 * </ul>
 * {@link #predictionsOf} and {@link #labelOf} are these rules on given scores.
 */
public final class Model {

    private final NetworkSpec spec;
    private final double[] theta;
    private final Standardizer standardizer;
    private final TargetStandardizer target;
    private final OutputLoss loss;
    private final Reduction reduction;
    private final double lambda;
    private final List<String> featureNames;
    private final List<String> labelNames;
    private final Map<String, String> provenance;
    private final Optional<HeldOutSplit> split;
    private final Optional<Calibration> calibration;
    private final Optional<TrainingResult> training;
    private final TaskRules rules;

    /**
     * @param spec         the network
     * @param theta        θ in the spec's layout
     * @param standardizer the feature scaling applied before the network
     * @param target       a regression's target scaling: its values are mean + scale·f~
     *                     ({@link TargetStandardizer#identity()} for every other model)
     * @param loss         the loss it was trained with (margin: binary; class loss: multi-class; target loss: regression)
     * @param reduction    sum or mean
     * @param lambda       λ of (λ/2)a²
     * @param featureNames d feature names
     * @param labelNames   the original labels of -1 and +1 (binary), the K class names (multi-class), none (regression)
     * @param provenance   snake_case facts about how it was made
     * @param split        the held-out samples of its training data, if any
     * @param calibration  how scores become probabilities, if known
     * @param training     the training run (history, stop, verdict); not saved in model files
     */
    public Model(NetworkSpec spec, double[] theta, Standardizer standardizer, TargetStandardizer target,
                 OutputLoss loss, Reduction reduction, double lambda, List<String> featureNames,
                 List<String> labelNames, Map<String, String> provenance,
                 Optional<HeldOutSplit> split, Optional<Calibration> calibration,
                 Optional<TrainingResult> training) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.theta = theta.clone();
        if (this.theta.length != spec.layout().dimension()) {
            throw new IllegalArgumentException("θ has " + theta.length + " values, the network needs "
                    + spec.layout().dimension());
        }
        this.standardizer = Objects.requireNonNull(standardizer, "standardizer");
        if (standardizer.d() != spec.inputDim()) {
            throw new IllegalArgumentException("standardizer has " + standardizer.d()
                    + " features, the network " + spec.inputDim());
        }
        this.loss = Objects.requireNonNull(loss, "loss");
        this.reduction = Objects.requireNonNull(reduction, "reduction");
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("λ must be finite and >= 0, got " + lambda);
        }
        this.lambda = lambda;
        this.featureNames = List.copyOf(featureNames);
        if (this.featureNames.size() != spec.inputDim()) {
            throw new IllegalArgumentException(featureNames.size() + " feature names for "
                    + spec.inputDim() + " features");
        }
        this.rules = TaskRules.of(spec.outputs(), loss, labelNames);
        this.labelNames = rules.labelNames();
        this.target = Objects.requireNonNull(target, "target");
        if (!target.isIdentity() && rules.task() != Task.REGRESSION) {
            throw new IllegalArgumentException("a target standardizer is for a regression model, not a "
                    + rules.task().word() + " one");
        }
        this.provenance = Map.copyOf(provenance);
        this.split = Objects.requireNonNull(split, "split");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        calibration.ifPresent(rules::checkCalibration);
        this.training = Objects.requireNonNull(training, "training");
    }

    /**
     * The model of a fit on prepared data: names and labels from the data, provenance from the
     * training run plus {@code extra}, the held-out split, and the calibration ({@link
     * Calibration#of}: fitted on the held-out part, or the training part without one).
     */
    public static Model of(FitResult fit, TrainingData data, Map<String, String> extra) {
        Model model = at(fit.problem(), data, fit.theta(), ModelCodec.provenance(fit, data, extra))
                .withTraining(fit.training());
        return Calibration.of(model, fit, data).map(model::withCalibration).orElse(model);
    }

    /**
     * The model at a point θ of a problem over prepared data, without a training run or a
     * calibration: a checkpoint, or an end point before its run is finished.
     */
    public static Model at(Problem problem, TrainingData data, double[] theta, Map<String, String> provenance) {
        Dataset train = data.train();
        List<String> labels = switch (train.task()) {
            case BINARY -> train.labelNames().size() == 2 ? train.labelNames() : List.of("-1", "+1");
            case MULTICLASS -> train.labelNames();
            case REGRESSION -> List.of();
        };
        return new Model(problem.spec(), theta, data.standardizer(), data.target(), problem.loss(), problem.reduction(),
                problem.lambda(), train.featureNames(), labels, provenance, data.split(),
                Optional.empty(), Optional.empty());
    }

    /** Reads and checks a model file (files of every version this library knows). */
    public static Model load(Path path) {
        return fromFile(ModelFiles.read(path), path.toString());
    }

    /**
     * Rebuilds a model from its file form, checking every block against the stated network.
     *
     * @throws org.oneneuron.data.DataException naming {@code source} and the offending field
     */
    public static Model fromFile(ModelFile file, String source) {
        return ModelCodec.fromFile(file, source);
    }

    /** The file form. */
    public ModelFile toFile() {
        return ModelCodec.toFile(this);
    }

    /** Writes the model file atomically (a new file gets the umask's permissions, a replaced one keeps its own). */
    public void save(Path path) {
        ModelFiles.write(toFile(), path);
    }

    /** f~(x_i) for every sample of the raw (unscaled) data set: n values, or n·K (sample-major) for K classes. */
    public double[] scores(Dataset raw) {
        DataChecks.checkDimension(spec.inputDim(), raw, raw.name());
        return score(raw.x(), raw.n(), false);
    }

    /** f(x_i; θ), the network alone (special neuron removed), for every sample of the raw data set. */
    public double[] networkScores(Dataset raw) {
        DataChecks.checkDimension(spec.inputDim(), raw, raw.name());
        return score(raw.x(), raw.n(), true);
    }

    /**
     * f~(x) of one raw row of d features: a binary model's score, a regression model's value.
     *
     * @throws IllegalStateException for a multi-class model, which has K scores per row ({@link #scores(double[])})
     */
    public double score(double[] row) {
        if (task() == Task.MULTICLASS) {
            throw new IllegalStateException("a multiclass model has " + spec.outputs()
                    + " scores per row, one per class; use scores(row), or predict(row) for the class index");
        }
        return scores(row)[0];
    }

    /** The K scores f~_k(x) of one raw row of d features (one for binary and regression). */
    public double[] scores(double[] row) {
        return scores(new double[][] {row});
    }

    /** f~ of each raw row (each of d finite features), in one batched pass: n·K values, sample-major. */
    public double[] scores(double[][] rows) {
        return score(RawScores.rows(rows, featureNames), rows.length, false);
    }

    /**
     * The prediction for one raw row: ±1 (binary; +1 when f~ ≥ 0, see {@link Metrics} for how
     * f~ = 0 is counted), the class index 0..K-1 (multi-class), or the value (regression).
     */
    public double predict(double[] row) {
        return predictionsOf(scores(row))[0];
    }

    /** The prediction for each raw row (one per row, as {@link #predict(double[])}). */
    public double[] predict(double[][] rows) {
        return predictionsOf(scores(rows));
    }

    /** The prediction for every sample of the raw data set (n values, as {@link #predict(double[])}). */
    public double[] predict(Dataset raw) {
        return predictionsOf(scores(raw));
    }

    /**
     * The predictions of given scores (n values, or n·K sample-major, as {@code scores} returns
     * them): one per sample, ±1, the class index or the value, as {@link #predict(double[])}.
     */
    public double[] predictionsOf(double[] scores) {
        return rules.predictionsOf(scores);
    }

    /**
     * The original class name predicted for one raw row (e.g. {@code "1"} for the +1 of the
     * built-in wdbc, whose label names are {@code [-1, 1]}; {@code "M"} for a WDBC file labeled B/M;
     * the class of the largest score for a multi-class model); a regression model's value as text.
     */
    public String predictClass(double[] row) {
        return labelOf(predict(row));
    }

    /**
     * The name of a prediction of {@link #predict(double[])}: the original label of -1 or +1
     * (binary), the class name of an index (multi-class), the value as text (regression).
     *
     * @throws IllegalArgumentException for a value that is no prediction of this model's task
     */
    public String labelOf(double prediction) {
        return rules.labelOf(prediction);
    }

    /**
     * What the model is for: {@link Task#MULTICLASS} with K ≥ 2 outputs, {@link Task#BINARY} with one
     * output and a margin loss, else {@link Task#REGRESSION}.
     */
    public Task task() {
        return rules.task();
    }

    /** K, the scores per sample (1 for binary and regression). */
    public int outputs() {
        return spec.outputs();
    }

    /**
     * Class probabilities of a multi-class model from its scores (n·K, sample-major): p_k =
     * softmax(a·f~)_k, a = 1/T the {@link Calibration#TEMPERATURE} fitted when it was trained (on the
     * held-out part when there was one); a = 1, the plain softmax, for a model file without one
     * (written before temperatures were fitted), where the probabilities are not calibrated.
     *
     * @throws IllegalStateException for a binary or regression model
     */
    public double[] classProbabilities(double[] scores) {
        if (task() != Task.MULTICLASS) {
            throw new IllegalStateException("a " + task().word() + " model has one score per row; class"
                    + " probabilities are for multiclass models" + (task() == Task.BINARY ? " (use probabilities)" : ""));
        }
        rules.samples(scores);
        return Calibration.classProbabilities(scores, spec.outputs(), classSlope());
    }

    /** a of softmax(a·f~): the temperature's, or 1 (the plain softmax) without one. */
    private double classSlope() {
        return calibration.map(Calibration::a).orElse(1.0);
    }

    /**
     * Which probabilities the model gives, as {@code predict} names them: its calibration's method
     * ({@code logistic-loss}, {@code platt}, {@code temperature}), {@link Calibration#SOFTMAX} for a
     * multi-class model without a temperature; empty for a regression or a binary model without a
     * calibration, which give none.
     */
    public Optional<String> probabilityMethod() {
        return calibration.map(Calibration::method)
                .or(() -> task() == Task.MULTICLASS ? Optional.of(Calibration.SOFTMAX) : Optional.empty());
    }

    /**
     * log P(y_i | x_i) of given scores (n, or n·K sample-major) and labels (±1, or class indices):
     * the log of the probability {@link #probabilitiesOf} or {@link #classProbabilities} gives the
     * label, computed from the scores without underflow (log σ, log-softmax).
     *
     * @throws IllegalStateException when the model gives no probabilities ({@link #probabilityMethod})
     */
    public double[] logLikelihoods(double[] scores, double[] labels) {
        if (task() == Task.MULTICLASS) {
            rules.checkLabels(scores, labels);
            return Calibration.classLogLikelihoods(scores, spec.outputs(), classSlope(), labels);
        }
        Calibration c = requireCalibration();
        rules.checkLabels(scores, labels);
        double[] l = new double[scores.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = c.logProbability(scores[i], labels[i]);
        }
        return l;
    }

    /**
     * How good the model's probabilities (those of {@code predict}) are on labeled raw data: their
     * log-loss, Brier score and calibration error ({@link ProbabilityMetrics}); empty when it gives
     * none ({@link #probabilityMethod}).
     */
    public Optional<ProbabilityMetrics> probabilityMetrics(Dataset raw) {
        return probabilityMethod().isEmpty() ? Optional.empty() : ModelProbabilities.of(this, scores(raw), raw.y());
    }

    /**
     * P(y = +1 | x) for one raw row (see {@link #calibration()} for what it is); so are the other
     * P(+1) methods below.
     *
     * @throws IllegalStateException for a multi-class model (see {@link #classProbabilities}), a
     *                               regression model, or a binary model without a calibration
     */
    public double probability(double[] row) {
        return requireCalibration().probability(score(row));
    }

    /** P(y = +1 | x) for each raw row. */
    public double[] probabilities(double[][] rows) {
        return probabilitiesOf(scores(rows));
    }

    /** P(y = +1 | x) for every sample of the raw data set. */
    public double[] probabilities(Dataset raw) {
        return probabilitiesOf(scores(raw));
    }

    /** P(y = +1 | x) for given scores f~. */
    public double[] probabilitiesOf(double[] scores) {
        Calibration c = requireCalibration();
        rules.samples(scores);
        double[] p = new double[scores.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = c.probability(scores[i]);
        }
        return p;
    }

    /**
     * The same model with probabilities calibrated on labeled raw data: Platt scaling (binary),
     * temperature scaling (multi-class).
     *
     * @throws IllegalStateException for a regression model (it predicts values)
     */
    public Model calibratedOn(Dataset raw) {
        if (task() == Task.MULTICLASS) {
            return withCalibration(Calibration.temperature(scores(raw), spec.outputs(), raw.y(), raw.name()));
        }
        requireBinary();
        return withCalibration(Calibration.platt(scores(raw), raw.y(), raw.name()));
    }

    /**
     * The figures of this model on labeled raw data (the one accuracy rule, the named losses; a
     * regression's RMSE and MAE in the target's units, its losses those of the objective it was
     * trained on: {@link Assessment#inTargetUnits}).
     */
    public Assessment assess(Dataset raw) {
        return Assessment.of(problem(raw), theta).inTargetUnits(target);
    }

    /**
     * The problem this model solves on raw data: the data standardized as the model does (inputs,
     * and a regression's targets by {@link #targetStandardizer()}), the model's network, loss,
     * reduction and λ (λ = 0 with a neuron allowed, as trained).
     */
    public Problem problem(Dataset raw) {
        DataChecks.checkDimension(spec.inputDim(), raw, raw.name());
        return Problem.builder(spec, target.apply(standardizer.apply(raw))).loss(loss).reduction(reduction)
                .lambda(lambda).allowZeroLambda(true).build();
    }

    /**
     * The chosen part of raw data: all of it, or with a recorded split the training or the
     * held-out part ({@link HeldOutSplit#part}).
     *
     * @throws IllegalArgumentException for train/test when the model records no split
     */
    public Dataset part(Dataset raw, HeldOutSplit.Part part, String source) {
        if (part == HeldOutSplit.Part.ALL) {
            return raw;
        }
        return split.orElseThrow(() -> new IllegalArgumentException("--split " + part.word()
                + ": the model records no held-out split (it was trained with nothing held out)"))
                .part(raw, part, source);
    }

    /** The same model with another network and θ (e.g. the special neuron dropped). */
    public Model with(NetworkSpec newSpec, double[] newTheta, Map<String, String> newProvenance) {
        return new Model(newSpec, newTheta, standardizer, target, loss, reduction, lambda, featureNames,
                labelNames, newProvenance, split, calibration, Optional.empty());
    }

    private Model withTraining(TrainingResult result) {
        return new Model(spec, theta, standardizer, target, loss, reduction, lambda, featureNames, labelNames,
                provenance, split, calibration, Optional.of(result));
    }

    /** The same model with another calibration. */
    public Model withCalibration(Calibration value) {
        return new Model(spec, theta, standardizer, target, loss, reduction, lambda, featureNames, labelNames,
                provenance, split, Optional.of(value), training);
    }

    private Calibration requireCalibration() {
        requireBinary();
        return calibration.orElseThrow(() -> new IllegalStateException("this model records no"
                + " calibration (a checkpoint, or a model file of an earlier version, trained with " + loss.word()
                + "); calibrate it on labeled data with calibratedOn(data)"));
    }

    private void requireBinary() {
        rules.requireBinary();
    }

    /** The network's scores of raw rows, a regression's in the target's units (μ + σ·f~). */
    private double[] score(double[] rawX, int n, boolean networkOnly) {
        double[] scores = RawScores.of(new Graph(spec), standardizer, theta, rawX, n, spec.outputs(), networkOnly);
        target.toTargets(scores);
        return scores;
    }

    public NetworkSpec spec() {
        return spec;
    }

    public double[] theta() {
        return theta.clone();
    }

    public Standardizer standardizer() {
        return standardizer;
    }

    /**
     * A regression's target scaling: the network predicts (t - mean)/scale, the model mean +
     * scale·f~; the identity for classifiers, for a regression trained without it, and for model
     * files written before it existed.
     */
    public TargetStandardizer targetStandardizer() {
        return target;
    }

    public OutputLoss loss() {
        return loss;
    }

    public Reduction reduction() {
        return reduction;
    }

    /** λ of (λ/2)a². */
    public double lambda() {
        return lambda;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    /** The original labels of -1 and +1, in that order (binary); the K class names (multi-class); none (regression). */
    public List<String> labelNames() {
        return labelNames;
    }

    public Map<String, String> provenance() {
        return provenance;
    }

    /** The held-out samples of the training data, when the fit held some out. */
    public Optional<HeldOutSplit> split() {
        return split;
    }

    /** How scores become probabilities, when known. */
    public Optional<Calibration> calibration() {
        return calibration;
    }

    /** The training run that produced this model (not kept in model files). */
    public Optional<TrainingResult> training() {
        return training;
    }

    /** Same network, θ bits, scalings, loss, reduction, λ, names, split and calibration. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Model m && spec.equals(m.spec) && Arrays.equals(theta, m.theta)
                && standardizer.equals(m.standardizer) && target.equals(m.target) && loss.equals(m.loss)
                && reduction == m.reduction && Double.compare(lambda, m.lambda) == 0
                && featureNames.equals(m.featureNames) && labelNames.equals(m.labelNames)
                && split.equals(m.split) && calibration.equals(m.calibration);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(theta) * 31 + spec.hashCode();
    }

    @Override
    public String toString() {
        return "Model[" + spec + ", " + loss.word() + "/" + reduction.word() + ", λ = " + lambda + "]";
    }
}
