package org.oneneuron.tribuo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneneuron.data.TargetStandardizer;
import org.oneneuron.loss.Losses;
import org.oneneuron.run.Calibration;
import org.oneneuron.loss.MarginLoss;
import org.oneneuron.loss.Reduction;
import org.oneneuron.eval.Metrics;
import org.oneneuron.train.Provenance;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;

/**
 * A classifier trained by {@link OneNeuronClassificationTrainer}, predicting through Tribuo's API.
 * Binary: each prediction carries both labels' scores, f~(x) for the positive label and -f~(x)
 * for the negative one; the predicted label is the positive one where f~(x) ≥ 0 (as
 * {@code oneneuron predict}); P(+1) and 1 − P(+1) instead, σ(f~) for the logistic loss and Platt
 * scaling fitted on the training rows otherwise (so Tribuo's evaluators can rank them: AUC),
 * except in a model serialized before these were fitted. Multi-class (K ≥ 3 labels): each label
 * carries p_k = softmax(a·f~(x))_k, a = 1/T the temperature fitted on the training rows by
 * maximum likelihood (probabilities, under either multi-class loss; the {@code p_CLASS} columns of
 * {@code oneneuron predict} for a model trained without a held-out part); a model serialized
 * before temperatures were fitted carries softmax(f~(x))_k under softmax cross-entropy and its
 * scores f~_k(x) under the multi-class squared hinge. The predicted label is the one of the
 * largest score (the first on a tie).
 * {@link #toOneNeuronModel()} gives the same model as a OneNeuron model file (for
 * {@code oneneuron predict}, {@code evaluate}, {@code export}).
 */
public final class OneNeuronClassificationModel extends Model<Label> {

    private static final long serialVersionUID = 1L;

    private final NetworkState state;
    private final String negative;
    private final String positive;
    /** The K ≥ 3 classes in output order; null for a binary model (an array: a List field is not Serializable). */
    private final String[] classes;
    private final String loss;
    private final String reduction;
    private final double lambda;
    /**
     * How scores become probabilities ({@link Calibration}'s method word, a, b, samples; fitted on
     * the training rows): null in a model serialized before they were fitted.
     */
    private final String calibrationMethod;
    private final double calibrationA;
    private final double calibrationB;
    private final int calibrationSamples;

    /** A binary model: P(+1) from {@code calibration} (null: scores, not probabilities). */
    OneNeuronClassificationModel(String name, ModelProvenance provenance, ImmutableFeatureMap features,
                                 ImmutableOutputInfo<Label> outputs, NetworkState state, String negative,
                                 String positive, String loss, String reduction, double lambda,
                                 Calibration calibration) {
        super(name, provenance, features, outputs, calibration != null);
        this.state = state;
        this.negative = negative;
        this.positive = positive;
        this.classes = null;
        this.loss = loss;
        this.reduction = reduction;
        this.lambda = lambda;
        this.calibrationMethod = calibration == null ? null : calibration.method();
        this.calibrationA = calibration == null ? 0 : calibration.a();
        this.calibrationB = calibration == null ? 0 : calibration.b();
        this.calibrationSamples = calibration == null ? 0 : calibration.samples();
    }

    /**
     * A multi-class model: K = {@code classes.size()} outputs in that order, its probabilities
     * softmax(a·f~) under the temperature {@code calibration} (null: none).
     */
    OneNeuronClassificationModel(String name, ModelProvenance provenance, ImmutableFeatureMap features,
                                 ImmutableOutputInfo<Label> outputs, NetworkState state, List<String> classes,
                                 String loss, String reduction, double lambda, Calibration calibration) {
        super(name, provenance, features, outputs, calibration != null || Losses.parseOutput(loss) == Losses.SOFTMAX_CE);
        this.calibrationMethod = calibration == null ? null : calibration.method();
        this.calibrationA = calibration == null ? 0 : calibration.a();
        this.calibrationB = 0;
        this.calibrationSamples = calibration == null ? 0 : calibration.samples();
        this.state = state;
        this.negative = null;
        this.positive = null;
        this.classes = classes.toArray(String[]::new);
        this.loss = loss;
        this.reduction = reduction;
        this.lambda = lambda;
    }

    /** The class names in output order: K ≥ 3 classes, or the -1 and +1 labels of a binary model. */
    public List<String> classes() {
        return classes == null ? List.of(negative, positive) : List.of(classes);
    }

    /** The label coded +1 (null for a multi-class model: see {@link #classes()}). */
    public String positiveLabel() {
        return positive;
    }

    /** The label coded -1 (null for a multi-class model). */
    public String negativeLabel() {
        return negative;
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        return innerPredict(List.of(example)).get(0);
    }

    /** All examples scored in one batch (what {@code predict(Dataset)} and evaluators call). */
    @Override
    protected List<Prediction<Label>> innerPredict(Iterable<Example<Label>> examples) {
        List<Example<Label>> rows = new ArrayList<>();
        examples.forEach(rows::add);
        double[] scores = scores(rows);
        if (classes != null) {
            return multiclass(rows, scores);
        }
        Optional<Calibration> calibration = calibration();
        List<Prediction<Label>> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            double f = scores[i];
            double p = calibration.map(c -> c.probability(f)).orElse(Double.NaN);
            Map<String, Label> both = new LinkedHashMap<>();
            both.put(negative, new Label(negative, calibration.isPresent() ? 1 - p : -f));
            both.put(positive, new Label(positive, calibration.isPresent() ? p : f));
            Label chosen = f >= 0 ? both.get(positive) : both.get(negative);
            out.add(new Prediction<>(chosen, both, usedFeatures(rows.get(i)), rows.get(i), calibration.isPresent()));
        }
        return out;
    }

    private List<Prediction<Label>> multiclass(List<Example<Label>> rows, double[] scores) {
        int k = classes.length;
        double[] shown = generatesProbabilities() ? toOneNeuronModel().classProbabilities(scores) : scores;
        List<Prediction<Label>> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Label> all = new LinkedHashMap<>();
            for (int c = 0; c < k; c++) {
                all.put(classes[c], new Label(classes[c], shown[i * k + c]));
            }
            Label chosen = all.get(classes[Metrics.argmax(scores, i * k, k)]);
            out.add(new Prediction<>(chosen, all, usedFeatures(rows.get(i)), rows.get(i), generatesProbabilities()));
        }
        return out;
    }

    /** f~(x) for each example (raw features; the model standardizes them): n·K scores, sample-major. */
    public double[] scores(List<? extends Example<?>> examples) {
        for (int i = 0; i < examples.size(); i++) {
            if (usedFeatures(examples.get(i)) == 0) {
                throw new IllegalArgumentException("example " + i + " has none of the model's features");
            }
        }
        return state.scores(TribuoRows.matrix(examples, featureIDMap), examples.size());
    }

    private int usedFeatures(Example<?> example) {
        int used = 0;
        for (var f : example) {
            if (featureIDMap.getID(f.getName()) >= 0) {
                used++;
            }
        }
        return used;
    }

    /**
     * Features ranked by the Euclidean norm of their column of the first layer's weights (on
     * standardized inputs): how strongly the network reads each one. {@code n < 0} lists all.
     */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Map.of(ALL_OUTPUTS, FirstLayerWeights.ranked(state, featureIDMap, n));
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected OneNeuronClassificationModel copy(String newName, ModelProvenance newProvenance) {
        return classes == null ? new OneNeuronClassificationModel(newName, newProvenance, featureIDMap, outputIDInfo,
                state, negative, positive, loss, reduction, lambda, calibration().orElse(null))
                : new OneNeuronClassificationModel(newName, newProvenance, featureIDMap, outputIDInfo, state,
                List.of(classes), loss, reduction, lambda, calibration().orElse(null));
    }

    /** How its scores become probabilities, fitted on its training rows (none in an older serialized model). */
    private Optional<Calibration> calibration() {
        return calibrationMethod == null ? Optional.empty() : Optional.of(new Calibration(calibrationMethod,
                calibrationA, calibrationB, "train", calibrationSamples));
    }

    /**
     * The model as a OneNeuron model file holds it (features in Tribuo's id order; no held-out
     * split; the calibration fitted on the training rows: binary P(+1) σ(f~) for the logistic loss,
     * else Platt scaling; multi-class a temperature, the classes in output order).
     */
    public org.oneneuron.run.Model toOneNeuronModel() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("library_version", Provenance.currentLibraryVersion());
        facts.put("trained_by", "oneneuron-tribuo");
        facts.put("tribuo_model", getName());
        if (classes != null) {
            return new org.oneneuron.run.Model(state.spec(), state.theta(), state.standardizer(),
                    TargetStandardizer.identity(), Losses.parseOutput(loss), Reduction.parse(reduction), lambda, TribuoRows.names(featureIDMap),
                    List.of(classes), facts, Optional.empty(), calibration(), Optional.empty());
        }
        MarginLoss margin = Losses.parse(loss);
        return new org.oneneuron.run.Model(state.spec(), state.theta(), state.standardizer(),
                TargetStandardizer.identity(), margin,
                Reduction.parse(reduction), lambda, TribuoRows.names(featureIDMap), List.of(negative, positive),
                facts, Optional.empty(), calibration().or(() -> Calibration.lossDefinesProbabilities(margin)
                        ? Optional.of(Calibration.logisticLoss()) : Optional.empty()), Optional.empty());
    }

    @Override
    public String toString() {
        return "OneNeuronClassificationModel(" + state.spec() + (classes == null ? ", -1 = " + negative + ", +1 = "
                + positive : ", classes " + List.of(classes)) + ")";
    }
}
