package org.oneneuron.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A golden case written by a PyTorch peer's {@code --dump} into the repository's bench/NAME: CSV
 * files of X, y (and v) and the initial parameters, and (W5, W6) golden.json with PyTorch's
 * float64 figures at the initial point. Tests run in a module folder, so the case is at
 * {@code ../bench/NAME}; a missing case fails the test (the clone carries it).
 */
public final class GoldenCase {

    public final Path dir;

    private GoldenCase(Path dir) {
        this.dir = dir;
    }

    /** The repository's case named e.g. {@code w5-golden}. */
    public static GoldenCase of(String name) {
        Path dir = Path.of("..", "bench", name);
        if (!Files.isRegularFile(dir.resolve("X.csv"))) {
            throw new AssertionError("bench/" + name + " is missing from the repository");
        }
        return new GoldenCase(dir);
    }

    /** golden.json, PyTorch's figures. */
    public JsonNode golden() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("golden.json").toFile());
    }

    /** Every number of a CSV file of the case, in reading order. */
    public double[] csv(String file) throws IOException {
        return numbers(dir.resolve(file));
    }

    /** Every number of a CSV file, in reading order. */
    public static double[] numbers(Path file) throws IOException {
        List<Double> values = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
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
    public double[] parameters(List<String> names, int dimension) throws IOException {
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

    /** A number of golden.json. */
    public double number(String key) throws IOException {
        return golden().get(key).asDouble();
    }
}
