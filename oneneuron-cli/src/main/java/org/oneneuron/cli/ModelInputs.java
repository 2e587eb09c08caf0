package org.oneneuron.cli;

import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.ReadOptions;
import org.oneneuron.run.Model;

/** Reads data for an existing model: by default its ±1 classes are the model's label names. */
final class ModelInputs {

    private ModelInputs() {
    }

    /**
     * The data set named by {@code pathOrBuiltin}, read with the user's options, or when they choose
     * no classes, with the model's own labels as -1 and +1.
     */
    static Dataset load(Model model, DataOptions options, String pathOrBuiltin) {
        ReadOptions read = options.readOptions();
        if (read.positive() == null && read.negative() == null
                && !model.labelNames().equals(java.util.List.of("-1", "+1"))) {
            read = read.withClasses(model.labelNames().get(0), model.labelNames().get(1));
        }
        return Datasets.resolve(pathOrBuiltin, read);
    }
}
