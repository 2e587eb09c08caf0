package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.ReadOptions;
import org.oneneuron.eval.Metrics;
import org.oneneuron.model.ParameterLayout;
import org.oneneuron.onnx.OnnxExporter;
import org.oneneuron.run.Model;

/**
 * {@code export --format onnx} of multi-class models (K outputs, one special neuron each) in ONNX
 * Runtime for Java: {@code score} [N, K] equals our scores to 1e-5 relative (the rule of
 * {@link OnnxExportTest#check}, per entry), {@code probabilities} our softmax of them (what
 * {@code predict} writes) to 1e-5, and {@code label} the index of the largest score.
 */
class OnnxMulticlassExportTest {

    private static final double RELATIVE = 1e-5;
    private static final int K = 3;

    @TempDir
    Path dir;

    /** 60 rows of 16 features (a 1×4×4 image): a bright row, column or diagonal names the class. */
    private Path data() throws Exception {
        SplittableRandom rng = new SplittableRandom(9);
        StringBuilder csv = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (int p = 0; p < 16; p++) {
            names.add("p" + p);
        }
        csv.append(String.join(",", names)).append(",kind\n");
        String[] kinds = {"row", "column", "diagonal"};
        for (int i = 0; i < 60; i++) {
            int k = i % K;
            int at = rng.nextInt(4);
            for (int p = 0; p < 16; p++) {
                boolean on = k == 0 ? p / 4 == at : k == 1 ? p % 4 == at : p / 4 == p % 4;
                csv.append(String.format(Locale.ROOT, "%.4f,", (on ? 2 : 0) + 0.6 * rng.nextGaussian()));
            }
            csv.append(kinds[k]).append('\n');
        }
        return Files.writeString(dir.resolve("kinds.csv"), csv);
    }

    private Model trainAndExport(Path data, String name, String... options) throws Exception {
        Path model = dir.resolve(name + ".json");
        List<String> args = new ArrayList<>(List.of("train", data.toString(), "--label", "kind", "--seed", "4",
                "--out", model.toString(), "-q"));
        args.addAll(List.of(options));
        Cli trained = Cli.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, trained.exitCode(), trained.toString());
        Cli exported = Cli.run("export", model.toString(), "--format", "onnx", "--out",
                dir.resolve(name + ".onnx").toString(), "--json");
        assertEquals(ExitCodes.OK, exported.exitCode(), exported.toString());
        Model loaded = Model.load(model);
        assertEquals(K, loaded.outputs());
        return loaded;
    }

    /** Runs the file: [scores n·K, probabilities n·K, labels n]. */
    private static double[][] runOnnx(Path onnx, Dataset data) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[][] x = new float[data.n()][data.d()];
        for (int i = 0; i < data.n(); i++) {
            for (int j = 0; j < data.d(); j++) {
                x[i][j] = (float) data.x(i, j);
            }
        }
        try (OrtSession session = env.createSession(onnx.toString(), new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, x);
             OrtSession.Result result = session.run(Map.of("features", input))) {
            float[][] score = (float[][]) result.get("score").orElseThrow().getValue();
            float[][] p = (float[][]) result.get(OnnxExporter.PROBABILITIES).orElseThrow().getValue();
            long[][] label = (long[][]) result.get(OnnxExporter.LABEL).orElseThrow().getValue();
            double[][] out = new double[3][];
            out[0] = new double[data.n() * K];
            out[1] = new double[data.n() * K];
            out[2] = new double[data.n()];
            for (int i = 0; i < data.n(); i++) {
                for (int k = 0; k < K; k++) {
                    out[0][i * K + k] = score[i][k];
                    out[1][i * K + k] = p[i][k];
                }
                out[2][i] = label[i][0];
            }
            return out;
        }
    }

    /** The worst relative error of the scores; probabilities and labels checked on the way. */
    private static double check(Model model, Path onnx, Dataset data) throws Exception {
        double[] ours = model.scores(data);
        double[] probabilities = model.classProbabilities(ours);
        double[][] theirs = runOnnx(onnx, data);
        double largest = 0;
        for (double v : ours) {
            largest = Math.max(largest, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < ours.length; i++) {
            double err = Math.abs(theirs[0][i] - ours[i]) / Math.max(Math.abs(ours[i]), 1e-2 * largest);
            worst = Math.max(worst, err);
            assertTrue(err <= RELATIVE, String.format(Locale.ROOT, "score %d (sample %d, class %d): onnx %.9g,"
                    + " ours %.17g, relative error %.3g", i, i / K, i % K, theirs[0][i], ours[i], err));
            assertEquals(probabilities[i], theirs[1][i], RELATIVE, "probability " + i);
        }
        for (int i = 0; i < data.n(); i++) {
            int best = Metrics.argmax(ours, i * K, K);
            double gap = Double.POSITIVE_INFINITY;
            for (int k = 0; k < K; k++) {
                gap = k == best ? gap : Math.min(gap, ours[i * K + best] - ours[i * K + k]);
            }
            if (gap > 1e-4 * largest) {
                assertEquals(best, (int) theirs[2][i], "label of sample " + i);
            }
        }
        return worst;
    }

    @Test
    void anMlpWithANeuronPerOutputMatchesOurs() throws Exception {
        Path data = data();
        Model model = trainAndExport(data, "mlp", "--hidden", "8", "--steps", "200", "--scaffold", "keep");
        Dataset raw = Datasets.resolve(data.toString(), ReadOptions.defaults().withLabelColumn("kind"));
        assertTrue(Metrics.classError(model.scores(raw), K, raw.y()) < 0.2, "the model learned the classes");
        double worst = check(model, dir.resolve("mlp.onnx"), raw);
        System.out.printf(Locale.ROOT, "multi-class skip-exp MLP: worst relative error %.3g%n", worst);
    }

    /**
     * The neurons differ per output: a_1 = 0 (adds nothing), a_2 = 1e-30 with u ≈ 90 (exp(u)
     * overflows float32, the product does not: the stable log form), a_3 = 0.5.
     */
    @Test
    void eachOutputsNeuronKeepsItsOwnStableForm() throws Exception {
        Path data = data();
        Model model = trainAndExport(data, "base", "--hidden", "8", "--steps", "30", "--scaffold", "keep");
        ParameterLayout layout = model.spec().layout();
        double[] theta = model.theta();
        int w = layout.offsetOf("w");
        java.util.Arrays.fill(theta, w, w + layout.block("w").size(), 0.01);
        int a = layout.offsetOf("a");
        int b = layout.offsetOf("b");
        theta[a] = 0;
        theta[a + 1] = 1e-30;
        theta[a + 2] = 0.5;
        theta[b] = 0;
        theta[b + 1] = 90;
        theta[b + 2] = 0;
        Model extreme = model.with(model.spec(), theta, model.provenance());
        Path onnx = dir.resolve("extreme.onnx");
        OnnxExporter.write(extreme, onnx);
        Dataset raw = Datasets.resolve(data.toString(), ReadOptions.defaults().withLabelColumn("kind"));
        double[] ours = extreme.scores(raw);
        assertTrue(Math.abs(ours[1]) > 1e8, "output 2's neuron dominates: " + ours[1]);
        double worst = check(extreme, onnx, raw);
        System.out.printf(Locale.ROOT, "per-output stable form: worst relative error %.3g%n", worst);
    }

    @Test
    void aConvolutionalNetworkWithThreeOutputsMatchesOurs() throws Exception {
        Path data = data();
        Model model = trainAndExport(data, "cnn", "--input-shape", "1x4x4", "--arch",
                "conv:3x2x2,relu,maxpool:2,flatten,dense:3", "--optimizer", "adam", "--lr", "0.02", "--steps", "80",
                "--scaffold", "keep");
        Dataset raw = Datasets.resolve(data.toString(), ReadOptions.defaults().withLabelColumn("kind"));
        double worst = check(model, dir.resolve("cnn.onnx"), raw);
        System.out.printf(Locale.ROOT, "multi-class CNN with skip-exp: worst relative error %.3g%n", worst);
    }
}
