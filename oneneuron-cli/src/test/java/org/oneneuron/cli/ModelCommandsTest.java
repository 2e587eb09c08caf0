package org.oneneuron.cli;

import org.oneneuron.train.PhaseClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.ReadOptions;
import org.oneneuron.eval.RegressionMetrics;
import org.oneneuron.run.Assessment;
import org.oneneuron.run.ClassifierConfig;
import org.oneneuron.run.Model;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.train.TrainConfig;

/** evaluate, predict and export on a model trained once for the class. */
class ModelCommandsTest {

    static final String DATA = "moons:n=60";

    @TempDir
    static Path dir;

    static Path model;

    @BeforeAll
    static void trainOnce() {
        model = dir.resolve("model.json");
        Cli r = Cli.run("train", DATA, "--hidden", "4", "--steps", "30", "-q", "--scaffold", "keep",
                "--out", model.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
    }

    @Test
    void trainSaveLoadPredictGivesBitIdenticalScores() {
        Dataset data = Datasets.resolve(DATA, ReadOptions.defaults());
        TrainingRun run = new TrainingRun(ClassifierConfig.defaults().withTrain(
                TrainConfig.defaults().toBuilder().maxSteps(25).build()), data, DATA,
                dir.resolve("exact.json"), 0, false,
                new Progress(new PrintWriter(new StringWriter()), Progress.Mode.SILENT),
                new PrintWriter(new StringWriter()), true, new PhaseClock());
        TrainingRun.Outcome outcome = run.execute();
        double[] inMemory = outcome.model().scores(data);
        double[] loaded = Model.load(dir.resolve("exact.json")).scores(data);
        Cli predicted = Cli.run("predict", dir.resolve("exact.json").toString(), DATA);
        assertEquals(ExitCodes.OK, predicted.exitCode(), predicted.toString());
        List<String> lines = predicted.out().lines().toList();
        assertEquals("score,label,probability", lines.get(0));
        assertEquals(data.n() + 1, lines.size());
        for (int i = 0; i < data.n(); i++) {
            assertEquals(Double.doubleToRawLongBits(inMemory[i]), Double.doubleToRawLongBits(loaded[i]));
            double csv = Double.parseDouble(lines.get(i + 1).split(",")[0]);
            assertEquals(Double.doubleToRawLongBits(inMemory[i]), Double.doubleToRawLongBits(csv));
        }
    }

    @Test
    void evaluateReportsConsistentFigures() throws Exception {
        Cli r = Cli.run("evaluate", model.toString(), DATA, "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode c = j.get("confusion");
        long tp = c.get("true_positives").asLong();
        long tn = c.get("true_negatives").asLong();
        long total = tp + tn + c.get("false_positives").asLong() + c.get("false_negatives").asLong();
        assertEquals(60, total);
        assertEquals((double) (tp + tn) / total, j.get("accuracy").asDouble(), 1e-12);
        assertTrue(j.get("roc_auc").asDouble() >= 0 && j.get("roc_auc").asDouble() <= 1);
        assertTrue(j.get("loss_total").asDouble() >= 0);
        Path figures = model.resolveSibling("binary-figures");
        Cli text = Cli.run("evaluate", model.toString(), DATA, "--figures", figures.toString());
        assertTrue(text.out().contains("ROC AUC"), text.out());
        List<String> csv = java.nio.file.Files.readAllLines(figures.resolve("confusion.csv"));
        List<String> labels = Model.load(model).labelNames();
        assertEquals(List.of("actual class\\predicted class," + labels.get(0) + "," + labels.get(1),
                labels.get(0) + "," + tn + "," + c.get("false_positives").asLong(),
                labels.get(1) + "," + c.get("false_negatives").asLong() + "," + tp), csv,
                "a binary model's figure: rows -1 then +1, the evaluated counts");
    }

    @Test
    void evaluateAndTheLibraryReportTheSameNamedFigures() throws Exception {
        JsonNode j = new ObjectMapper().readTree(Cli.run("evaluate", model.toString(), DATA, "--json").out());
        Model loaded = Model.load(model);
        Dataset data = ModelInputs.load(loaded, new DataOptions(), DATA);
        Assessment a = loaded.assess(data);
        assertEquals(a.loss().total(), j.get("loss_total").asDouble(), 0.0);
        assertEquals(a.loss().data(), j.get("loss_data").asDouble(), 0.0);
        assertEquals(a.loss().networkOnly(), j.get("loss_network_only").asDouble(), 0.0);
        assertEquals(a.loss().penalty(), j.get("loss_penalty").asDouble(), 0.0);
        assertEquals(a.loss().total(), a.loss().data() + a.loss().penalty(), 1e-15);
        assertTrue(a.loss().penalty() > 0, "the skip-exp model has a penalty: " + a.loss());
        assertEquals(a.metrics().accuracy(), j.get("accuracy").asDouble(), 0.0);
        assertEquals(a.metrics().f1(), j.get("f1").asDouble(), 0.0);
        assertEquals(a.metrics().rocAuc(), j.get("roc_auc").asDouble(), 0.0);
        assertEquals(a.networkOnly().accuracy(), j.get("network_only_accuracy").asDouble(), 0.0);
        assertEquals(a.metrics().truePositives(), j.get("confusion").get("true_positives").asLong());
        assertEquals(a.neuron().orElseThrow().maxContribution(),
                j.get("neuron").get("max_contribution").asDouble(), 0.0);
    }

    @Test
    void predictJsonWithoutOutCarriesTheCsvRowsBitForBit() throws Exception {
        List<String> csv = Cli.run("predict", model.toString(), DATA).out().lines().toList();
        Cli r = Cli.run("predict", model.toString(), DATA, "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("out").isNull(), r.out());
        JsonNode rows = j.get("predictions");
        assertEquals(csv.size() - 1, rows.size());
        assertEquals(j.get("n").asInt(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = csv.get(i + 1).split(",");
            JsonNode row = rows.get(i);
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(cells[0])),
                    Double.doubleToRawLongBits(row.get("score").asDouble()), "row " + i);
            assertEquals(cells[1], row.get("label").asText(), "row " + i);
            assertEquals(Double.parseDouble(cells[2]), row.get("probability").asDouble(), 0.0, "row " + i);
        }
    }

    @Test
    void predictWritesAFileAtomically() throws Exception {
        Path out = dir.resolve("scores.csv");
        Cli r = Cli.run("predict", model.toString(), DATA, "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertEquals(61, Files.readAllLines(out).size());
    }

    @Test
    void exportDropsAVanishedNeuronAndProvesAgreement() throws Exception {
        Model trained = Model.load(model);
        double[] theta = trained.theta();
        theta[trained.spec().layout().neuronAOffset()] = 0; // the neuron contributes nothing
        Path quiet = dir.resolve("quiet.json");
        trained.with(trained.spec(), theta, trained.provenance()).save(quiet);
        Path plain = dir.resolve("plain.json");
        Cli r = Cli.run("export", quiet.toString(), "--drop-neuron", "--out", plain.toString(), "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("dropped_neuron").asBoolean());
        assertEquals(0, j.get("sign_changes").asInt());
        assertEquals(0.0, j.get("max_score_difference").asDouble());
        Model exported = Model.load(plain);
        assertEquals(NeuronKind.NONE, exported.spec().neuron());
        Dataset data = Datasets.resolve(DATA, ReadOptions.defaults());
        double[] before = Model.load(quiet).scores(data);
        double[] after = exported.scores(data);
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i], after[i], 0.0);
        }
    }

    @Test
    void exportRefusesWhenTheNeuronMatters() throws Exception {
        Model trained = Model.load(model);
        double[] theta = trained.theta();
        theta[trained.spec().layout().neuronAOffset()] = 50;
        Path loud = dir.resolve("loud.json");
        trained.with(trained.spec(), theta, Map.of("data", DATA)).save(loud);
        Path plain = dir.resolve("never.json");
        Cli r = Cli.run("export", loud.toString(), "--drop-neuron", "--tolerance", "1e-3", "--out",
                plain.toString());
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: refusing to drop the skip-exp neuron"), r.err());
        assertTrue(r.err().contains("would differ by up to"), r.err());
        assertFalse(r.err().contains("\tat "));
        assertFalse(Files.exists(plain));
    }

    /** A regression has no classes: export reports how far the predictions and the MAE move instead. */
    @Test
    void exportOfARegressionReportsThePredictionsChangeNotClasses() throws Exception {
        String data = "construction-b";
        Path regression = dir.resolve("reg.json");
        Cli trained = Cli.run("train", data, "--steps", "20", "-q", "--scaffold", "keep", "--no-certificate",
                "--out", regression.toString());
        assertEquals(ExitCodes.OK, trained.exitCode(), trained.toString());
        Model m = Model.load(regression);
        double[] theta = m.theta();
        theta[m.spec().layout().neuronAOffset()] = 50; // the neuron matters
        Path loud = dir.resolve("reg-loud.json");
        m.with(m.spec(), theta, Map.of("data", data)).save(loud);

        Cli refused = Cli.run("export", loud.toString(), "--drop-neuron", "--out", dir.resolve("x.json").toString());
        assertEquals(ExitCodes.FAILURE, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("the plain network's predictions would differ by up to"), refused.err());
        assertTrue(refused.err().contains("and its MAE would be"), refused.err());
        assertFalse(refused.err().contains("class"), refused.err());

        Path plain = dir.resolve("reg-plain.json");
        Cli r = Cli.run("export", loud.toString(), "--drop-neuron", "--tolerance", "1e300", "--out",
                plain.toString(), "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertFalse(j.has("sign_changes"), j.toString());
        Dataset d = Datasets.resolve(data, ReadOptions.defaults());
        double[] before = Model.load(loud).scores(d);
        double[] after = Model.load(plain).scores(d);
        double sum = 0;
        for (int i = 0; i < before.length; i++) {
            sum += Math.abs(before[i] - after[i]);
        }
        assertTrue(sum > 0, "the neuron was made to matter");
        assertEquals(sum / before.length, j.get("mean_score_difference").asDouble(), 1e-12 * sum);
        assertEquals(RegressionMetrics.of(before, d.y()).mae(), j.get("mae").asDouble(), 0.0);
        assertEquals(RegressionMetrics.of(after, d.y()).mae(), j.get("plain_mae").asDouble(), 0.0);
        Cli text = Cli.run("export", loud.toString(), "--drop-neuron", "--tolerance", "1e300", "--out",
                plain.toString());
        assertTrue(text.out().contains("the predictions differ by at most"), text.out());
        assertFalse(text.out().contains("class"), text.out());
    }

    @Test
    void exportRefusesAFormatThatContradictsTheFileName() {
        Path onnx = dir.resolve("k.onnx");
        BadInputTest.assertBadInput(Cli.run("export", model.toString(), "--format", "json", "--out", onnx.toString()),
                "--format json contradicts --out " + onnx + ", a .onnx file name");
        assertFalse(Files.exists(onnx), "no JSON written into a .onnx file");
        Path json = dir.resolve("k.json");
        BadInputTest.assertBadInput(Cli.run("export", model.toString(), "--format", "onnx", "--out", json.toString()),
                "--format onnx contradicts --out " + json + ", a .json file name");
        assertFalse(Files.exists(json));
        Path other = dir.resolve("k.model");
        assertEquals(ExitCodes.OK, Cli.run("export", model.toString(), "--format", "onnx", "--out",
                other.toString()).exitCode());
    }

    @Test
    void exportRefusesTheDropNeuronOptionsWithoutDropNeuron() {
        Path out = dir.resolve("t.json");
        for (String[] given : List.of(new String[] {"--tolerance", "1e-3"}, new String[] {"--data", DATA},
                new String[] {"--split", "test"}, new String[] {"--label", "2"})) {
            BadInputTest.assertBadInput(Cli.run("export", model.toString(), given[0], given[1], "--out",
                    out.toString()), given[0] + " applies only with --drop-neuron");
            assertFalse(Files.exists(out), "nothing written with " + given[0]);
        }
    }

    @Test
    void modelDataDimensionMismatchIsBadInput() throws Exception {
        Path csv = dir.resolve("three.csv");
        Model trained = Model.load(model);
        String neg = trained.labelNames().get(0);
        String pos = trained.labelNames().get(1);
        Files.writeString(csv, "a,b,c,label\n1,2,3," + neg + "\n4,5,6," + pos + "\n");
        BadInputTest.assertBadInput(Cli.run("evaluate", model.toString(), csv.toString()),
                "the model expects 2 features per sample");
    }

    @Test
    void unknownModelVersionIsBadInput() throws Exception {
        Path future = dir.resolve("future.json");
        Files.writeString(future, Files.readString(model).replace("\"format_version\" : 2",
                "\"format_version\" : 3"));
        BadInputTest.assertBadInput(Cli.run("predict", future.toString(), DATA),
                "future.json: unknown model format_version 3");
    }

    @Test
    void datasetsListsTheBuiltIns() throws Exception {
        Cli r = Cli.run("datasets", "--json");
        assertEquals(ExitCodes.OK, r.exitCode());
        JsonNode list = new ObjectMapper().readTree(r.out()).get("datasets");
        assertTrue(list.findValuesAsText("name").contains("wdbc"), r.out());
        assertTrue(Cli.run("datasets").out().contains("wdbc"));
    }
}
