package org.oneneuron.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.StandardNormal;
import org.oneneuron.linalg.DeterministicMath;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.model.ParameterLayout;
import org.oneneuron.run.Problem;

/**
 * Data and starting point of W1 (and W3, which starts from W1's end point): n = 569, d = 30,
 * MLP 30-64-64-1 tanh plus the skip exponential neuron. Either the peer's dump folder
 * (peers/w1_fullbatch.py --dump: X.csv, y.csv, init_W1.csv … init_b.csv, PyTorch's layout, which
 * is our θ layout) or our own seeded generator with the same distributions (not the same numbers).
 *
 * @param data   the samples
 * @param theta0 the initial θ in {@link ParameterLayout} order
 * @param source where they came from, for the output
 */
record W1Setup(Dataset data, double[] theta0, String source) {

    static final int N = 569;
    static final int D = 30;
    static final int H = 64;

    static NetworkSpec spec() {
        return new NetworkSpec(D, List.of(H, H), Activation.parse("tanh"), NeuronKind.SKIP_EXP);
    }

    /**
     * The dump folder as the JSON's data_source names it: relative to the checkout when inside it
     * (e.g. bench/w1-golden), else as given, so no machine's absolute path lands in results.
     */
    static String describe(Path dir) {
        java.util.Optional<Path> root = BenchFiles.benchFolder().map(Path::getParent);
        Path absolute = dir.toAbsolutePath().normalize();
        if (root.isPresent() && absolute.startsWith(root.get().toAbsolutePath().normalize())) {
            return root.get().toAbsolutePath().normalize().relativize(absolute).toString();
        }
        return dir.toString();
    }

    /** Reads the peer's dump folder. */
    static W1Setup fromDump(Path dir) throws IOException {
        double[][] x = readCsv(dir.resolve("X.csv"));
        double[] y = flat(readCsv(dir.resolve("y.csv")));
        int d = x[0].length;
        double[] flatX = new double[x.length * d];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flatX, i * d, d);
        }
        ParameterLayout layout = spec().layout();
        double[] theta = new double[layout.dimension()];
        for (String block : List.of("W1", "b1", "W2", "b2", "W3", "b3", "w", "a", "b")) {
            double[] values = flat(readCsv(dir.resolve("init_" + block + ".csv")));
            int size = layout.block(block).size();
            if (values.length != size) {
                throw new IllegalArgumentException(dir.resolve("init_" + block + ".csv") + " has "
                        + values.length + " values, block " + block + " needs " + size);
            }
            System.arraycopy(values, 0, theta, layout.offsetOf(block), size);
        }
        return new W1Setup(dataset("w1-dump", flatX, y, d), theta, describe(dir));
    }

    /** Our generator: x ~ N(0, 1), labels sign(tanh(xU)v) of a random teacher, fan-in uniform init. */
    static W1Setup synthetic(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[N * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = StandardNormal.draw(rnd);
        }
        double[] y = teacherLabels(x, N, D, 8, rnd);
        Dataset data = dataset("w1-synthetic", x, y, D);
        // θ₀ from the run floor: fan-in uniform, seed + 1 (every weight and bias of layer l
        // ~ U(±1/√fan_in(l)), neuron w ~ U(±1/√d), a = b = 0, drawn in layout order).
        double[] theta = Problem.builder(spec(), data).seed(seed + 1).build().initialPoint();
        return new W1Setup(data, theta,
                String.format(Locale.ROOT, "synthetic (SplittableRandom seed %d + StandardNormal; same distributions as the peer, not its numbers)", seed));
    }

    /** y_i = sign(Σ_k v_k tanh(x_i·U_k)) with U ~ N(0, 1/d), v ~ N(0, 1). */
    static double[] teacherLabels(double[] x, int n, int d, int k, SplittableRandom rnd) {
        double[] u = new double[d * k];
        for (int i = 0; i < u.length; i++) {
            u[i] = StandardNormal.draw(rnd) / Math.sqrt(d);
        }
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            v[i] = StandardNormal.draw(rnd);
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < k; c++) {
                double z = 0;
                for (int j = 0; j < d; j++) {
                    z += x[i * d + j] * u[j * k + c];
                }
                s += v[c] * DeterministicMath.tanh(z);
            }
            y[i] = s >= 0 ? 1 : -1;
        }
        return y;
    }

    static Dataset dataset(String name, double[] x, double[] y, int d) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        return new Dataset(name, x, y, d, names, List.of("-1", "+1"));
    }

    private static double[][] readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < lines.size(); r++) {
            String line = lines.get(r).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",");
            double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                try {
                    row[c] = Double.parseDouble(cells[c].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + (r + 1) + ", column " + (c + 1)
                            + ": '" + cells[c] + "' is not a number", e);
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        return rows.toArray(new double[0][]);
    }

    private static double[] flat(double[][] rows) {
        int size = 0;
        for (double[] r : rows) {
            size += r.length;
        }
        double[] out = new double[size];
        int at = 0;
        for (double[] r : rows) {
            System.arraycopy(r, 0, out, at, r.length);
            at += r.length;
        }
        return out;
    }
}
