package org.oneneuron.loss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A golden case written by a PyTorch peer's {@code --dump}: CSV files of X, y, v and the initial
 * parameters, and golden.json with PyTorch's float64 figures at the initial point. Found in the
 * repository's bench/golden/NAME, or in a shared/bench/NAME folder above the working directory.
 */
final class GoldenCase {

    final Path dir;
    final JsonNode golden;

    private GoldenCase(Path dir) throws IOException {
        this.dir = dir;
        this.golden = new ObjectMapper().readTree(dir.resolve("golden.json").toFile());
    }

    /** The case named e.g. {@code w5-golden}, or empty when its folder is nowhere above. */
    static Optional<GoldenCase> find(String name) throws IOException {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            for (Path p : List.of(dir.resolve("bench/golden/" + name), dir.resolve("bench/" + name),
                    dir.resolve("shared/bench/" + name))) {
                if (Files.isRegularFile(p.resolve("golden.json"))) {
                    return Optional.of(new GoldenCase(p));
                }
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** Every number of a CSV file in reading order. */
    double[] csv(String file) throws IOException {
        List<Double> values = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(file))) {
            if (line.isBlank()) {
                continue;
            }
            for (String cell : line.split(",")) {
                values.add(Double.parseDouble(cell.trim()));
            }
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** The parameters init_NAME.csv for each name, concatenated in order. */
    double[] parameters(List<String> names, int dimension) throws IOException {
        double[] theta = new double[dimension];
        int off = 0;
        for (String name : names) {
            double[] block = csv("init_" + name + ".csv");
            System.arraycopy(block, 0, theta, off, block.length);
            off += block.length;
        }
        if (off != dimension) {
            throw new IOException(off + " parameters in " + dir + ", the layout expects " + dimension);
        }
        return theta;
    }

    double number(String key) {
        return golden.get(key).asDouble();
    }
}
