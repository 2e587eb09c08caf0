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
 * Each output's neuron on the command line (K outputs, one neuron each, PAPER.md §10): the road to
 * infinity per output in train's and certify's JSON and text, and the per-output neuron figures in
 * a study's journal and report. The data: class a in two clumps on both sides of class b, class c
 * far right; a linear model with a neuron per output trained by GD lets a's neuron run off
 * (it carries a's second clump) while b's settles.
 */
class OutputNeuronsCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path clumps;

    @BeforeAll
    static void files() throws Exception {
        SplittableRandom rng = new SplittableRandom(1);
        StringBuilder c = new StringBuilder("x,y\n");
        for (int i = 0; i < 20; i++) {
            c.append(String.format(Locale.ROOT, "%.4f,a%n%.4f,a%n%.4f,b%n%.4f,c%n", rng.nextDouble(-2.2, -1.8),
                    rng.nextDouble(1.8, 2.2), rng.nextDouble(-0.3, 0.3), rng.nextDouble(5, 6)));
        }
        clumps = dir.resolve("clumps.csv");
        Files.writeString(clumps, c);
        StringBuilder r = new StringBuilder("x,t\n");
        for (int i = 0; i < 40; i++) {
            double x = rng.nextDouble(-1, 1);
            r.append(String.format(Locale.ROOT, "%.4f,%.4f%n", x, Math.sin(3 * x) + rng.nextDouble(-0.1, 0.1)));
        }
        sine = dir.resolve("sine.csv");
        Files.writeString(sine, r);
    }

    static Path sine;

    @Test
    void aStudyRefusesALossThatDoesNotFitTheDataNamingTheOptionAndWritesNothing() throws Exception {
        String[][] cases = {
            {"squared", sine.toString(), "--loss squared is the binary margin loss (1 - y·f)²", "use --loss target-squared"},
            {"cubic-hinge", sine.toString(), "--loss cubic-hinge is a binary margin loss", "huber"},
            {"softmax-ce", sine.toString(), "--loss softmax-ce is a multi-class loss", "target-squared"},
            {"cubic-hinge", clumps.toString(), "--loss cubic-hinge is a binary margin loss", "has 3 classes: use --loss softmax-ce"},
            {"huber", clumps.toString(), "--loss huber is a regression loss", "multi-squared-hinge"},
        };
        for (String[] c : cases) {
            Path out = dir.resolve("refused-" + c[0] + "-" + Path.of(c[1]).getFileName());
            Cli r = Cli.run("study", "--data", c[1], "--hidden", "2", "--loss", c[0], "--steps", "5", "--restarts", "1",
                    "--no-report", "--out", out.toString());
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
            assertTrue(r.err().contains(c[2]) && r.err().contains(c[3]) && r.err().contains(c[1]), r.toString());
            assertFalse(Files.exists(out), "nothing written for " + c[0]);
        }
        Path ok = dir.resolve("target-squared");
        Cli r = Cli.run("study", "--data", sine.toString(), "--hidden", "2", "--neuron", "none", "--loss",
                "target-squared", "--steps", "20", "--restarts", "1", "--no-report", "--out", ok.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(Files.readString(ok.resolve("journal.jsonl")).contains("\"loss\":\"target-squared\""));
    }

    private static final String[] GD = {"--hidden", "0", "--neuron", "skip-exp", "--loss", "multi-squared-hinge",
        "--lambda", "0.01", "--optimizer", "gd", "--lr", "0.05"};

    private static String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of(more));
        all.addAll(List.of(GD));
        return all.toArray(String[]::new);
    }

    @Test
    void trainReportsEachOutputsRoadInJsonAndText() throws Exception {
        Path kept = dir.resolve("kept.json");
        Cli t = Cli.run(args("train", clumps.toString(), "--scaffold", "keep", "--steps", "20000", "--json", "-q",
                "--out", kept.toString()));
        assertEquals(0, t.exitCode(), t.toString());
        JsonNode j = JSON.readTree(t.out());
        JsonNode roads = j.get("infinity_outputs");
        assertEquals(3, roads.size(), t.out());
        JsonNode a = roads.get(0);
        JsonNode b = roads.get(1);
        assertTrue(a.get("running_off").asBoolean(), a.toString());
        assertTrue(a.get("b").get("growing").asBoolean() && a.get("b").get("per_efold").asDouble() > 0, a.toString());
        assertTrue(a.get("a").get("end").asDouble() < a.get("a").get("start").asDouble(), "a_0 shrinks: " + a);
        assertFalse(b.get("running_off").asBoolean(), b.toString());
        assertEquals(0, b.get("growing").size(), b.toString());
        for (int k = 0; k < 3; k++) {
            assertEquals(Math.abs(j.get("neuron_outputs").get(k).get("b").asDouble()),
                    roads.get(k).get("b").get("end").asDouble(), 0.0, "road " + k + " ends at the model's b_k");
            assertEquals(1000, roads.get(k).get("horizon_steps").asLong());
        }

        Cli text = Cli.run(args("train", clumps.toString(), "--scaffold", "keep", "--steps", "20000"));
        assertEquals(0, text.exitCode(), text.toString());
        assertTrue(text.out().contains("road 0") && text.out().contains("running off to infinity"), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("road 1") && l.endsWith("no growth")), text.out());

        Cli c = Cli.run("certify", "--model", kept.toString(), "--data", clumps.toString(), "--train-steps", "2000",
                "--perturbations", "0", "--json");
        assertEquals(0, c.exitCode(), c.toString());
        JsonNode training = JSON.readTree(c.out()).get("training");
        assertEquals(3, training.get("infinity_outputs").size(), c.out());
        assertTrue(training.get("infinity_outputs").get(0).get("evidence").asText().startsWith("|b_0| "), c.out());
        Cli ct = Cli.run("certify", "--model", kept.toString(), "--data", clumps.toString(), "--train-steps", "2000",
                "--perturbations", "0");
        assertEquals(0, ct.exitCode(), ct.toString());
        for (int k = 0; k < 3; k++) {
            assertTrue(ct.out().contains("road_" + k), ct.out());
        }
    }

    @Test
    void aStudyJournalsEachOutputsNeuronAndItsReportDrawsThem() throws Exception {
        Path out = dir.resolve("study");
        Cli s = Cli.run("study", "--data", clumps.toString(), "--hidden", "0", "--neuron", "none,skip-exp", "--loss",
                "multi-squared-hinge", "--lambda", "0.01", "--optimizer", "gd", "--lr", "0.05", "--steps", "20000",
                "--restarts", "2", "--held-out", "0", "--threads", "2", "--out", out.toString());
        assertEquals(0, s.exitCode(), s.toString());
        List<Double> contributions = new ArrayList<>();
        int runningOff = 0;
        int settled = 0;
        for (String line : Files.readAllLines(out.resolve("journal.jsonl"))) {
            JsonNode run = JSON.readTree(line);
            JsonNode outputs = run.get("neuron_outputs");
            if (run.get("neuron").asText().equals("none")) {
                assertEquals(null, outputs, "a plain run has no per-output neurons: " + line);
                continue;
            }
            assertEquals(3, outputs.size(), line);
            double largest = 0;
            for (JsonNode k : outputs) {
                largest = Math.max(largest, k.get("max_contribution").asDouble());
                boolean off = k.get("running_off").asBoolean();
                assertEquals(off, k.get("growing").size() > 0, "runs off exactly when something grows: " + k);
                runningOff += off ? 1 : 0;
                settled += off ? 0 : 1;
            }
            assertEquals(run.get("max_contribution").asDouble(), largest, 1e-12 * largest, "the summary is the largest");
            for (JsonNode k : outputs) {
                contributions.add(k.get("max_contribution").asDouble());
            }
        }
        assertTrue(runningOff > 0 && settled > 0, "some outputs' neurons run off and some settle");
        for (String id : List.of("study_outputs_contribution", "study_outputs_a", "study_outputs_b_w")) {
            for (String ext : List.of("png", "svg", "json", "csv")) {
                assertTrue(Files.size(out.resolve("figures/" + id + "." + ext)) > 0, id + "." + ext);
            }
        }
        JsonNode figure = JSON.readTree(out.resolve("figures/study_outputs_contribution.json").toFile());
        List<Double> drawn = new ArrayList<>();
        figure.get("series").get(0).get("y").forEach(v -> drawn.add(v.asDouble()));
        assertEquals(contributions.stream().sorted().toList(), drawn.stream().sorted().toList(),
                "every run's max |a_k·E_ik| is a dot");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Each output's neuron (medians over runs)"), "the per-output table");
        assertTrue(html.contains("skip-exp, output 2"), "categories name variant and output");
        assertTrue(html.contains("data-figure=\"study_outputs_b_w\""), "an interactive chart");
    }
}
