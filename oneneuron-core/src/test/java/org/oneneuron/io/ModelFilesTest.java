package org.oneneuron.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.data.DataException;

class ModelFilesTest {

    @TempDir
    Path dir;

    static ModelFile sample(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] theta = new double[2 * 3 + 2 + 2 + 1 + 1 + 3 + 1];
        for (int i = 0; i < theta.length; i++) {
            // Awkward doubles: tiny, huge, subnormal-ish, with long expansions.
            theta[i] = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-300, 300));
        }
        List<ModelFile.Block> blocks = ModelFile.blocks(theta,
                List.of("W1", "b1", "v", "d", "a", "w", "b"),
                List.of(new int[] {2, 3}, new int[] {2, 1}, new int[] {1, 2}, new int[] {1, 1},
                        new int[] {1, 1}, new int[] {3, 1}, new int[] {1, 1}));
        return new ModelFile(new ModelFile.Network(3, List.of(2), "leaky_relu:0.1", "skip-exp"), blocks,
                Optional.of(new ModelFile.Standardizer(new double[] {0.1, -2, 1e-9},
                        new double[] {1, 0.3, 7.25})),
                List.of("x1", "x2", "x3"), List.of("benign", "malignant"), "cubic-hinge", "sum", 0.1,
                Map.of("seed", "42", "java_version", "17"));
    }

    @Test
    void saveThenLoadGivesTheSameModelBitForBit() {
        for (long seed = 1; seed <= 20; seed++) {
            ModelFile model = sample(seed);
            Path file = dir.resolve("m" + seed + ".json");
            ModelFiles.write(model, file);
            ModelFile back = ModelFiles.read(file);
            assertEquals(model, back);
            double[] a = model.theta();
            double[] b = back.theta();
            for (int i = 0; i < a.length; i++) {
                assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]));
            }
        }
    }

    /**
     * The file is written by the streaming generator; its text is the one an ObjectMapper with
     * INDENT_OUTPUT writes for the same tree (how every earlier file was written), so a re-saved
     * model diffs clean: MLP and graph networks, with and without split and calibration.
     */
    @Test
    void theTextIsTheDataBindingMappersText() throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ModelFile mlp = sample(3);
        ModelFile.Network graph = new ModelFile.Network(mlp.network().inputDim(), List.of(), "", "none", "3",
                "dense:2,relu,dense:1");
        ModelFile full = new ModelFile(graph, mlp.parameters(), Optional.empty(), mlp.featureNames(),
                mlp.labelNames(), mlp.loss(), mlp.reduction(), 0.0, mlp.provenance(),
                Optional.of(new ModelFile.Split(0.25, -7L, 12, "ab12", new int[] {3, 0, 11})),
                Optional.of(new ModelFile.Calibration("platt", -1.5, 1e-300, "held_out", 3)));
        for (ModelFile model : List.of(mlp, sample(8), full)) {
            String text = ModelFiles.toJson(model);
            assertEquals(mapper.writeValueAsString(mapper.readTree(text)) + "\n", text);
        }
    }

    /** The file's bytes, encoded by the generator, are the text's UTF-8 bytes, non-ASCII names and escapes included. */
    @Test
    void theFileIsTheTextInUtf8() throws Exception {
        ModelFile m = sample(9);
        ModelFile named = new ModelFile(m.network(), m.parameters(), m.standardizer(),
                List.of("λ₁", "café \"au\" lait", "\uD83D\uDE00\ttab"), List.of("négatif", "positif"), m.loss(),
                m.reduction(), m.lambda(), Map.of("note", "ünïcödé\n", "seed", "1"));
        Path file = dir.resolve("named.json");
        ModelFiles.write(named, file);
        assertArrayEquals(ModelFiles.toJson(named).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
        assertEquals(named, ModelFiles.read(file));
    }

    @Test
    void writeLeavesNoTemporaryFileBehindAndReplacesAnOldFile() throws Exception {
        Path file = dir.resolve("model.json");
        Files.writeString(file, "old");
        ModelFiles.write(sample(3), file);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        assertTrue(Files.readString(file).contains("\"format_version\" : 2"));
    }

    @Test
    void aVersionOneFileStillLoadsAsTheSameMlp() {
        String v1 = ModelFiles.toJson(sample(4)).replace("\"format_version\" : 2", "\"format_version\" : 1")
                .replace("    \"input_shape\" : \"3\",\n", "");
        assertFalse(v1.contains("input_shape"), "a version-1 file has no input_shape");
        ModelFile back = ModelFiles.fromJson("v1.json", v1);
        assertEquals(sample(4), back);
        assertFalse(back.network().isGraph());
    }

    @Test
    void aLayerGraphRoundTripsThroughVersionTwo() {
        ModelFile mlp = sample(7);
        ModelFile.Network graph = new ModelFile.Network(mlp.network().inputDim(), List.of(), "", "skip-exp",
                "3", "dense:2,leaky_relu:0.1,dense:1");
        ModelFile model = new ModelFile(graph, mlp.parameters(), mlp.standardizer(), mlp.featureNames(),
                mlp.labelNames(), mlp.loss(), mlp.reduction(), mlp.lambda(), mlp.provenance());
        String json = ModelFiles.toJson(model);
        assertTrue(json.contains("\"architecture\" : \"dense:2,leaky_relu:0.1,dense:1\""), json);
        assertFalse(json.contains("\"hidden\""), "a graph is stored by its layers");
        assertEquals(model, ModelFiles.fromJson("g.json", json));
    }

    @Test
    void unknownVersionIsAClearError() {
        String json = ModelFiles.toJson(sample(5)).replace("\"format_version\" : 2",
                "\"format_version\" : 99");
        DataException e = assertThrows(DataException.class, () -> ModelFiles.fromJson("m.json", json));
        assertEquals("m.json", e.source());
        assertTrue(e.getMessage().contains("unknown model format_version 99"), e.getMessage());
    }

    /** Python's json.dump writes NaN and Infinity; the message says so without Jackson's setting names. */
    @Test
    void aFileHoldingNaNOrInfinitySaysJsonDoesNotAllowItAndWhere() {
        String good = ModelFiles.toJson(sample(6));
        String line = "  \"lambda\" : ";
        int at = good.indexOf(line);
        int lineNr = (int) good.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        for (String token : List.of("NaN", "-Infinity", "Infinity")) {
            String bad = good.substring(0, at + line.length()) + token + good.substring(good.indexOf(',', at));
            DataException e = assertThrows(DataException.class, () -> ModelFiles.fromJson("m.json", bad));
            assertEquals("m.json, line " + lineNr + ", column " + (line.length() + token.length() + 1)
                    + ": not valid JSON: it holds " + token + ", which JSON does not allow (NaN and Infinity are not"
                    + " JSON numbers)", e.getMessage());
        }
        DataException comment = assertThrows(DataException.class,
                () -> ModelFiles.fromJson("m.json", "{ // a comment\n}"));
        assertFalse(comment.getMessage().contains("Feature"), comment.getMessage());
        assertFalse(comment.getMessage().contains("enable"), comment.getMessage());
    }

    @Test
    void brokenFilesNameTheFileAndTheField() {
        String good = ModelFiles.toJson(sample(6));
        DataException missing = assertThrows(DataException.class,
                () -> ModelFiles.fromJson("m.json", good.replace("\"loss\"", "\"lost\"")));
        assertTrue(missing.getMessage().startsWith("m.json: field 'loss': missing"),
                missing.getMessage());
        DataException syntax = assertThrows(DataException.class,
                () -> ModelFiles.fromJson("m.json", "{\n  \"format\" : oops\n}"));
        assertEquals(2, syntax.line());
        DataException cutShort = assertThrows(DataException.class,
                () -> ModelFiles.fromJson("m.json", good.substring(0, good.indexOf(']'))));
        assertTrue(cutShort.getMessage().contains("expected close marker for Array (start marker at line "),
                cutShort.getMessage());
        assertFalse(cutShort.getMessage().contains("Source"), "Jackson's source description: " + cutShort.getMessage());
        DataException notModel = assertThrows(DataException.class,
                () -> ModelFiles.fromJson("m.json", "{\"a\": 1}"));
        assertTrue(notModel.getMessage().contains("not a OneNeuron model file"));
        DataException absent = assertThrows(DataException.class,
                () -> ModelFiles.read(dir.resolve("nope.json")));
        assertTrue(absent.getMessage().endsWith("model file not found"));
    }

    @Test
    void nonFiniteParametersAreRefusedBeforeAnythingIsWritten() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelFile.Block("a", 0, 1, 1, new double[] {Double.NaN}));
        assertTrue(e.getMessage().contains("block 'a' value 0 is NaN"));
        assertFalse(Files.exists(dir.resolve("model.json")));
    }
}
