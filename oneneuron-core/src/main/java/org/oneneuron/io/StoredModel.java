package org.oneneuron.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.oneneuron.data.DataChecks;
import org.oneneuron.data.DataException;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Shape;
import org.oneneuron.data.Standardizer;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.MarginLoss;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Architecture;
import org.oneneuron.engine.Graph;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.model.ParameterBlock;
import org.oneneuron.model.ParameterLayout;
import org.oneneuron.train.FittedModel;
import org.oneneuron.train.Provenance;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.TrainingResult;

/**
 * A trained classifier as a model file holds it: the network spec, θ, the feature standardizer,
 * the loss, reduction and λ it was trained with, names and provenance. It scores raw data (it
 * standardizes them itself) and converts to and from {@link ModelFile}.
 *
 * @param spec         the network
 * @param theta        θ in the spec's layout; copied in and out
 * @param standardizer the feature scaling applied before the network
 * @param loss         the margin loss
 * @param reduction    sum or mean
 * @param lambda       λ
 * @param featureNames d feature names
 * @param labelNames   the original labels of -1 and +1
 * @param provenance   snake_case facts about how it was made
 */
public record StoredModel(NetworkSpec spec, double[] theta, Standardizer standardizer,
                          MarginLoss loss, Reduction reduction, double lambda,
                          List<String> featureNames, List<String> labelNames,
                          Map<String, String> provenance) {

    public StoredModel {
        Objects.requireNonNull(spec, "spec");
        theta = theta.clone();
        if (theta.length != spec.layout().dimension()) {
            throw new IllegalArgumentException("θ has " + theta.length + " values, the network needs "
                    + spec.layout().dimension());
        }
        if (standardizer.d() != spec.inputDim()) {
            throw new IllegalArgumentException("standardizer has " + standardizer.d()
                    + " features, the network " + spec.inputDim());
        }
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(reduction, "reduction");
        featureNames = List.copyOf(featureNames);
        labelNames = List.copyOf(labelNames);
        provenance = Map.copyOf(provenance);
    }

    /**
     * The storable form of a model fitted by {@code Classifier.fit}, with names and labels from
     * its training data and provenance from its training run.
     */
    public static StoredModel of(FittedModel fitted, Dataset trainingData) {
        Map<String, String> provenance = provenance(fitted.training());
        provenance.put("data", trainingData.name());
        provenance.put("n_train", Integer.toString(trainingData.n()));
        List<String> labels = trainingData.labelNames().size() == 2 ? trainingData.labelNames()
                : List.of("-1", "+1");
        return new StoredModel(fitted.spec(), fitted.theta(), fitted.scaler(), fitted.loss(),
                fitted.reduction(), fitted.lambda(), trainingData.featureNames(), labels, provenance);
    }

    /** The snake_case provenance of a training run, as model files record it (a mutable copy). */
    public static Map<String, String> provenance(TrainingResult result) {
        Provenance p = result.provenance();
        TrainConfig config = p.config();
        Map<String, String> map = new LinkedHashMap<>();
        map.put("library_version", p.libraryVersion());
        map.put("java_version", p.javaVersion());
        map.put("vm_name", p.vmName());
        map.put("os_arch", p.osArch());
        map.put("blas", p.blasBackend());
        map.put("vector_bits", Integer.toString(p.vectorBits()));
        map.put("threads", Integer.toString(p.threads()));
        map.put("seed", Long.toString(p.seed()));
        map.put("optimizer", result.optimizer());
        map.put("learning_rate", Double.toString(config.learningRate()));
        map.put("batch_size", Integer.toString(config.batchSize()));
        map.put("steps_done", Long.toString(result.steps()));
        map.put("stop_reason", result.stop().reason().word());
        return map;
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    /** f~(x_i) for every sample of the raw (unscaled) data set. */
    public double[] scores(Dataset raw) {
        return score(raw, false);
    }

    /** f(x_i; θ) with the special neuron removed, for every sample of the raw data set. */
    public double[] networkScores(Dataset raw) {
        return score(raw, true);
    }

    private double[] score(Dataset raw, boolean networkOnly) {
        DataChecks.checkDimension(spec.inputDim(), raw, raw.name());
        double[] x = standardizer.transform(raw.x());
        double[] out = new double[raw.n()];
        Graph network = new Graph(spec);
        if (networkOnly) {
            network.networkScores(theta, x, raw.n(), out);
        } else {
            network.scores(theta, x, raw.n(), out);
        }
        return out;
    }

    /** The same model with another network spec and θ (e.g. the neuron dropped). */
    public StoredModel with(NetworkSpec newSpec, double[] newTheta, Map<String, String> newProvenance) {
        return new StoredModel(newSpec, newTheta, standardizer, loss, reduction, lambda, featureNames,
                labelNames, newProvenance);
    }

    /** The file form. */
    public ModelFile toFile() {
        List<ModelFile.Block> blocks = new ArrayList<>();
        for (ParameterBlock b : spec.layout().blocks()) {
            double[] values = new double[b.size()];
            System.arraycopy(theta, b.offset(), values, 0, b.size());
            blocks.add(new ModelFile.Block(b.name(), b.offset(), b.rows(), b.cols(), values));
        }
        return new ModelFile(network(spec), blocks,
                Optional.of(new ModelFile.Standardizer(standardizer.mean(), standardizer.scale())),
                featureNames, labelNames, loss.word(), reduction.word(), lambda, provenance);
    }

    /** The network in the file's words: an MLP as hidden widths and activation, any other graph by its layers. */
    static ModelFile.Network network(NetworkSpec spec) {
        if (spec.isMlp()) {
            return new ModelFile.Network(spec.inputDim(), spec.hidden(), spec.activation().word(),
                    spec.neuron().word(), spec.input().toString(), null);
        }
        return new ModelFile.Network(spec.inputDim(), List.of(), "", spec.neuron().word(), spec.input().toString(),
                spec.architecture());
    }

    /** The network a file describes. */
    public static NetworkSpec spec(ModelFile.Network n) {
        if (!n.isGraph()) {
            return new NetworkSpec(n.inputDim(), n.hidden(), Activation.parse(n.activation()),
                    NeuronKind.parse(n.neuron()));
        }
        Shape shape = Shape.parse(n.inputShape());
        if (shape.size() != n.inputDim()) {
            throw new IllegalArgumentException("field 'network.input_shape': " + shape + " holds " + shape.size()
                    + " values but input_dim is " + n.inputDim());
        }
        return new NetworkSpec(shape, Architecture.parse(n.architecture()), NeuronKind.parse(n.neuron()));
    }

    /** Writes the model file atomically. */
    public void save(Path path) {
        ModelFiles.write(toFile(), path);
    }

    /** Reads and checks a model file (see {@link #fromFile}). */
    public static StoredModel load(Path path) {
        return fromFile(ModelFiles.read(path), path.toString());
    }

    /**
     * Rebuilds the model from its file form, checking every block's name, offset and shape against
     * the layout of the stated network.
     *
     * @throws DataException naming {@code source} and the offending field
     */
    public static StoredModel fromFile(ModelFile file, String source) {
        try {
            NetworkSpec spec = spec(file.network());
            ParameterLayout layout = spec.layout();
            if (layout.blocks().size() != file.parameters().size()) {
                throw new DataException(source, "field 'parameters.blocks': " + file.parameters().size()
                        + " blocks, the network " + describe(spec) + " has " + layout.blocks().size());
            }
            for (int k = 0; k < layout.blocks().size(); k++) {
                ParameterBlock expected = layout.blocks().get(k);
                ModelFile.Block got = file.parameters().get(k);
                if (!expected.name().equals(got.name()) || expected.offset() != got.offset()
                        || expected.rows() != got.rows() || expected.cols() != got.cols()) {
                    throw new DataException(source, "field 'parameters.blocks[" + k + "]': "
                            + got.name() + " " + got.rows() + "x" + got.cols() + " at " + got.offset()
                            + ", the network needs " + expected.name() + " " + expected.rows() + "x"
                            + expected.cols() + " at " + expected.offset());
                }
            }
            Standardizer standardizer = file.standardizer()
                    .map(s -> new Standardizer(s.mean(), s.scale()))
                    .orElse(Standardizer.identity(spec.inputDim()));
            return new StoredModel(spec, file.theta(), standardizer, Losses.parse(file.loss()),
                    Reduction.parse(file.reduction()), file.lambda(), file.featureNames(),
                    file.labelNames(), file.provenance());
        } catch (IllegalArgumentException e) {
            throw new DataException(source, e.getMessage());
        }
    }

    private static String describe(NetworkSpec spec) {
        return spec.input() + " " + spec.architecture() + " " + spec.neuron().word();
    }
}
