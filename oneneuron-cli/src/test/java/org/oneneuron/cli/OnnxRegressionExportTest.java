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
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.ReadOptions;
import org.oneneuron.data.Task;
import org.oneneuron.onnx.OnnxExporter;
import org.oneneuron.run.Model;

/**
 * {@code export --format onnx} of a regression model: one output, {@code value} [N, 1] = f~(x)
 * (μ + σ·f~ for a standardized target, the default), equal to our values (and to what
 * {@code predict} writes) to 1e-5 relative; no class label. Targets around 3 and around 1e5; the
 * latter's values are in the target's units, not the network's.
 */
class OnnxRegressionExportTest {

    @TempDir
    Path dir;

    @Test
    void aRegressionModelExportsOnlyItsValue() throws Exception {
        exportsItsValue(1, "reg", "--target-scale", "none");
        exportsItsValue(1, "reg-scaled");
    }

    @Test
    void aModelOfPricesExportsPrices() throws Exception {
        Model model = exportsItsValue(1e5, "prices");
        assertTrue(model.targetStandardizer().mean() > 1e5 && model.targetStandardizer().scale() > 1e4,
                "trained on standardized prices: " + model.targetStandardizer());
    }

    /** Trains on targets of about {@code size}·(sin(a) + b²/2 + 3), exports, compares ONNX Runtime with ours. */
    private Model exportsItsValue(double size, String name, String... options) throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        StringBuilder csv = new StringBuilder("a,b,target\n");
        for (int i = 0; i < 60; i++) {
            double a = rng.nextDouble(-2, 2);
            double b = rng.nextDouble(-2, 2);
            csv.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f%n", a, b, size * (Math.sin(a) + 0.5 * b * b + 3)));
        }
        Path data = Files.writeString(dir.resolve(name + ".csv"), csv);
        Path modelFile = dir.resolve(name + ".json");
        List<String> args = new ArrayList<>(List.of("train", data.toString(), "--hidden", "6", "--steps", "200",
                "--scaffold", "keep", "-q", "--out", modelFile.toString()));
        args.addAll(List.of(options));
        Cli trained = Cli.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, trained.exitCode(), trained.toString());
        Path onnx = dir.resolve(name + ".onnx");
        Cli exported = Cli.run("export", modelFile.toString(), "--format", "onnx", "--out", onnx.toString());
        assertEquals(ExitCodes.OK, exported.exitCode(), exported.toString());
        Model model = Model.load(modelFile);
        assertEquals(Task.REGRESSION, model.task());
        assertTrue(model.spec().neuron().present(), "the neuron is exported too");

        Dataset raw = Datasets.resolve(data.toString(), ReadOptions.defaults());
        double[] ours = model.scores(raw);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[][] x = new float[raw.n()][raw.d()];
        for (int i = 0; i < raw.n(); i++) {
            for (int j = 0; j < raw.d(); j++) {
                x[i][j] = (float) raw.x(i, j);
            }
        }
        try (OrtSession session = env.createSession(onnx.toString(), new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, x);
             OrtSession.Result result = session.run(Map.of("features", input))) {
            assertEquals(Set.of(OnnxExporter.VALUE), session.getOutputNames(), "only the value, no ±1 label");
            float[][] value = (float[][]) result.get(OnnxExporter.VALUE).orElseThrow().getValue();
            for (int i = 0; i < raw.n(); i++) {
                assertEquals(ours[i], value[i][0], 1e-5 * Math.max(1, Math.abs(ours[i])), "value of sample " + i);
            }
        }
        Cli predicted = Cli.run("predict", modelFile.toString(), data.toString());
        assertEquals(ExitCodes.OK, predicted.exitCode(), predicted.toString());
        assertEquals(Double.toString(ours[0]), predicted.out().lines().skip(1).findFirst().orElseThrow(),
                "predict writes the same value");
        assertEquals(options.length == 0, !model.targetStandardizer().isIdentity(), "standardized by default");
        return model;
    }
}
