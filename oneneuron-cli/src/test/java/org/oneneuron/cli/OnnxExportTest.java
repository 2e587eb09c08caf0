package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.ReadOptions;
import org.oneneuron.run.Model;
import org.oneneuron.model.ParameterLayout;

/**
 * {@code oneneuron export --format onnx} files load in ONNX Runtime for Java and give our scores
 * and labels on the training data: float32 against our float64, to 1e-5 relative (of each score,
 * or of the largest score for the few that sit near zero, where float32 cancellation leaves an
 * absolute error about 1e-7 of the largest).
 */
class OnnxExportTest {

    private static final double RELATIVE = 1e-5;

    @TempDir
    Path dir;

    private Model trainAndExport(String name, String... options) throws Exception {
        Path model = dir.resolve(name + ".json");
        String[] args = new String[options.length + 6];
        args[0] = "train";
        args[1] = "wdbc";
        System.arraycopy(options, 0, args, 2, options.length);
        args[options.length + 2] = "--out";
        args[options.length + 3] = model.toString();
        args[options.length + 4] = "-q";
        args[options.length + 5] = "--seed";
        String[] withSeed = java.util.Arrays.copyOf(args, args.length + 1);
        withSeed[args.length] = "7";
        Cli trained = Cli.run(withSeed);
        assertEquals(ExitCodes.OK, trained.exitCode(), trained.toString());
        Path onnx = dir.resolve(name + ".onnx");
        Cli exported = Cli.run("export", model.toString(), "--format", "onnx", "--out", onnx.toString(), "--json");
        assertEquals(ExitCodes.OK, exported.exitCode(), exported.toString());
        assertTrue(exported.out().contains("\"format\" : \"onnx\""), exported.out());
        return Model.load(model);
    }

    /** Runs the ONNX file on the data: [scores, labels]. */
    static float[][] runOnnx(Path onnx, Dataset data) throws Exception {
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
            float[][] label = (float[][]) result.get("label").orElseThrow().getValue();
            float[] s = new float[data.n()];
            float[] l = new float[data.n()];
            for (int i = 0; i < data.n(); i++) {
                s[i] = score[i][0];
                l[i] = label[i][0];
            }
            return new float[][] {s, l};
        }
    }

    /** max_i |onnx_i - ours_i| / max(|ours_i|, 1e-2·max|ours|), and the labels agree. */
    static double check(Model model, Path onnx, Dataset data, double tolerance) throws Exception {
        double[] ours = model.scores(data);
        float[][] theirs = runOnnx(onnx, data);
        double largest = 0;
        for (double v : ours) {
            largest = Math.max(largest, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < ours.length; i++) {
            double err = Math.abs(theirs[0][i] - ours[i]) / Math.max(Math.abs(ours[i]), 1e-2 * largest);
            worst = Math.max(worst, err);
            assertTrue(err <= tolerance, String.format(Locale.ROOT,
                    "sample %d: onnx %.9g, ours %.17g, relative error %.3g", i, theirs[0][i], ours[i], err));
            if (Math.abs(ours[i]) > 1e-4 * largest) {
                assertEquals(ours[i] >= 0 ? 1f : -1f, theirs[1][i], "label of sample " + i);
            }
        }
        return worst;
    }

    @Test
    void skipExpNetworkMatchesOursOnTheTrainingData() throws Exception {
        Model model = trainAndExport("skip", "--hidden", "16", "--steps", "300");
        Dataset wdbc = Datasets.resolve("wdbc", ReadOptions.defaults());
        double worst = check(model, dir.resolve("skip.onnx"), wdbc, RELATIVE);
        System.out.printf(Locale.ROOT, "skip-exp: worst relative error %.3g%n", worst);
    }

    @Test
    void plainReluNetworkMatchesOurs() throws Exception {
        Model model = trainAndExport("plain", "--hidden", "16,8", "--activation", "relu",
                "--neuron", "none", "--steps", "200");
        Dataset wdbc = Datasets.resolve("wdbc", ReadOptions.defaults());
        double worst = check(model, dir.resolve("plain.onnx"), wdbc, RELATIVE);
        System.out.printf(Locale.ROOT, "none/relu: worst relative error %.3g%n", worst);
    }

    @Test
    void noSkipNeuronOnLeakyReluMatchesOurs() throws Exception {
        Model model = trainAndExport("noskip", "--hidden", "8", "--activation", "leaky_relu:0.1",
                "--neuron", "no-skip", "--steps", "200");
        Dataset wdbc = Datasets.resolve("wdbc", ReadOptions.defaults());
        double worst = check(model, dir.resolve("noskip.onnx"), wdbc, RELATIVE);
        System.out.printf(Locale.ROOT, "no-skip/leaky: worst relative error %.3g%n", worst);
    }

    /**
     * a = 1e-30 with wᵀx + b near 90: exp(u) overflows float32 (above 88.7) but a·exp(u) ≈ 1e9
     * does not, so the file must take the engine's log form sign(a)·exp(u + log|a|). (u carries
     * float32's absolute error, about 90·2⁻²⁴ per term, which exp turns into relative error: 3.8e-6
     * here; much larger |u| would exceed 1e-5, a limit of float32, documented in MODEL-FORMAT.md.)
     */
    @Test
    void stableFormKeepsATinyNeuronWithHugeExponentFinite() throws Exception {
        Model model = trainAndExport("stable", "--hidden", "8", "--steps", "50");
        ParameterLayout layout = model.spec().layout();
        double[] theta = model.theta();
        java.util.Arrays.fill(theta, layout.offsetOf("w"), layout.offsetOf("w") + layout.block("w").size(), 0.01);
        theta[layout.offsetOf("a")] = 1e-30;
        theta[layout.offsetOf("b")] = 90;
        Model extreme = model.with(model.spec(), theta, model.provenance());
        Path onnx = dir.resolve("extreme.onnx");
        org.oneneuron.onnx.OnnxExporter.write(extreme, onnx);
        Dataset wdbc = Datasets.resolve("wdbc", ReadOptions.defaults());
        double[] ours = extreme.scores(wdbc);
        assertTrue(Math.abs(ours[0]) > 1e8, "the neuron dominates: " + ours[0]);
        double worst = check(extreme, onnx, wdbc, RELATIVE);
        System.out.printf(Locale.ROOT, "stable form: worst relative error %.3g%n", worst);
    }
}
