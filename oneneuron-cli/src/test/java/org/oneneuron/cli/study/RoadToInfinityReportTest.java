package org.oneneuron.cli.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study whose augmented runs head to infinity gets the road-to-infinity figures and rates table
 * in its report (issue 17, point 7); one without such runs gets none.
 */
class RoadToInfinityReportTest {

    @TempDir
    Path dir;

    @Test
    void escapingCaseARunsGetTheFiguresAndTheRatesTable() throws Exception {
        // Case A at 3000 GD steps: most skip-exp runs are judged escaping_to_infinity.
        StudyCommandTest.Result r = StudyCommandTest.run(new StudyCommand(), "--data", "case-a", "--hidden", "2",
                "--activation", "relu", "--neuron", "none,skip-exp", "--reduction", "sum", "--lr", "0.01",
                "--init", "normal", "--restarts", "4", "--steps", "3000", "--seed", "5", "--threads", "2",
                "--optimizer", "gd", "--clip", "10", "--lambda", "0.1", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        long escaping = Files.readAllLines(dir.resolve("journal.jsonl")).stream()
                .filter(l -> l.contains("\"neuron\":\"skip-exp\"") && l.contains("\"verdict\":\"escaping_to_infinity\""))
                .count();
        assertTrue(escaping > 0, "the setup has escaping runs");
        String html = Files.readString(dir.resolve("report.html"));
        for (String id : List.of("study_road_loss_vs_norm", "study_road_loss_vs_steps")) {
            for (String ext : List.of("png", "svg", "json", "csv")) {
                assertTrue(Files.size(dir.resolve("figures/" + id + "." + ext)) > 0, id + "." + ext);
            }
            assertTrue(html.contains("data-figure=\"" + id + "\""), id + " is an interactive chart");
        }
        assertTrue(html.contains("Road to infinity (escaping augmented runs, last decade of steps)"), "the rates table");
        assertTrue(html.contains("skip-exp, "), "groups named by variant");
        String csv = Files.readString(dir.resolve("figures/study_road_loss_vs_norm.csv"));
        int runsInLegend = 0;
        for (String group : List.of("loss to zero", "creeping")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("skip-exp, " + group + " \\((\\d+)\\)").matcher(csv);
            if (m.find()) {
                runsInLegend += Integer.parseInt(m.group(1));
            }
        }
        assertEquals(escaping, runsInLegend, "every escaping skip-exp run is in one group: " + csv.lines().findFirst());
    }
}
