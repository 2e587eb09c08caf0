package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.ReadOptions;
import org.oneneuron.run.Classifier;
import org.oneneuron.run.ClassifierConfig;
import org.oneneuron.run.Model;
import org.oneneuron.run.TrainingData;

/**
 * The command line and the library speak one language: the same seed gives the same start and
 * model, options mean the same in every command, and a saved model serves programs and rows
 * without labels.
 */
class OneVocabularyTest {

    static final String DATA = "moons:n=80";

    @TempDir
    Path dir;

    @Test
    void trainAndTheLibraryStartFromTheSameThetaZeroAndEndAtTheSameModel() {
        Path out = dir.resolve("cli.json");
        Cli r = Cli.run("train", "--data", DATA, "--hidden", "5", "--steps", "40", "--seed", "13",
                "--held-out", "0.25", "-q", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        Dataset data = Datasets.resolve(DATA, ReadOptions.defaults());
        ClassifierConfig config = ClassifierConfig.defaults().withHidden(List.of(5)).withHeldOut(0.25)
                .withTrain(ClassifierConfig.defaults().train().toBuilder().maxSteps(40).seed(13).build());
        Model library = Classifier.fit(data, config);
        assertArrayEquals(library.theta(), Model.load(out).theta(), 0.0, "same seed, same model");
        assertEquals(library.split(), Model.load(out).split(), "same held-out split");

        TrainingRun run = new TrainingRun(config, data, DATA, null, 0, false,
                new Progress(new PrintWriter(new StringWriter()), Progress.Mode.SILENT),
                new PrintWriter(new StringWriter()));
        double[] cliStart = run.execute().fit().start();
        double[] libraryStart = config.problem(TrainingData.prepare(data, config).scaledTrain()).initialPoint();
        assertArrayEquals(libraryStart, cliStart, 0.0, "same seed, same θ₀");
    }

    @Test
    void theHeldOutSplitIsRecordedAndEvaluateTakesEitherPart() throws Exception {
        Path model = dir.resolve("split.json");
        assertEquals(ExitCodes.OK, Cli.run("train", DATA, "--hidden", "4", "--steps", "30", "--held-out",
                "0.25", "-q", "--out", model.toString()).exitCode());
        JsonNode all = json(Cli.run("evaluate", model.toString(), DATA, "--json"));
        JsonNode test = json(Cli.run("evaluate", "--model", model.toString(), "--data", DATA, "--split", "test",
                "--json"));
        JsonNode train = json(Cli.run("evaluate", model.toString(), DATA, "--split", "train", "--json"));
        assertEquals(80, all.get("n").asInt());
        assertEquals(20, test.get("n").asInt());
        assertEquals(60, train.get("n").asInt());
        assertEquals(Model.load(model).split().orElseThrow().testIndices().length, test.get("n").asInt());
        Cli other = Cli.run("evaluate", model.toString(), "moons:n=81", "--split", "test");
        assertEquals(ExitCodes.BAD_INPUT, other.exitCode(), other.toString());
        assertTrue(other.err().contains("--split all"), other.err());
        JsonNode certified = json(Cli.run("certify", "--model", model.toString(), "--data", DATA,
                "--perturbations", "0", "--json"));
        assertTrue(certified.get("subject").asText().endsWith(":train"),
                "certify uses the part the model was trained on: " + certified.get("subject"));
    }

    @Test
    void predictScoresUnlabeledRowsAndTheLibraryScoresOneRow() throws Exception {
        Path model = dir.resolve("rows.json");
        assertEquals(ExitCodes.OK, Cli.run("train", DATA, "--hidden", "4", "--steps", "30", "-q", "--out",
                model.toString()).exitCode());
        Model loaded = Model.load(model);
        Path rows = dir.resolve("unlabeled.csv");
        Files.writeString(rows, "x1,x2\n0.5,0.25\n-1.0,2.0\n1.5,-0.5\n");
        Cli r = Cli.run("predict", model.toString(), rows.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("score", "label", "probability"), List.of(lines.get(0).split(",")));
        assertEquals(4, lines.size());
        double[][] given = {{0.5, 0.25}, {-1.0, 2.0}, {1.5, -0.5}};
        for (int i = 0; i < given.length; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(loaded.score(given[i]), Double.parseDouble(cells[0]), 0.0);
            assertEquals(loaded.predictClass(given[i]), cells[1]);
            assertEquals(loaded.probability(given[i]), Double.parseDouble(cells[2]), 0.0);
        }
        Path headless = dir.resolve("headless.csv");
        Files.writeString(headless, "0.5,0.25\n-1.0,2.0\n");
        Cli explicit = Cli.run("predict", model.toString(), headless.toString(), "--no-label", "--json",
                "--out", dir.resolve("p.csv").toString());
        assertEquals(ExitCodes.OK, explicit.exitCode(), explicit.toString());
        assertEquals("platt", json(explicit).get("probability_method").asText());
        assertEquals(false, json(explicit).get("labeled").asBoolean());
    }

    @Test
    void theLandscapeCommandsUseTheModelsLambdaLossAndReduction() throws Exception {
        Path model = dir.resolve("plain.json");
        assertEquals(ExitCodes.OK, Cli.run("train", DATA, "--hidden", "3", "--neuron", "none", "--lambda", "0.5",
                "--reduction", "sum", "--loss", "smooth-hinge", "--steps", "20", "-q", "--out", model.toString())
                .exitCode());
        JsonNode escape = json(Cli.run("escape", "--model", model.toString(), "--data", DATA, "--json"));
        assertEquals(0.5, escape.get("lambda").asDouble(), 0.0, "the model's λ, not a command default");
        JsonNode certify = json(Cli.run("certify", "--model", model.toString(), "--data", DATA,
                "--perturbations", "0", "--json"));
        Model m = Model.load(model);
        Dataset data = Datasets.resolve(DATA, ReadOptions.defaults());
        assertEquals(m.assess(data).loss().total(), certify.get("loss_total").asDouble(), 1e-12,
                "certify's loss is the model's smooth hinge, summed");
        assertEquals(1.0, json(Cli.run("escape", "--model", model.toString(), "--data", DATA, "--lambda", "1",
                "--json")).get("lambda").asDouble(), 0.0);
    }

    @Test
    void aStudysHiddenIsOneNetworkAndItsShapesAreSeveral() throws Exception {
        assertEquals("[[2,3]]", studyShapes("--hidden", "2,3"));
        assertEquals("[[2],[3]]", studyShapes("--hidden", "2", "--hidden", "3"));
        assertEquals("[[2],[3,2]]", studyShapes("--shapes", "2;3,2"));
        assertEquals("[[2,3]]", studyShapes("--hidden", "2x3"));
    }

    @Test
    void theDeprecatedTestFractionStillWorksAndSaysItsNewName() throws Exception {
        JsonNode j = json(Cli.run("train", DATA, "--hidden", "3", "--steps", "5", "--test-fraction", "0.25",
                "--json"));
        assertEquals(20, j.get("n_test").asInt());
        assertTrue(j.get("warnings").toString().contains("--held-out"), j.get("warnings").toString());
    }

    private String studyShapes(String... hidden) throws Exception {
        Path out = Files.createTempDirectory(dir, "study");
        List<String> args = new java.util.ArrayList<>(List.of("study", "--data", "case-a", "--steps", "3",
                "--restarts", "1", "--neuron", "none", "--optimizer", "gd", "--no-report", "-q", "--out",
                out.toString()));
        args.addAll(List.of(hidden));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        return new ObjectMapper().readTree(Files.readString(out.resolve("spec.json"))).get("hidden").toString();
    }

    private static JsonNode json(Cli r) throws Exception {
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        return new ObjectMapper().readTree(r.out());
    }
}
