package org.oneneuron.cli;

import java.util.List;
import org.oneneuron.data.Shape;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.LayerSpec;
import org.oneneuron.model.NeuronKind;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * One network: {@code --hidden}, {@code --activation}, {@code --neuron} (defaults: the library's),
 * or any layer graph with {@code --arch} and {@code --input-shape}.
 */
public final class NetworkOptions {

    @Option(names = "--hidden", paramLabel = "W[,W...]", description = Vocabulary.HIDDEN)
    String hidden = Vocabulary.HIDDEN_DEFAULT;

    @Option(names = "--activation", paramLabel = "WORD", description = Vocabulary.ACTIVATION)
    String activation = Vocabulary.MODEL.activation().word();

    @Option(names = "--neuron", paramLabel = "KIND", description = Vocabulary.NEURON)
    String neuron = Vocabulary.MODEL.neuron().word();

    @Option(names = "--arch", paramLabel = "LAYERS", description = Vocabulary.ARCH,
            showDefaultValue = Visibility.NEVER)
    String arch;

    @Option(names = "--input-shape", paramLabel = "CxHxW", description = Vocabulary.INPUT_SHAPE,
            showDefaultValue = Visibility.NEVER)
    String inputShape;

    /** The hidden widths (empty: a linear model). */
    public List<Integer> widths() {
        return Vocabulary.parseWidths(hidden, "--hidden");
    }

    public Activation activation() {
        return Activation.parse(activation);
    }

    public NeuronKind neuron() {
        return NeuronKind.parse(neuron);
    }

    /** The layers of --arch (empty: the MLP of --hidden and --activation). */
    public List<LayerSpec> layers() {
        if (arch != null && arch.isBlank()) {
            throw new IllegalArgumentException("--arch is empty; give the layers, e.g. dense:16,tanh,dense:1");
        }
        return arch == null ? List.of() : Architecture.parse(arch);
    }

    /** The shape of --input-shape, or null for the data's own. */
    public Shape inputShape() {
        if (inputShape != null && inputShape.isBlank()) {
            throw new IllegalArgumentException("--input-shape is empty; give CxHxW, e.g. 1x28x28");
        }
        return inputShape == null ? null : Shape.parse(inputShape);
    }
}
