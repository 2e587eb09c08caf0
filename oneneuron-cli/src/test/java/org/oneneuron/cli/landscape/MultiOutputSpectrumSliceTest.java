package org.oneneuron.cli.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.cli.Main;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.ReadOptions;
import org.oneneuron.landscape.NetworkPoints;
import org.oneneuron.landscape.Slices;
import org.oneneuron.landscape.SymmetricEigen;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.run.Model;
import org.oneneuron.run.Problem;
import picocli.CommandLine;

/**
 * {@code spectrum} and {@code slice} on K-output models (one special neuron per output): a
 * 3-class softmax cross-entropy model and a regression (squared and Huber) model, each with its
 * neurons kept (20 L-BFGS steps: the neurons still moderate, so that central differences with steps
 * of 1e-5 see the local curvature; a neuron with exp(u) near overflow and a_k ≈ 1e-6 changes the
 * loss by orders of magnitude within such a step). The spectrum's extreme eigenvalues (Lanczos) and SLQ's trace and tr(H²) are
 * checked against a Hessian assembled here by central differences of the gradient; every value
 * of a random-plane slice against the loss evaluated here at that point of the plane.
 */
class MultiOutputSpectrumSliceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path classes;
    static Path regression;

    @BeforeAll
    static void files() throws Exception {
        SplittableRandom rng = new SplittableRandom(8);
        StringBuilder c = new StringBuilder("x1,x2,arm\n");
        for (int i = 0; i < 45; i++) {
            int k = i % 3;
            double r = 0.2 + 0.8 * rng.nextDouble();
            double angle = 2 * Math.PI * k / 3 + 2.5 * r + rng.nextGaussian() * 0.2;
            c.append(String.format(Locale.ROOT, "%.5f,%.5f,%s%n", r * Math.cos(angle), r * Math.sin(angle), "abc".charAt(k)));
        }
        classes = Files.writeString(dir.resolve("arms.csv"), c);
        StringBuilder r = new StringBuilder("x,t\n");
        for (int i = 0; i < 40; i++) {
            double x = rng.nextDouble(-1, 1);
            r.append(String.format(Locale.ROOT, "%.5f,%.5f%n", x, Math.sin(3 * x) + 0.1 * rng.nextGaussian()));
        }
        regression = Files.writeString(dir.resolve("sine.csv"), r);
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        assertEquals(0, code, String.join(" ", args) + "\n" + out + err);
        return out.toString();
    }

    private static Path train(Path data, String name, String... options) {
        Path model = dir.resolve(name + ".json");
        List<String> args = new java.util.ArrayList<>(List.of("train", data.toString(), "--hidden", "3",
                "--scaffold", "keep", "--steps", "20", "--seed", "3", "-q", "--out", model.toString()));
        args.addAll(List.of(options));
        run(args.toArray(String[]::new));
        return model;
    }

    /** The model's objective on its data, as the landscape commands build it. */
    private static Problem problem(Path model, Path data) {
        Model m = Model.load(model);
        return m.problem(Datasets.resolve(data.toString(), ReadOptions.defaults()));
    }

    /** H by central differences of the exact gradient, symmetrized; row-major n × n. */
    private static double[] finiteDifferenceHessian(NetworkObjective f, double[] theta) {
        int n = theta.length;
        double[] h = new double[n * n];
        double[] plus = new double[n];
        double[] minus = new double[n];
        for (int j = 0; j < n; j++) {
            double step = 1e-5 * Math.max(1, Math.abs(theta[j]));
            double[] up = theta.clone();
            up[j] = theta[j] + step;
            f.valueAndGradient(up, plus);
            double[] down = theta.clone();
            down[j] = theta[j] - step;
            f.valueAndGradient(down, minus);
            for (int i = 0; i < n; i++) {
                h[i * n + j] = (plus[i] - minus[i]) / (2 * step);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (h[i * n + j] + h[j * n + i]);
                h[i * n + j] = m;
                h[j * n + i] = m;
            }
        }
        return h;
    }

    private static void checkSpectrum(Path model, Path data, String what) throws Exception {
        Problem problem = problem(model, data);
        NetworkObjective objective = problem.objective();
        double[] theta = Model.load(model).theta();
        assertTrue(objective.layout().hasNeuron(), what + " keeps its neurons");
        int n = theta.length;
        double[] h = finiteDifferenceHessian(objective, theta);
        double[] eig = SymmetricEigen.symmetric(h, n, false).values().clone();
        Arrays.sort(eig);
        double norm = Math.max(Math.abs(eig[0]), Math.abs(eig[n - 1]));
        double trace = 0;
        double square = 0;
        for (int i = 0; i < n; i++) {
            trace += h[i * n + i];
            for (int j = 0; j < n; j++) {
                square += h[i * n + j] * h[i * n + j];
            }
        }
        JsonNode s = JSON.readTree(run("spectrum", "--model", model.toString(), "--data", data.toString(),
                "--json", "--dense", "--probes", "40"));
        assertEquals(n, s.get("dimension").asInt(), what);
        JsonNode lanczos = s.get("lanczos");
        assertTrue(lanczos.get("converged").asBoolean(), what + ": " + lanczos);
        assertEquals(eig[0], lanczos.get("eig_min").asDouble(), 1e-5 * norm, what + " λ_min");
        assertEquals(eig[n - 1], lanczos.get("eig_max").asDouble(), 1e-5 * norm, what + " λ_max");
        assertEquals(eig[0], s.get("dense").get("eig_min").asDouble(), 1e-5 * norm, what + " dense λ_min");
        assertEquals(trace, s.get("dense").get("trace").asDouble(), 1e-5 * norm * n, what + " dense trace");
        JsonNode slq = s.get("slq");
        double se = slq.get("trace_standard_error").asDouble();
        assertEquals(trace, slq.get("trace").asDouble(), 4 * se + 1e-5 * norm * n, what + " SLQ trace");
        double seSquare = slq.get("trace_of_square_standard_error").asDouble();
        assertEquals(square, slq.get("trace_of_square").asDouble(), 4 * seSquare + 1e-4 * square,
                what + " SLQ tr(H²)");
        JsonNode grid = slq.get("grid");
        JsonNode density = slq.get("density");
        double mass = 0;
        for (int i = 1; i < grid.size(); i++) {
            mass += 0.5 * (density.get(i).asDouble() + density.get(i - 1).asDouble())
                    * (grid.get(i).asDouble() - grid.get(i - 1).asDouble());
        }
        assertEquals(1.0, mass, 0.05, what + " the SLQ density integrates to 1");
        assertTrue(grid.get(0).asDouble() <= eig[0] && grid.get(grid.size() - 1).asDouble() >= eig[n - 1],
                what + ": the density's grid covers [λ_min, λ_max] = [" + eig[0] + ", " + eig[n - 1] + "]");
    }

    private static void checkSlice(Path model, Path data, String what) throws Exception {
        Problem problem = problem(model, data);
        NetworkObjective objective = problem.objective();
        double[] theta = Model.load(model).theta();
        Path out = dir.resolve("slice-" + model.getFileName());
        long seed = 11;
        run("slice", "--model", model.toString(), "--data", data.toString(), "--plane", "random", "--grid", "5",
                "--extent", "0.5", "--seed", Long.toString(seed), "--out", out.toString(), "--json");
        SplittableRandom rng = new SplittableRandom(seed);
        List<int[]> filters = NetworkPoints.filters(problem.spec().layout());
        double[] d1 = Slices.filterNormalized(theta, filters, rng);
        double[] d2 = Slices.filterNormalized(theta, filters, rng);
        List<String> rows = Files.readAllLines(out.resolve("slice.csv"));
        assertEquals("s,t,loss", rows.get(0));
        assertEquals(26, rows.size(), what + ": 5 × 5 points");
        boolean originSeen = false;
        for (String row : rows.subList(1, rows.size())) {
            String[] cell = row.split(",");
            double s = Double.parseDouble(cell[0]);
            double t = Double.parseDouble(cell[1]);
            double[] point = theta.clone();
            for (int j = 0; j < point.length; j++) {
                point[j] += s * d1[j] + t * d2[j];
            }
            double expected = objective.value(point);
            assertEquals(expected, Double.parseDouble(cell[2]), 1e-9 * Math.max(1, Math.abs(expected)),
                    what + " at (s, t) = (" + s + ", " + t + ")");
            originSeen |= s == 0 && t == 0;
        }
        assertTrue(originSeen, "the model's own point is on the grid");
    }

    @Test
    void softmaxCrossEntropyWithANeuronPerOutput() throws Exception {
        Path model = train(classes, "ce", "--loss", "softmax-ce");
        assertEquals(3, Model.load(model).outputs());
        checkSpectrum(model, classes, "softmax-ce");
        checkSlice(model, classes, "softmax-ce");
    }

    @Test
    void regressionWithSquaredAndHuberLosses() throws Exception {
        for (String loss : List.of("squared", "huber")) {
            Path model = train(regression, "reg-" + loss, "--loss", loss);
            assertEquals(org.oneneuron.data.Task.REGRESSION, Model.load(model).task());
            checkSpectrum(model, regression, loss);
            checkSlice(model, regression, loss);
        }
    }
}
