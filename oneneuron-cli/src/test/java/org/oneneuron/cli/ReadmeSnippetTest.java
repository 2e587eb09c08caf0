package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.*;
import org.oneneuron.run.*;

/** The README's library snippet is this class's code: same lines, compiled and run here. */
class ReadmeSnippetTest {

    static final Path README = Path.of("..", "README.md");
    static final Path SOURCE = Path.of("src", "test", "java", "org", "oneneuron", "cli",
            "ReadmeSnippetTest.java");

    // readme:imports:start
    // import java.nio.file.Path;
    // import org.oneneuron.data.*;
    // import org.oneneuron.run.*;
    // readme:imports:end

    record Snippet(Dataset data, Model model, double[] labels, Assessment figures, double label,
                   double probability) {
    }

    static Snippet snippet() {
        // readme:start
        Dataset data = Datasets.resolve("wdbc", ReadOptions.defaults());    // or a .csv/.libsvm/.arff path
        Model model = Classifier.fit(data, ClassifierConfig.defaults().withHeldOut(0.25)); // = train --held-out 0.25
        double[] labels = model.predict(data);           // -1 or +1 per sample
        Assessment figures = model.assess(data);         // metrics; loss total, data, network alone, penalty
        model.save(Path.of("model.json"));               // for 'oneneuron predict' and Model.load
        double[] row = new double[data.d()];             // one row of raw features
        double label = Model.load(Path.of("model.json")).predict(row);         // -1 or +1
        double probability = model.probability(row);     // P(+1): Platt-calibrated for the cubic hinge
        // readme:end
        return new Snippet(data, model, labels, figures, label, probability);
    }

    @Test
    void readmeShowsExactlyThisCode() throws Exception {
        List<String> readme = between(Files.readAllLines(README), "<!-- readme-snippet:start",
                "<!-- readme-snippet:end");
        assertEquals("```java", readme.get(0));
        assertEquals("```", readme.get(readme.size() - 1));
        List<String> source = Files.readAllLines(SOURCE);
        List<String> expected = new ArrayList<>();
        for (String line : between(source, "    // readme:imports:start", "    // readme:imports:end")) {
            expected.add(line.strip().substring("// ".length()));
        }
        expected.add("");
        for (String line : between(source, "        // readme:start", "        // readme:end")) {
            expected.add(line.substring(8));
        }
        assertEquals(expected, readme.subList(1, readme.size() - 1));
        assertTrue(readme.size() - 2 <= 12, "at most 12 lines of code");
    }

    @Test
    void snippetRunsAndItsModelFileServesTheCli() throws Exception {
        Path file = Path.of("model.json");
        try {
            Snippet s = snippet();
            assertEquals(s.data().n(), s.labels().length);
            assertTrue(s.figures().accuracy() > 0.95, s.figures().toString());
            Model stored = Model.load(file);
            assertArrayEquals(s.model().scores(s.data()), stored.scores(s.data()));
            assertEquals(s.model().predict(new double[s.data().d()]), s.label());
            assertTrue(s.probability() >= 0 && s.probability() <= 1);
            Cli r = Cli.run("evaluate", file.toString(), "wdbc", "--json");
            assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<String> between(List<String> lines, String startPrefix, String endPrefix) {
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (from < 0 && lines.get(i).startsWith(startPrefix)) {
                from = i + 1;
            } else if (from >= 0 && lines.get(i).startsWith(endPrefix)) {
                return lines.subList(from, i);
            }
        }
        throw new AssertionError("markers " + startPrefix + " ... " + endPrefix + " not found");
    }
}
