package org.oneneuron.cli.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.cli.ExitCodes;
import org.oneneuron.cli.HousePrices;

/**
 * certify, escape, spectrum and slice on a regression model trained on standardized targets say
 * so: JSON {@code target_standardizer} {mean, scale} (the model file's), a text row naming μ and σ;
 * the loss they report is that of (t - μ)/σ. On raw targets and constructions: null and no row.
 */
class StandardizedTargetSubjectTest {

    /** The text row, μ and σ as printed. */
    private static final Pattern ROW = Pattern.compile("\n  target +standardized: the loss is of \\(t - μ\\)/σ,"
            + " μ = (\\S+), σ = (\\S+) \\(the model's target_standardizer\\)\n");

    @TempDir
    static Path dir;

    static Path prices;
    static Path standardized;
    static Path raw;

    /** {@link HousePrices}, 60 rows; plain models (escape starts from one). */
    @BeforeAll
    static void trainTwo() throws Exception {
        prices = HousePrices.write(dir.resolve("houses.csv"), 60, 5);
        standardized = train("standard");
        raw = train("none");
    }

    private static Path train(String scale) {
        Path model = dir.resolve(scale + ".json");
        Run r = Run.of("train", prices.toString(), "--label", "price", "--hidden", "3", "--neuron", "none",
                "--steps", "30", "--target-scale", scale, "--no-certificate", "-q", "--out", model.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        return model;
    }

    private static List<String[]> commands(Path model) {
        String[] subject = {"--model", model.toString(), "--data", prices.toString(), "--label", "price"};
        List<String[]> all = new ArrayList<>();
        all.add(concat(new String[] {"certify", "--perturbations", "0"}, subject));
        all.add(concat(new String[] {"escape"}, subject));
        all.add(concat(new String[] {"spectrum", "--lanczos-steps", "5", "--probes", "2", "--slq-steps", "3"},
                subject));
        all.add(concat(new String[] {"slice", "--plane", "random", "--grid", "3", "--out",
            dir.resolve("slice-" + model.getFileName()).toString()}, subject));
        return all;
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void eachCommandNamesTheStandardizedTargetItsLossIsOf() throws Exception {
        JsonNode file = new ObjectMapper().readTree(standardized.toFile()).get("target_standardizer");
        double mean = file.get("mean").asDouble();
        double scale = file.get("scale").asDouble();
        assertTrue(mean > 9e4 && scale > 1e4, file.toString());
        for (String[] args : commands(standardized)) {
            Run json = Run.of(concat(args, "--json"));
            assertEquals(ExitCodes.OK, json.exitCode(), json.toString());
            JsonNode t = json.json().get("target_standardizer");
            assertEquals(mean, t.get("mean").asDouble(), 0.0, args[0] + ": " + t);
            assertEquals(scale, t.get("scale").asDouble(), 0.0, args[0] + ": " + t);
            Run text = Run.of(args);
            assertEquals(ExitCodes.OK, text.exitCode(), text.toString());
            Matcher row = ROW.matcher(text.out());
            assertTrue(row.find(), args[0] + ":\n" + text.out());
            assertEquals(mean, Double.parseDouble(row.group(1)), 1e-5 * mean, row.group());
            assertEquals(scale, Double.parseDouble(row.group(2)), 1e-5 * scale, row.group());
        }
    }

    /** The loss certify reports is evaluate's (the standardized objective's), not one in price units. */
    @Test
    void certifysLossIsThatOfTheStandardizedTargetAsEvaluateSays() throws Exception {
        Run c = Run.of("certify", "--model", standardized.toString(), "--data", prices.toString(), "--label", "price",
                "--perturbations", "0", "--json");
        Run e = Run.of("evaluate", standardized.toString(), prices.toString(), "--label", "price", "--json");
        assertEquals(ExitCodes.OK, c.exitCode(), c.toString());
        assertEquals(ExitCodes.OK, e.exitCode(), e.toString());
        double loss = c.json().get("loss_total").asDouble();
        assertEquals(e.json().get("loss_total").asDouble(), loss, 1e-12 * loss);
        double rmse = e.json().get("rmse").asDouble();
        double sigma = c.json().get("target_standardizer").get("scale").asDouble();
        assertEquals(0.5 * (rmse / sigma) * (rmse / sigma), loss, 1e-9 * loss, "½·mean(((t - μ)/σ - f~)²)");
    }

    @Test
    void rawTargetsAndConstructionsSayNothing() throws Exception {
        List<String[]> all = new ArrayList<>(commands(raw));
        all.add(new String[] {"certify", "--construction", "A1", "--perturbations", "0"});
        for (String[] args : all) {
            Run json = Run.of(concat(args, "--json"));
            assertEquals(ExitCodes.OK, json.exitCode(), json.toString());
            assertTrue(json.json().get("target_standardizer").isNull(), args[0] + ": " + json.out());
            Run text = Run.of(args);
            assertFalse(text.out().contains("standardized"), text.out());
        }
    }

}
