package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
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

    /** price = 1e5·(1 + 0.3·size - 0.2·age) + N(0, 1e3²), 200 rows. */
    @BeforeAll
    static void writeData() throws Exception {
        SplittableRandom rng = new SplittableRandom(11);
        StringBuilder csv = new StringBuilder("size,age,price\n");
        for (int i = 0; i < 200; i++) {
            double size = rng.nextGaussian();
            double age = rng.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.3f%n", size, age,
                    1e5 * (1 + 0.3 * size - 0.2 * age) + 1e3 * rng.nextGaussian()));
        }
        prices = Files.writeString(dir.resolve("houses.csv"), csv);
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
