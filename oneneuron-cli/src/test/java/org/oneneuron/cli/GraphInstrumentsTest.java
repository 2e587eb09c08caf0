package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every instrument takes a convolutional network: train (--arch, --input-shape), evaluate,
 * predict, export, certify, spectrum, slice and escape on a small set of 1×6×6 images whose
 * label is the sign of a bright corner against a bright centre.
 */
class GraphInstrumentsTest {

    static final String ARCH = "conv:3x3x3:p1,relu,maxpool:2,flatten,dense:4,tanh,dense:1";

    @TempDir
    static Path dir;
    static Path data;
    static Path model;
    static Path plain;

    @BeforeAll
    static void images() throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        StringBuilder csv = new StringBuilder();
        for (int j = 0; j < 36; j++) {
            csv.append("p").append(j).append(',');
        }
        csv.append("label\n");
        for (int i = 0; i < 48; i++) {
            double[] px = new double[36];
            for (int j = 0; j < 36; j++) {
                px[j] = rng.nextGaussian() * 0.3;
            }
            boolean corner = i % 2 == 0;
            px[corner ? 0 : 14] += 2;
            px[corner ? 7 : 21] += 2;
            for (double v : px) {
                csv.append(String.format(Locale.ROOT, "%.5f,", v));
            }
            csv.append(corner ? "corner" : "centre").append('\n');
        }
        data = dir.resolve("images.csv");
        Files.writeString(data, csv.toString());
        model = dir.resolve("cnn.json");
        plain = dir.resolve("cnn-plain.json");
        Cli train = Cli.run("train", data.toString(), "--arch", ARCH, "--input-shape", "1x6x6", "--steps", "40",
                "--seed", "2", "--out", model.toString(), "-q");
        assertEquals(ExitCodes.OK, train.exitCode(), train.toString());
        Cli trainPlain = Cli.run("train", data.toString(), "--arch", ARCH, "--input-shape", "1x6x6", "--steps", "40",
                "--neuron", "none", "--reduction", "sum", "--out", plain.toString(), "-q");
        assertEquals(ExitCodes.OK, trainPlain.exitCode(), trainPlain.toString());
    }

    @Test
    void theModelFileKeepsTheGraphAndTheCommandsReadIt() throws Exception {
        JsonNode file = new ObjectMapper().readTree(model.toFile());
        assertEquals(2, file.get("format_version").asInt());
        assertEquals(ARCH, file.get("network").get("architecture").asText());
        assertEquals("1x6x6", file.get("network").get("input_shape").asText());
        ok("evaluate", model.toString(), data.toString());
        Path scores = dir.resolve("scores.csv");
        ok("predict", model.toString(), data.toString(), "--out", scores.toString());
        assertEquals(49, Files.readAllLines(scores).size(), "a header and 48 predictions");
        Cli export = Cli.run("export", model.toString(), "--drop-neuron", "--tolerance", "1e-12", "--out",
                dir.resolve("dropped.json").toString());
        assertTrue(export.exitCode() == ExitCodes.OK || export.err().contains("refusing to drop"), export.toString());
    }

    @Test
    void landscapeInstrumentsCertifyAndProbeTheConvolutionalPoint() throws Exception {
        JsonNode cert = new ObjectMapper().readTree(ok("certify", "--model", model.toString(), "--data",
                data.toString(), "--perturbations", "20", "--json").out());
        assertTrue(cert.has("verdict"), cert.toString());
        ok("spectrum", "--model", model.toString(), "--data", data.toString());
        ok("slice", "--model", model.toString(), "--data", data.toString(), "--plane", "random", "--out",
                dir.resolve("slices").toString());
        ok("escape", "--model", plain.toString(), "--data", data.toString());
    }

    @Test
    void aGraphThatDoesNotFitIsOneMessageAndExitTwo() {
        Cli r = Cli.run("train", data.toString(), "--arch", "conv:3x9x9,flatten,dense:1", "--input-shape", "1x6x6");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("layer 1 (conv:3x9x9)") && r.err().contains("larger than its input 1x6x6"),
                r.err());
        Cli shape = Cli.run("train", data.toString(), "--arch", ARCH, "--input-shape", "1x5x5");
        assertEquals(ExitCodes.BAD_INPUT, shape.exitCode(), shape.toString());
        assertTrue(shape.err().contains("input shape 1x5x5 holds 25 values"), shape.err());
        Cli both = Cli.run("train", data.toString(), "--arch", ARCH, "--hidden", "4");
        assertEquals(ExitCodes.BAD_INPUT, both.exitCode(), both.toString());
        assertTrue(both.err().contains("--arch or --hidden"), both.err());
    }

    private static Cli ok(String... args) {
        Cli r = Cli.run(args);
        assertEquals(ExitCodes.OK, r.exitCode(), String.join(" ", args) + "\n" + r);
        return r;
    }
}
