package org.oneneuron.cli;

import java.util.List;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NeuronKind;
import picocli.CommandLine.Option;

/** One network: {@code --hidden}, {@code --activation}, {@code --neuron} (defaults: the library's). */
public final class NetworkOptions {

    @Option(names = "--hidden", paramLabel = "W[,W...]", description = Vocabulary.HIDDEN)
    String hidden = Vocabulary.HIDDEN_DEFAULT;

    @Option(names = "--activation", paramLabel = "WORD", description = Vocabulary.ACTIVATION)
    String activation = Vocabulary.MODEL.activation().word();

    @Option(names = "--neuron", paramLabel = "KIND", description = Vocabulary.NEURON)
    String neuron = Vocabulary.MODEL.neuron().word();

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
}
