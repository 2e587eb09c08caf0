package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-class and regression from the command line: the task is inferred and printed, train,
 * evaluate and predict report the task's figures, and bad targets are one error each, exit 2.
 */
class TasksCliTest {

    @TempDir
    static Path dir;
    static Path classes;
    static Path regression;

    @BeforeAll
    static void files() throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        StringBuilder c = new StringBuilder("x1,x2,kind\n");
        String[] names = {"ant", "bee", "cat"};
        double[][] centers = {{0, 0}, {4, 0}, {0, 4}};
        for (int i = 0; i < 60; i++) {
            int k = i % 3;
            c.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", centers[k][0] + rng.nextDouble(-1, 1),
                    centers[k][1] + rng.nextDouble(-1, 1), names[k]));
        }
        classes = dir.resolve("kinds.csv");
        Files.writeString(classes, c);
        StringBuilder r = new StringBuilder("a,b,target\n");
        for (int i = 0; i < 60; i++) {
            double a = rng.nextDouble(-2, 2);
            double b = rng.nextDouble(-2, 2);
            r.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f%n", a, b, 2 * a - b + 0.5 + rng.nextDouble(-0.1, 0.1)));
        }
        regression = dir.resolve("reg.csv");
        Files.writeString(regression, r);
    }

    @Test
    void certifyTextSaysWhatItCouldNotCheckInsteadOfZeroOfZeroAndNa() throws Exception {
        Path model = dir.resolve("kinds-tanh.json");
        Cli t = Cli.run("train", classes.toString(), "--steps", "30", "--activation", "tanh", "--out", model.toString(),
                "-q");
        assertEquals(0, t.exitCode(), t.toString());
        Cli c = Cli.run("certify", "--model", model.toString(), "--data", classes.toString());
        assertEquals(0, c.exitCode(), c.toString());
        assertTrue(c.out().contains("kinks              none to check (no hidden unit with a kinked activation)"),
                c.out());
        assertTrue(c.out().contains("no known loss minimum to compare with"), c.out());
        assertFalse(c.out().contains("n/a"), c.out());
    }

    @Test
    void multiClassTrainsEvaluatesAndPredicts() throws Exception {
        Path model = dir.resolve("kinds.json");
        Path trainFigures = dir.resolve("train-figures");
        Cli t = Cli.run("train", classes.toString(), "--held-out", "0.25", "--steps", "300", "--out", model.toString(),
                "--figures", trainFigures.toString());
        assertEquals(0, t.exitCode(), t.toString());
        assertTrue(t.out().contains("confusion figure written to " + trainFigures.resolve("confusion.png")), t.out());
        assertEquals(1 + 3, Files.readAllLines(trainFigures.resolve("confusion.csv")).size(), "header and 3 classes");
        assertEquals(15, Files.readAllLines(trainFigures.resolve("confusion.csv")).stream().skip(1)
                .mapToLong(l -> java.util.Arrays.stream(l.split(",")).skip(1).mapToLong(Long::parseLong).sum()).sum(),
                "the held-out part's 15 samples");
        assertTrue(t.err().contains("task: multiclass, 3 classes, loss softmax-ce (task inferred"), t.err());
        assertTrue(t.out().contains("confusion (rows: actual, columns: predicted)"), t.out());
        assertTrue(t.out().contains("macro F1"), t.out());
        Path csv = dir.resolve("confusion.csv");
        Path figures = dir.resolve("figures");
        Cli e = Cli.run("evaluate", model.toString(), classes.toString(), "--json", "--confusion-csv", csv.toString(),
                "--figures", figures.toString());
        assertEquals(0, e.exitCode(), e.toString());
        JsonNode j = new ObjectMapper().readTree(e.out());
        assertEquals(figures.resolve("confusion.png").toString(), j.get("confusion_figure").asText());
        assertTrue(Files.size(figures.resolve("confusion.png")) > 0 && Files.size(figures.resolve("confusion.pdf")) > 0);
        assertEquals(Files.readString(csv).replace("actual\\predicted", "actual class\\predicted class"),
                Files.readString(figures.resolve("confusion.csv")), "the figure's numbers are the evaluated matrix");
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        badInput(Cli.run("evaluate", model.toString(), classes.toString(), "--figures", file.toString()),
                "--figures " + file + " is a file; give a folder");
        assertEquals("multiclass", j.get("task").asText());
        assertEquals(3, j.get("per_class").size());
        assertEquals("bee", j.get("per_class").get(1).get("class").asText());
        long total = 0;
        for (JsonNode row : j.get("confusion_matrix")) {
            for (JsonNode v : row) {
                total += v.asLong();
            }
        }
        assertEquals(60, total);
        assertTrue(j.get("accuracy").asDouble() > 0.9, e.out());
        assertTrue(j.get("top_k").get("3").asDouble() == 1.0, e.out());
        assertTrue(j.get("log_loss").asDouble() >= 0, e.out());
        assertTrue(Files.readString(csv).startsWith("actual\\predicted,ant,bee,cat\nant,"), Files.readString(csv));
        Cli p = Cli.run("predict", model.toString(), classes.toString());
        assertEquals(0, p.exitCode(), p.toString());
        String[] lines = p.out().split("\n");
        assertEquals("p_ant,p_bee,p_cat,label", lines[0]);
        assertEquals(61, lines.length);
        String[] first = lines[1].split(",");
        double sum = Double.parseDouble(first[0]) + Double.parseDouble(first[1]) + Double.parseDouble(first[2]);
        assertEquals(1.0, sum, 1e-12);
        JsonNode pj = new ObjectMapper().readTree(Cli.run("predict", model.toString(), classes.toString(), "--json").out());
        assertEquals("temperature", pj.get("probability_method").asText(), pj.toString());
        assertTrue(pj.get("probability").asText().startsWith("temperature scaling softmax("), pj.toString());
        assertTrue(pj.get("probability").asText().endsWith("fitted on held_out (15 samples)"), pj.toString());
    }

    /** train reports the MAE on the training part as it does on the held-out part, as evaluate does. */
    @Test
    void regressionTrainReportsTheTrainingMaeBesideTheTestMae() throws Exception {
        Path model = dir.resolve("reg-mae.json");
        Cli t = Cli.run("train", regression.toString(), "--held-out", "0.25", "--steps", "30", "--no-certificate",
                "--json", "-q", "--out", model.toString());
        assertEquals(0, t.exitCode(), t.toString());
        JsonNode j = new ObjectMapper().readTree(t.out());
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        int rmse = keys.indexOf("train_rmse");
        assertEquals(List.of("train_rmse", "train_mae", "train_r2", "test_rmse", "test_mae", "test_r2"),
                keys.subList(rmse, rmse + 6), keys.toString());
        Cli e = Cli.run("evaluate", model.toString(), regression.toString(), "--split", "train", "--json");
        assertEquals(0, e.exitCode(), e.toString());
        double mae = new ObjectMapper().readTree(e.out()).get("mae").asDouble();
        assertEquals(mae, j.get("train_mae").asDouble(), 1e-12 * mae, t.out());
        Cli text = Cli.run("train", regression.toString(), "--steps", "5", "--no-certificate", "-q");
        assertTrue(text.out().matches("(?s).*train RMSE +\\S+ \\(MAE \\S+, R² .*"), text.out());
    }

    @Test
    void regressionTrainsEvaluatesAndPredicts() throws Exception {
        Path model = dir.resolve("reg.json");
        Cli t = Cli.run("train", regression.toString(), "--held-out", "0.25", "--steps", "300", "--out", model.toString());
        assertEquals(0, t.exitCode(), t.toString());
        assertTrue(t.err().contains("task: regression"), t.err());
        assertTrue(t.out().contains("test RMSE"), t.out());
        Cli e = Cli.run("evaluate", model.toString(), regression.toString(), "--split", "test", "--json");
        assertEquals(0, e.exitCode(), e.toString());
        JsonNode j = new ObjectMapper().readTree(e.out());
        assertTrue(j.get("r2").asDouble() > 0.9, e.out());
        assertTrue(j.get("rmse").asDouble() > 0 && j.get("mae").asDouble() > 0, e.out());
        Cli p = Cli.run("predict", model.toString(), regression.toString());
        assertEquals(0, p.exitCode(), p.toString());
        assertTrue(p.out().startsWith("value\n"), p.out());
        Path figures = dir.resolve("reg-figures");
        badInput(Cli.run("evaluate", model.toString(), regression.toString(), "--figures", figures.toString()),
                "--figures draws a classifier's confusion matrix; this is a regression");
        assertTrue(!Files.exists(figures), "nothing written");
        assertEquals(61, p.out().split("\n").length);
    }

    @Test
    void taskRegressionIsUsedForTargetsOfPlusAndMinusOne() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 24; i++) {
            csv.append(i % 7).append(',').append(i % 5).append(',').append(i % 2 == 0 ? "1" : "-1").append('\n');
        }
        Path pm = dir.resolve("pmr.csv");
        Files.writeString(pm, csv);
        Path model = dir.resolve("pmr.json");
        Cli t = Cli.run("train", pm.toString(), "--task", "regression", "--held-out", "0.25", "--steps", "3",
                "--out", model.toString());
        assertEquals(0, t.exitCode(), t.toString());
        assertTrue(t.err().contains("task: regression"), t.err());
        assertTrue(t.out().contains("test RMSE"), t.out());
        Cli e = Cli.run("evaluate", model.toString(), pm.toString(), "--json");
        assertEquals(0, e.exitCode(), e.toString());
        assertEquals("regression", new ObjectMapper().readTree(e.out()).get("task").asText(), e.out());
        Path svm = dir.resolve("pmr.libsvm");
        Files.writeString(svm, "1 1:2\n-1 1:1\n+1 1:3\n-1 1:0.5\n");
        Cli s = Cli.run("train", svm.toString(), "--task", "regression", "--steps", "2");
        assertEquals(0, s.exitCode(), s.toString());
        assertTrue(s.err().contains("task: regression"), s.err());
        Cli inferred = Cli.run("train", pm.toString(), "--steps", "2");
        assertTrue(inferred.err().contains("task: binary"), inferred.err());
    }

    @Test
    void multiClassModelsGetPerOutputNeuronFiguresAndAnEscapePerOutput() throws Exception {
        Path kept = dir.resolve("kept.json");
        Cli t = Cli.run("train", classes.toString(), "--hidden", "4", "--scaffold", "keep", "--steps", "100",
                "--json", "-q", "--out", kept.toString());
        assertEquals(0, t.exitCode(), t.toString());
        JsonNode outputs = new ObjectMapper().readTree(t.out()).get("neuron_outputs");
        assertEquals(3, outputs.size(), t.out());
        double largest = 0;
        for (int k = 0; k < 3; k++) {
            assertEquals(k, outputs.get(k).get("output").asInt());
            largest = Math.max(largest, outputs.get(k).get("max_contribution").asDouble());
        }
        JsonNode summary = new ObjectMapper().readTree(t.out()).get("neuron");
        assertEquals(summary.get("max_contribution").asDouble(), largest, 1e-12 * Math.max(1, largest),
                "the summary's max|a·E| is the largest output's");
        Cli c = Cli.run("certify", "--model", kept.toString(), "--data", classes.toString(), "--perturbations", "0",
                "--json");
        assertEquals(0, c.exitCode(), c.toString());
        assertEquals(3, new ObjectMapper().readTree(c.out()).get("neuron_outputs").size(), c.out());

        Path plain = dir.resolve("plain3.json");
        assertEquals(0, Cli.run("train", classes.toString(), "--hidden", "4", "--neuron", "none", "--steps", "50",
                "-q", "--out", plain.toString()).exitCode());
        Cli e = Cli.run("escape", "--model", plain.toString(), "--data", classes.toString(), "--json");
        assertEquals(0, e.exitCode(), e.toString());
        JsonNode j = new ObjectMapper().readTree(e.out());
        assertEquals(3, j.get("outputs").size(), e.out());
        int k = j.get("output").asInt();
        for (JsonNode o : j.get("outputs")) {
            assertTrue(o.get("predicted_decrease").asDouble() <= j.get("predicted_decrease").asDouble(),
                    "output " + k + " has the largest predicted decrease: " + e.out());
        }
        assertTrue(j.get("measured_decrease").asDouble() > 0, e.out());
        Cli one = Cli.run("escape", "--model", plain.toString(), "--data", classes.toString(), "--output", "2", "--json");
        assertEquals(2, new ObjectMapper().readTree(one.out()).get("output").asInt(), one.out());
        Cli bad = Cli.run("escape", "--model", plain.toString(), "--data", classes.toString(), "--output", "3");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("--output must be in 0..2"), bad.err());
    }

    @Test
    void leastSquaresOnNoisyDataIsAGlobalMinimumAtTheLeastSquaresLoss() throws Exception {
        // the noise keeps the least loss above 0: the floor 0 is only a lower bound, the linear model's
        // least loss is the least-squares one (it was called a bad local minimum against 0 before)
        Cli t = Cli.run("train", regression.toString(), "--hidden", "0", "--neuron", "none", "--json", "-q");
        assertEquals(0, t.exitCode(), t.toString());
        JsonNode j = new ObjectMapper().readTree(t.out());
        assertEquals("global_minimum", j.get("verdict").asText(), j.toString());
        assertEquals("exact", j.get("least_loss").get("kind").asText(), j.toString());
        double least = j.get("least_loss").get("value").asDouble();
        assertTrue(least > 1e-4, "noisy targets: the least-squares loss is above 0, got " + least);
        assertEquals(least, j.get("loss_data").asDouble(), 1e-9 * least, j.toString());
    }

    private static void badInput(Cli r, String expected) {
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("error: "), r.toString());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in\n" + r.err());
        assertTrue(!r.err().contains("\tat ") && !r.err().contains("Exception"), r.err());
    }

    @Test
    void badTargetsAreOneErrorEach() throws Exception {
        Path text = dir.resolve("text.csv");
        Files.writeString(text, "a,y\n1,0.5\n2,1.5\n3,high\n4,2\n");
        badInput(Cli.run("train", text.toString(), "--task", "regression", "--steps", "2"),
                "text.csv, line 4, column 'y': value 'high' is not a number");
        Path nan = dir.resolve("nan.csv");
        Files.writeString(nan, "a,y\n1,0.5\n2,NaN\n3,2.5\n");
        badInput(Cli.run("train", nan.toString(), "--steps", "2"), "nan.csv, line 3, column 'y': value 'NaN' is not finite");
        Path one = dir.resolve("one.csv");
        Files.writeString(one, "a,y\n1,ant\n2,ant\n3,ant\n");
        badInput(Cli.run("train", one.toString(), "--task", "multiclass", "--steps", "2"), "only one class 'ant'");
        StringBuilder single = new StringBuilder("a,y\n");
        for (int i = 0; i < 30; i++) {
            single.append(i).append(',').append(i == 7 ? "cat" : i % 2 == 0 ? "ant" : "bee").append('\n');
        }
        Path rare = dir.resolve("rare.csv");
        Files.writeString(rare, single);
        badInput(Cli.run("train", rare.toString(), "--held-out", "0.25", "--steps", "2"),
                "class 'cat' of rare.csv has a single sample; a stratified held-out split needs at least two");
        badInput(Cli.run("train", classes.toString(), "--loss", "cubic-hinge", "--steps", "2"),
                "--loss cubic-hinge is a binary margin loss; " + classes.getFileName() + " has 3 classes");
        // A binary data set refuses a regression or class loss before training (the same rule as study).
        badInput(Cli.run("train", "wdbc", "--loss", "huber", "--steps", "2"),
                "--loss huber is a regression loss; wdbc has two classes");
        badInput(Cli.run("train", "wdbc", "--loss", "softmax-ce", "--steps", "2"),
                "--loss softmax-ce is a multi-class loss; wdbc has two classes");
        // A minibatch size for an optimizer that uses every sample is refused, not ignored.
        badInput(Cli.run("train", "wdbc", "--batch", "16", "--optimizer", "lbfgs", "--steps", "2"),
                "--batch 16 is the minibatch size of sgd, momentum, nesterov and adam; --optimizer lbfgs uses every sample");
        badInput(Cli.run("train", classes.toString(), "--task", "sorting", "--steps", "2"), "--task: unknown task 'sorting'");
    }
}
