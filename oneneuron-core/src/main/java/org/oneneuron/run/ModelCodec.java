package org.oneneuron.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneneuron.data.DataException;
import org.oneneuron.data.Shape;
import org.oneneuron.data.Standardizer;
import org.oneneuron.data.TargetStandardizer;
import org.oneneuron.io.ModelFile;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.OutputLoss;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.model.ParameterBlock;
import org.oneneuron.model.ParameterLayout;
import org.oneneuron.train.Provenance;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.TrainingResult;

/** {@link Model} to and from its plain file form {@link ModelFile} (docs/MODEL-FORMAT.md). */
final class ModelCodec {

    private ModelCodec() {
    }

    /** The provenance of a fit on prepared data: the training run's, the data's, then {@code extra}. */
    static Map<String, String> provenance(FitResult fit, TrainingData data, Map<String, String> extra) {
        Map<String, String> provenance = provenance(fit.training());
        provenance.put("data", data.raw().name());
        provenance.put("n_train", Integer.toString(data.train().n()));
        provenance.put("held_out", Double.toString(data.split().map(HeldOutSplit::share).orElse(0.0)));
        provenance.put("class_weight", fit.problem().balancedClassWeights() ? "balanced" : "none");
        provenance.put("dtype", fit.problem().precision().word());
        provenance.putAll(extra);
        return provenance;
    }

    /** The snake_case provenance of a training run, as model files record it (a mutable copy). */
    static Map<String, String> provenance(TrainingResult result) {
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
        if (config.momentum() > 0) {
            map.put("momentum", Double.toString(config.momentum()));
        }
        map.put("batch_size", Integer.toString(config.batchSize()));
        map.put("steps_done", Long.toString(result.steps()));
        map.put("stop_reason", result.stop().reason().word());
        return map;
    }

    static ModelFile toFile(Model model) {
        NetworkSpec spec = model.spec();
        double[] theta = model.theta();
        List<ModelFile.Block> blocks = new ArrayList<>();
        for (ParameterBlock b : spec.layout().blocks()) {
            double[] values = new double[b.size()];
            System.arraycopy(theta, b.offset(), values, 0, b.size());
            blocks.add(new ModelFile.Block(b.name(), b.offset(), b.rows(), b.cols(), values));
        }
        Standardizer s = model.standardizer();
        return new ModelFile(network(spec), blocks,
                Optional.of(new ModelFile.Standardizer(s.mean(), s.scale())), model.featureNames(),
                model.labelNames(), model.loss().word(), model.reduction().word(), model.lambda(),
                model.provenance(),
                model.split().map(h -> new ModelFile.Split(h.share(), h.seed(), h.n(), h.dataSha256(),
                        h.testIndices())),
                model.calibration().map(c -> new ModelFile.Calibration(c.method(), c.a(), c.b(),
                        c.fittedOn(), c.samples())),
                Optional.of(model.targetStandardizer()).filter(t -> !t.isIdentity())
                        .map(t -> new ModelFile.Target(t.mean(), t.scale())));
    }

    static Model fromFile(ModelFile file, String source) {
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
            OutputLoss loss = Losses.parseOutput(file.loss());
            Optional<HeldOutSplit> split = file.split().map(s -> new HeldOutSplit(s.heldOutShare(),
                    s.seed(), s.n(), s.dataSha256(), s.testIndices()));
            Optional<Calibration> calibration = file.calibration().map(c -> new Calibration(c.method(),
                    c.a(), c.b(), c.fittedOn(), c.samples()));
            if (calibration.isEmpty() && Calibration.lossDefinesProbabilities(loss)) {
                calibration = Optional.of(Calibration.logisticLoss());
            }
            TargetStandardizer target = file.target().map(t -> new TargetStandardizer(t.mean(), t.scale()))
                    .orElse(TargetStandardizer.identity());
            return new Model(spec, file.theta(), standardizer, target, loss, Reduction.parse(file.reduction()),
                    file.lambda(), file.featureNames(), file.labelNames(), file.provenance(), split,
                    calibration, Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new DataException(source, e.getMessage());
        }
    }

    private static String describe(NetworkSpec spec) {
        return spec.input() + " " + spec.architecture() + " " + spec.neuron().word();
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

    /** The network a file describes (format version 1: an MLP; version 2: any layer graph). */
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
}
