package org.oneneuron.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.oneneuron.data.TargetStandardizer;
import org.oneneuron.data.Task;
import org.oneneuron.loss.TargetSquaredLoss;
import org.oneneuron.run.ClassifierConfig;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Trainer;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;
import org.tribuo.regression.Regressor;

/**
 * A Tribuo {@link Trainer} of single-output regression: the same network and special neuron as the
 * classifier, trained on the target loss ½(f~(x) - t)² (OneNeuron's {@code target-squared}, the
 * loss of PAPER.md §6 case B) by the same engine and optimizers. Features are standardized on the
 * training data, and so are the targets unless {@code standardizeTarget} is false: the network is
 * trained on (t - μ)/σ (μ, σ the training targets' mean and standard deviation) and the model
 * predicts μ + σ·f~, in the target's units, as {@code oneneuron train} does by default. One output
 * dimension only. (The command line's regression, {@code oneneuron train --task regression}, is not
 * compared with it bit for bit.)
 */
public final class OneNeuronRegressionTrainer extends NetworkTrainerSettings implements Trainer<Regressor> {

    private int invocationCount;

    @Config(description = "Standardize the targets on the training data (train on (t - mean)/sd, predict"
            + " mean + sd·f~; the default), or false to train on the targets as given.")
    private boolean standardizeTarget = ClassifierConfig.defaults().standardizeTarget();

    /** For OLCUT configuration: the defaults of {@code oneneuron train}. */
    public OneNeuronRegressionTrainer() {
    }

    /**
     * @param hidden   hidden widths
     * @param neuron   special neuron word, e.g. {@code skip-exp} or {@code none}
     * @param maxSteps optimizer steps
     * @param seed     seed
     */
    public OneNeuronRegressionTrainer(int[] hidden, String neuron, long maxSteps, long seed) {
        this(hidden, neuron, maxSteps, seed, true);
    }

    /**
     * @param hidden            hidden widths
     * @param neuron            special neuron word, e.g. {@code skip-exp} or {@code none}
     * @param maxSteps          optimizer steps
     * @param seed              seed
     * @param standardizeTarget train on (t - μ)/σ and predict μ + σ·f~ (true, the default), or on t as given
     */
    public OneNeuronRegressionTrainer(int[] hidden, String neuron, long maxSteps, long seed, boolean standardizeTarget) {
        this.hidden = hidden.clone();
        this.neuron = neuron;
        this.maxSteps = maxSteps;
        this.seed = seed;
        this.standardizeTarget = standardizeTarget;
        postConfig();
    }

    @Override
    public void postConfig() {
        check();
    }

    @Override
    public OneNeuronRegressionModel train(Dataset<Regressor> examples) {
        return train(examples, Map.of());
    }

    @Override
    public OneNeuronRegressionModel train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public synchronized OneNeuronRegressionModel train(Dataset<Regressor> examples,
                                                       Map<String, Provenance> runProvenance, int invocation) {
        if (invocation != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocation);
        }
        TrainerProvenance trainerProvenance = getProvenance();
        long runSeed = seedFor(invocationCount);
        invocationCount++;
        ImmutableFeatureMap features = examples.getFeatureIDMap();
        ImmutableOutputInfo<Regressor> outputs = examples.getOutputIDInfo();
        String[] dimensions = Regressor.extractNames(outputs);
        if (dimensions.length != 1) {
            throw new IllegalArgumentException("OneNeuron regression has one output; the dataset has "
                    + dimensions.length + " dimensions " + List.of(dimensions));
        }
        List<org.tribuo.Example<Regressor>> rows = examples.getData();
        double[] x = TribuoRows.matrix(rows, features);
        double[] y = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = rows.get(i).getOutput().getValues()[0];
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("example " + i + ": target " + y[i] + " is not finite");
            }
        }
        org.oneneuron.data.Dataset data = new org.oneneuron.data.Dataset(examples.getSourceDescription(), x, y,
                features.size(), TribuoRows.names(features), List.of(), null, Task.REGRESSION);
        Trained fit = fit(data, new TargetSquaredLoss(), false,
                standardizeTarget ? TargetStandardizer.fit(data) : TargetStandardizer.identity(), runSeed);
        ModelProvenance provenance = new ModelProvenance(OneNeuronRegressionModel.class.getName(),
                OffsetDateTime.now(), examples.getProvenance(), trainerProvenance, runFacts(fit, runProvenance));
        return new OneNeuronRegressionModel("oneneuron-regressor", provenance, features, outputs, fit.state(),
                dimensions[0]);
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
        return "OneNeuronRegressionTrainer(" + describe() + ", standardizeTarget=" + standardizeTarget + ")";
    }
}
