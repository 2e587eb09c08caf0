package org.oneneuron.loss;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.oneneuron.data.Dataset;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.model.ParameterLayout;
import org.oneneuron.testing.GoldenCase;

/** Loads the W1 golden dump, the repository's bench/w1-golden (written by bench/peers/w1_fullbatch.py --dump). */
final class W1Golden {

    static final NetworkSpec SPEC = new NetworkSpec(30, List.of(64, 64), Activation.TANH, NeuronKind.SKIP_EXP);

    final Dataset data;
    final double[] theta;

    private W1Golden(Dataset data, double[] theta) {
        this.data = data;
        this.theta = theta;
    }

    /**
     * The repository's copy of the dump, {@code bench/w1-golden} (tests run in the module folder,
     * so it is {@code ../bench/w1-golden}); empty when missing.
     */
    static Optional<Path> locate() {
        Path p = Path.of("..", "bench", "w1-golden");
        return Files.isRegularFile(p.resolve("X.csv")) ? Optional.of(p) : Optional.empty();
    }

    static W1Golden load(Path dir) throws IOException {
        double[] x = read(dir.resolve("X.csv"));
        double[] y = read(dir.resolve("y.csv"));
        Dataset data = new Dataset("w1-golden", x, y, 30,
                Collections.nCopies(30, "f"), List.of("-1", "+1"));
        ParameterLayout layout = SPEC.layout();
        double[] theta = new double[layout.dimension()];
        for (String name : List.of("W1", "b1", "W2", "b2", "W3", "b3", "w", "a", "b")) {
            double[] block = read(dir.resolve("init_" + name + ".csv"));
            if (block.length != layout.block(name).size()) {
                throw new IOException(name + ": " + block.length + " values, layout expects "
                        + layout.block(name).size());
            }
            System.arraycopy(block, 0, theta, layout.offsetOf(name), block.length);
        }
        return new W1Golden(data, theta);
    }

    private static double[] read(Path file) throws IOException {
        return GoldenCase.numbers(file);
    }
}
