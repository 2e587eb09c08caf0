package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --target-scale}: a regression's targets are standardized by default (prices around
 * 1e5 fit as well as values around 1), predict and evaluate answer in the target's units, the
 * loss figures are labeled as the standardized target's, and {@code --target-scale none} trains on
 * the raw targets with raw-unit losses.
 */
class TargetScaleCliTest {

    @TempDir
    static Path dir;

    static Path prices;

    /** {@link HousePrices}, 200 rows. */
    @BeforeAll
    static void writeData() throws Exception {
        prices = HousePrices.write(dir.resolve("houses.csv"), 200, 11);
    }

    private static JsonNode json(Cli run) throws Exception {
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void theDefaultMlpFitsPricesAndAnswersInPrices() throws Exception {
        Path model = dir.resolve("m.json");
        JsonNode t = json(Cli.run("train", prices.toString(), "--label", "price", "--held-out", "0.25", "--steps", "300",
                "--no-certificate", "--json", "--out", model.toString()));
        assertTrue(t.get("test_r2").asDouble() > 0.99, t.toString());
        JsonNode scaling = t.get("target_standardizer");
        double mean = scaling.get("mean").asDouble();
        double scale = scaling.get("scale").asDouble();
        assertTrue(mean > 9e4 && mean < 1.1e5 && scale > 2e4 && scale < 5e4, scaling.toString());
        // the loss is the standardized target's: ½·mean((f~ - t)/σ)² of the (plain) model on the training part
        double rmse = t.get("train_rmse").asDouble();
        double standardized = 0.5 * (rmse / scale) * (rmse / scale);
        assertEquals(standardized, t.get("loss_data").asDouble(), 1e-9 * standardized, t.toString());

        JsonNode e = json(Cli.run("evaluate", model.toString(), prices.toString(), "--split", "test", "--json"));
        assertEquals(t.get("test_rmse").asDouble(), e.get("rmse").asDouble(), 1e-12 * e.get("rmse").asDouble());
        assertEquals(scaling, e.get("target_standardizer"));
        Cli p = Cli.run("predict", model.toString(), prices.toString(), "--split", "test");
        assertEquals(ExitCodes.OK, p.exitCode(), p.toString());
        List<String> values = p.out().lines().skip(1).toList();
        List<String> rows = Files.readAllLines(prices);
        JsonNode split = new ObjectMapper().readTree(model.toFile()).get("split").get("test_indices");
        double sse = 0;
        for (int k = 0; k < values.size(); k++) {
            String[] row = rows.get(1 + split.get(k).asInt()).split(",");
            double r = Double.parseDouble(values.get(k)) - Double.parseDouble(row[2]);
            sse += r * r;
        }
        assertEquals(e.get("rmse").asDouble(), Math.sqrt(sse / values.size()), 1e-9 * e.get("rmse").asDouble(),
                "predict's values give evaluate's RMSE");

        Cli text = Cli.run("evaluate", model.toString(), prices.toString());
        assertTrue(text.out().matches("(?s).*\nloss +total .*\\(standardized target \\(t - \\S+\\)/\\S+\\)\n.*"), text.out());
    }

    @Test
    void targetScaleNoneTrainsOnTheRawTargets() throws Exception {
        Path model = dir.resolve("raw.json");
        JsonNode t = json(Cli.run("train", prices.toString(), "--label", "price", "--steps", "100", "--no-certificate",
                "--target-scale", "none", "--json", "--out", model.toString()));
        assertTrue(t.get("target_standardizer").isNull(), t.toString());
        double rmse = t.get("train_rmse").asDouble();
        assertEquals(0.5 * rmse * rmse, t.get("loss_data").asDouble(), 1e-9 * rmse * rmse, "the loss in raw units");
        assertTrue(!Files.readString(model).contains("target_standardizer"), "no field in the model file");
        Cli text = Cli.run("evaluate", model.toString(), prices.toString());
        assertTrue(text.out().contains("\nloss ") && !text.out().contains("standardized target"), text.out());
    }

    /**
     * A checkpoint without a target_scale entry (written before target scaling, like a finished
     * model file) resumes only on the scaling its file records: none without a target_standardizer,
     * standard with one; the other is refused naming --target-scale, and the checkpoint is kept.
     */
    @Test
    void aCheckpointWithoutATargetScaleEntryResumesOnlyOnTheScalingItsFileRecords() throws Exception {
        String[] train = {"train", prices.toString(), "--label", "price", "--scaffold", "keep", "--no-certificate",
            "-q"};
        for (String scale : List.of("none", "standard")) {
            Path old = dir.resolve("old-" + scale + ".json");
            Cli first = Cli.run(concat(train, "--steps", "10", "--target-scale", scale, "--out", old.toString()));
            assertEquals(ExitCodes.OK, first.exitCode(), first.toString());
            String other = scale.equals("none") ? "standard" : "none";
            Path resumed = dir.resolve("resumed-" + scale + ".json");
            Files.copy(old, Checkpoints.path(resumed));
            Cli refused = Cli.run(concat(train, "--steps", "20", "--resume", "--target-scale", other,
                    "--out", resumed.toString()));
            assertEquals(ExitCodes.BAD_INPUT, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("the checkpoint was written by another run: target_scale " + scale
                    + " (its θ fits the " + (scale.equals("none") ? "raw" : "standardized")
                    + " targets: resume with --target-scale " + scale + "), now " + other + "."), refused.err());
            assertTrue(Files.exists(Checkpoints.path(resumed)) && !Files.exists(resumed), "the checkpoint is kept");
            Cli same = Cli.run(concat(train, "--steps", "20", "--resume", "--target-scale", scale,
                    "--out", resumed.toString()));
            assertEquals(ExitCodes.OK, same.exitCode(), same.toString());
            assertEquals("20", org.oneneuron.run.Model.load(resumed).provenance().get("steps_done"));
        }
        // the default (standard) on an old raw-target checkpoint is the case this guards
        Path old = dir.resolve("old-none.json");
        Path resumed = dir.resolve("default.json");
        Files.copy(old, Checkpoints.path(resumed));
        Cli byDefault = Cli.run(concat(train, "--steps", "20", "--resume", "--out", resumed.toString()));
        assertEquals(ExitCodes.BAD_INPUT, byDefault.exitCode(), byDefault.toString());
        assertTrue(byDefault.err().contains("resume with --target-scale none), now standard"), byDefault.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void aWrongWordIsRefusedAndAClassifierWarns() {
        Cli bad = Cli.run("train", prices.toString(), "--label", "price", "--target-scale", "minmax", "--steps", "1");
        assertEquals(ExitCodes.BAD_INPUT, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("--target-scale must be standard or none, got 'minmax'"), bad.err());
        Cli classes = Cli.run("train", "xor", "--target-scale", "none", "--steps", "1", "--no-certificate", "-q");
        assertEquals(ExitCodes.OK, classes.exitCode(), classes.toString());
        assertTrue(classes.err().contains("warning: --target-scale has no effect on a binary task"), classes.err());
    }
}
