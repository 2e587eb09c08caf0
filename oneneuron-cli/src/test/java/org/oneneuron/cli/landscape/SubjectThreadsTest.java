package org.oneneuron.cli.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.cli.ExitCodes;
import picocli.CommandLine;

/**
 * {@code --threads} reaches the objective of a model or recipe subject (certify, escape, slice,
 * spectrum on large data split their passes over sample chunks), and the figures it computes
 * agree with one thread's.
 */
class SubjectThreadsTest {

    private static SubjectOptions options(String... args) {
        SubjectOptions o = new SubjectOptions();
        new CommandLine(new Object() {
            @CommandLine.Mixin
            SubjectOptions subject = o;
        }).parseArgs(args);
        return o;
    }

    @Test
    void aModelSubjectRunsOnTheGivenThreads(@TempDir Path dir) {
        Path model = dir.resolve("model.json");
        Run train = Run.of("train", "construction-a", "--hidden", "2", "--steps", "20", "--test-fraction", "0",
                "--scaffold", "keep", "--out", model.toString(), "-q");
        assertEquals(ExitCodes.OK, train.exitCode(), train.toString());
        SubjectOptions o = options("--model", model.toString(), "--data", "construction-a");
        Subject one = o.resolve(1);
        Subject two = o.resolve(2);
        assertEquals(1, one.problem().orElseThrow().threads());
        assertEquals(2, two.problem().orElseThrow().threads());
        double[] g1 = new double[one.theta().length];
        double[] g2 = new double[two.theta().length];
        double l1 = one.objective().valueAndGradient(one.theta(), g1);
        double l2 = two.objective().valueAndGradient(two.theta(), g2);
        assertEquals(l1, l2, 1e-12 * Math.abs(l1));
        assertArrayEquals(g1, g2, 1e-12);
    }

    @Test
    void aRecipeSubjectRunsOnTheGivenThreads() {
        Subject s = options("--construction", "dead-relu").resolve(2);
        assertEquals(2, s.problem().orElseThrow().threads());
    }
}
