package org.oneneuron.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.oneneuron.data.LabelCoding;
import org.oneneuron.data.ReadOptions;
import org.oneneuron.data.TargetCoding;
import org.oneneuron.data.Task;
import org.oneneuron.loss.Losses;
import org.oneneuron.run.Calibration;
import org.oneneuron.loss.MarginLoss;
import org.oneneuron.loss.OutputLoss;
import org.oneneuron.run.ClassifierConfig;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * A Tribuo {@link Trainer} of classifiers: an MLP with the special neuron of Liang et al.
 * (NeurIPS 2018) — one per output for three or more labels (Kawaguchi &amp; Kaelbling 2020) —
 * trained by OneNeuron's engine. On the same data (same rows, and columns in Tribuo's feature
 * order) and seed it gives the model {@code oneneuron train DATA --seed S} gives, bit for bit, with
 * the same defaults, the scaffold schedule included (both {@code lambda}: the neuron is gone from
 * the model by the end), on the first call of train (later calls mix the invocation count into
 * the seed, see {@code seedFor}). Two labels: a binary classifier under a margin loss;
 * which is +1 is {@code positiveLabel}, else the CLI's rule (1 for numbers, else the second in
 * sorted order). Three or more: K outputs in the CLI's class order (numeric when every label is a
 * number, else code point), softmax cross-entropy unless {@code loss} names a multi-class loss.
 */
public final class OneNeuronClassificationTrainer extends NetworkTrainerSettings implements Trainer<Label> {

    private static final ClassifierConfig CONFIG = ClassifierConfig.defaults();

    @Config(description = "Loss. Two labels (margin): cubic-hinge, hinge-p:P, smooth-hinge, logistic, squared."
            + " Three or more: softmax-ce (used when a margin loss is left as the default), multi-squared-hinge.")
    private String loss = CONFIG.loss().word();

    @Config(description = "none or balanced (each class weighs n/(2 n_class)).")
    private String classWeight = CONFIG.balancedClassWeights() ? "balanced" : "none";

    @Config(description = "The label coded +1 (default: 1 for numbers, else the second in sorted order).")
    private String positiveLabel;

    private int invocationCount;

    /** For OLCUT configuration: the defaults of {@code oneneuron train}. */
    public OneNeuronClassificationTrainer() {
    }

    /**
     * A trainer with the given architecture and run length; everything else as {@code oneneuron
     * train}'s defaults.
     *
     * @param hidden   hidden widths
     * @param neuron   special neuron word, e.g. {@code skip-exp} or {@code none}
     * @param maxSteps optimizer steps
     * @param seed     seed
     */
    public OneNeuronClassificationTrainer(int[] hidden, String neuron, long maxSteps, long seed) {
        this.hidden = hidden.clone();
        this.neuron = neuron;
        this.maxSteps = maxSteps;
        this.seed = seed;
        postConfig();
    }

    /**
     * Sets what happens to the special neuron by the end (lambda, drop, keep, none; default lambda,
     * as {@code oneneuron train}) and returns this trainer; keep ships the neuron and warns.
     */
    public OneNeuronClassificationTrainer scaffold(String mode) {
        this.scaffold = mode;
        postConfig();
        return this;
    }

    /** Sets the label coded +1 and returns this trainer. */
    public OneNeuronClassificationTrainer positiveLabel(String label) {
        this.positiveLabel = label;
        return this;
    }

    @Override
    public void postConfig() {
        check();
        OutputLoss parsed = Losses.parseOutput(loss);
        if (!(parsed instanceof MarginLoss) && !parsed.accepts(2)) {
            throw new IllegalArgumentException("loss " + loss + " is for regression; a classifier takes a margin"
                    + " loss (two labels) or softmax-ce, multi-squared-hinge (three or more)");
        }
        if (!classWeight.equalsIgnoreCase("none") && !classWeight.equalsIgnoreCase("balanced")) {
            throw new IllegalArgumentException("class weight must be none or balanced, got '" + classWeight + "'");
        }
    }

    @Override
    public OneNeuronClassificationModel train(Dataset<Label> examples) {
        return train(examples, Map.of());
    }

    @Override
    public OneNeuronClassificationModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public synchronized OneNeuronClassificationModel train(Dataset<Label> examples,
                                                           Map<String, Provenance> runProvenance,
                                                           int invocation) {
        if (invocation != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocation);
        }
        TrainerProvenance trainerProvenance = getProvenance();
        long runSeed = seedFor(invocationCount);
        invocationCount++;
        ImmutableFeatureMap features = examples.getFeatureIDMap();
        ImmutableOutputInfo<Label> outputs = examples.getOutputIDInfo();
        if (outputs.size() < 2) {
            throw new IllegalArgumentException("a classifier needs at least two labels; the dataset has "
                    + outputs.size() + " " + labelNames(outputs));
        }
        if (outputs.size() > 2) {
            return trainMulticlass(examples, runProvenance, trainerProvenance, runSeed);
        }
        if (!(Losses.parseOutput(loss) instanceof MarginLoss)) {
            throw new IllegalArgumentException("loss " + loss + " is for three or more labels; the dataset has two "
                    + labelNames(outputs) + ": use a margin loss (cubic-hinge, logistic, ...)");
        }
        ReadOptions choice = positiveLabel == null ? ReadOptions.defaults()
                : ReadOptions.defaults().withPositive(positiveLabel);
        LabelCoding coding = LabelCoding.decide(labelNames(outputs), choice, "tribuo dataset", "label");
        List<org.tribuo.Example<Label>> rows = examples.getData();
        double[] x = TribuoRows.matrix(rows, features);
        double[] y = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = LabelCoding.sameLabel(rows.get(i).getOutput().getLabel(), coding.positive()) ? 1 : -1;
        }
        org.oneneuron.data.Dataset data = new org.oneneuron.data.Dataset(examples.getSourceDescription(), x, y,
                features.size(), TribuoRows.names(features), coding.labelNames());
        Trained fit = fit(data, Losses.parse(loss), classWeight.equalsIgnoreCase("balanced"), runSeed);
        ModelProvenance provenance = new ModelProvenance(OneNeuronClassificationModel.class.getName(),
                OffsetDateTime.now(), examples.getProvenance(), trainerProvenance, runFacts(fit, runProvenance));
        String negative = label(outputs, coding.negative());
        String positive = label(outputs, coding.positive());
        // P(+1) as `oneneuron train` gives it without a held-out part: σ(f~) or Platt on the training rows.
        Calibration p = Calibration.fitted(new OneNeuronClassificationModel("oneneuron-classifier", provenance,
                features, outputs, fit.state(), negative, positive, loss, reduction, lambda, null)
                .toOneNeuronModel(), data, "train").orElseThrow();
        return new OneNeuronClassificationModel("oneneuron-classifier", provenance, features, outputs, fit.state(),
                negative, positive, loss, reduction, lambda, p);
    }

    /** K outputs, one special neuron each; classes in the CLI's order, coded 0..K-1. */
    private OneNeuronClassificationModel trainMulticlass(Dataset<Label> examples, Map<String, Provenance> runProvenance,
                                                         TrainerProvenance trainerProvenance, long runSeed) {
        ImmutableFeatureMap features = examples.getFeatureIDMap();
        ImmutableOutputInfo<Label> outputs = examples.getOutputIDInfo();
        OutputLoss classLoss = multiclassLoss(outputs);
        List<String> canonical = TargetCoding.decide(labelNames(outputs), ReadOptions.defaults()
                .withTask(Task.MULTICLASS), "tribuo dataset", "label").classes();
        List<org.tribuo.Example<Label>> rows = examples.getData();
        double[] x = TribuoRows.matrix(rows, features);
        double[] y = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            String label = rows.get(i).getOutput().getLabel();
            int k = 0;
            while (!LabelCoding.sameLabel(label, canonical.get(k))) {
                k++;
            }
            y[i] = k;
        }
        org.oneneuron.data.Dataset data = new org.oneneuron.data.Dataset(examples.getSourceDescription(), x, y,
                features.size(), TribuoRows.names(features), canonical);
        Trained fit = fit(data, classLoss, classWeight.equalsIgnoreCase("balanced"), runSeed);
        ModelProvenance provenance = new ModelProvenance(OneNeuronClassificationModel.class.getName(),
                OffsetDateTime.now(), examples.getProvenance(), trainerProvenance, runFacts(fit, runProvenance));
        List<String> classes = canonical.stream().map(c -> label(outputs, c)).toList();
        OneNeuronClassificationModel plain = new OneNeuronClassificationModel("oneneuron-classifier", provenance,
                features, outputs, fit.state(), classes, classLoss.word(), reduction, lambda, null);
        // Temperature scaling on the training rows, as `oneneuron train` fits it without a held-out part.
        Calibration t = Calibration.fitted(plain.toOneNeuronModel(), data, "train").orElseThrow();
        return new OneNeuronClassificationModel("oneneuron-classifier", provenance, features, outputs, fit.state(),
                classes, classLoss.word(), reduction, lambda, t);
    }

    /** softmax-ce for the default (margin) loss, the named multi-class loss, else a refusal. */
    private OutputLoss multiclassLoss(ImmutableOutputInfo<Label> outputs) {
        OutputLoss chosen = Losses.parseOutput(loss);
        if (chosen.accepts(outputs.size()) && !(chosen instanceof MarginLoss)) {
            return chosen;
        }
        if (chosen.word().equals(CONFIG.loss().word())) {
            return Losses.SOFTMAX_CE;
        }
        throw new IllegalArgumentException("loss " + loss + " is a binary (margin) loss; the dataset has "
                + outputs.size() + " labels " + labelNames(outputs) + ": use softmax-ce or multi-squared-hinge");
    }

    private static List<String> labelNames(ImmutableOutputInfo<Label> outputs) {
        List<String> names = new ArrayList<>();
        outputs.getDomain().forEach(l -> names.add(l.getLabel()));
        Collections.sort(names);
        return names;
    }

    /** The dataset's own spelling of a class. */
    private static String label(ImmutableOutputInfo<Label> outputs, String canonical) {
        for (Label l : outputs.getDomain()) {
            if (LabelCoding.sameLabel(l.getLabel(), canonical)) {
                return l.getLabel();
            }
        }
        return canonical;
    }

    @Override
    public int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("invocation count must be >= 0, got " + count);
        }
        invocationCount = count;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "OneNeuronClassificationTrainer(" + describe() + ", loss=" + loss + ", classWeight="
                + classWeight + ", positiveLabel=" + positiveLabel + ")";
    }
}
