package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.ReadOptions;
import org.oneneuron.run.Model;

/**
 * {@code export --format onnx} of layer graphs (convolutions, pooling, residual blocks, layer
 * norm, flatten, dense) with and without the special neuron (every kind): ONNX Runtime for Java gives our
 * scores and labels on the training data, float32 against our float64, to 1e-5 relative (the
 * rule of {@link OnnxExportTest#check}).
 */
class OnnxLayerGraphExportTest {

    private static final double RELATIVE = 1e-5;

    /**
     * Every layer kind: padded conv, a residual block with layer norm over the image, max and
     * average pooling, flatten, dense, layer norm over a vector, five activations.
     */
    static final String CNN = "conv:4x3x3:p1,tanh,res(conv:4x3x3:p1,relu,layernorm),maxpool:2,conv:3x3x3,"
            + "leaky_relu:0.1,avgpool:2,flatten,dense:4,elu,layernorm,dense:1";

    @TempDir
    Path dir;

    /** 40 images of 1×8×8 as CSV rows: a vertical bar (+1) or a horizontal bar (-1), with noise. */
    private Path images() throws IOException {
        SplittableRandom rng = new SplittableRandom(5);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            int at = 1 + rng.nextInt(6);
            for (int p = 0; p < 64; p++) {
                double on = (i % 2 == 0 ? p % 8 : p / 8) == at ? 3 : 0;
                csv.append(String.format(Locale.ROOT, "%.4f,", 10 + on + 0.5 * rng.nextGaussian()));
            }
            csv.append(i % 2 == 0 ? "1" : "-1").append('\n');
        }
        Path file = dir.resolve("bars.csv");
        Files.writeString(file, csv);
        return file;
    }

    private double trainExportAndCheck(String name, String arch, String neuron) throws Exception {
        Path data = images();
        Path model = dir.resolve(name + ".json");
        List<String> train = new ArrayList<>(List.of("train", data.toString(), "--input-shape", "1x8x8", "--arch", arch,
                "--neuron", neuron, "--optimizer", "adam", "--lr", "0.02", "--steps", "60", "--seed", "3",
                "--out", model.toString(), "-q"));
        Cli trained = Cli.run(train.toArray(String[]::new));
        assertEquals(ExitCodes.OK, trained.exitCode(), trained.toString());
        Path onnx = dir.resolve(name + ".onnx");
        Cli exported = Cli.run("export", model.toString(), "--format", "onnx", "--out", onnx.toString(), "--json");
        assertEquals(ExitCodes.OK, exported.exitCode(), exported.toString());
        Model loaded = Model.load(model);
        Dataset raw = Datasets.resolve(data.toString(), ReadOptions.defaults());
        double[] scores = loaded.scores(raw);
        double spread = 0;
        for (double s : scores) {
            spread = Math.max(spread, Math.abs(s - scores[0]));
        }
        assertTrue(spread > 1e-3, "the trained network separates the samples: spread " + spread);
        double worst = OnnxExportTest.check(loaded, onnx, raw, RELATIVE);
        System.out.printf(Locale.ROOT, "%s: worst relative error %.3g%n", name, worst);
        return worst;
    }

    @Test
    void aCnnWithTheSpecialNeuronMatchesOurs() throws Exception {
        trainExportAndCheck("cnn-skip", CNN, "skip-exp");
    }

    @Test
    void aPlainCnnMatchesOurs() throws Exception {
        trainExportAndCheck("cnn-plain", CNN, "none");
    }

    /** Strided, padded convolution; the no-skip neuron reads the flattened conv output. */
    @Test
    void aStridedConvWithTheNoSkipNeuronMatchesOurs() throws Exception {
        trainExportAndCheck("strided-noskip", "conv:2x3x3:s2:p1,tanh,flatten,dense:1", "no-skip");
    }

    /** The ablation neurons (φ = relu, identity, u², σ) on a small conv net. */
    @ParameterizedTest
    @ValueSource(strings = {"relu", "linear", "quadratic", "sigmoid"})
    void theAblationNeuronsMatchOurs(String neuron) throws Exception {
        trainExportAndCheck("ablation-" + neuron, "conv:2x3x3,tanh,flatten,dense:1", neuron);
    }
}
