package org.oneneuron.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.landscape.Slice;

/** The 1-D slice figure: the named points on the loss curve, the contribution on its own axis. */
class SlicePlotTest {

    @TempDir
    Path dir;

    /** A loss of 2.745 with a dip of 0.006 at s = 1, and a contribution ten times larger. */
    static FigureData line() {
        double[] s = new double[41];
        double[] loss = new double[41];
        double[] net = new double[41];
        double[] contribution = new double[41];
        for (int i = 0; i < s.length; i++) {
            s[i] = -0.5 + 0.05 * i;
            loss[i] = 2.7452 - 0.0063 * (2 * s[i] - s[i] * s[i]);
            net[i] = 2.7452;
            contribution[i] = 0.039 * Math.abs(s[i]);
        }
        Slice slice = new Slice("line", s, new double[0], loss,
                List.of(new Slice.Anchor("plain", 0, 0), new Slice.Anchor("escape", 1, 0)), 0);
        return SlicePlot.line("slice", "Loss along the line through plain, escape", slice, net, contribution,
                "caption");
    }

    @Test
    void theNamedPointsAreMarkedOnTheLossAndTheContributionHasItsOwnAxis() throws IOException {
        FigureData f = line();
        assertEquals(List.of("plain", "escape"), f.marks().stream().map(FigureData.Mark::name).toList());
        assertEquals(2.7452, f.marks().get(0).y(), 1e-12);
        assertEquals(2.7452 - 0.0063, f.marks().get(1).y(), 1e-12);
        assertFalse(f.logY(), "a loss within 0.3 % of itself is not drawn on a log axis");
        assertTrue(f.yLabel().startsWith("loss"), "the y label says what is plotted: " + f.yLabel());
        assertEquals(List.of(0, 0, 1), f.series().stream().map(FigureData.Series::panel).toList(),
                "the contribution gets its own panel");
        assertTrue(f.notes().get(0).contains("2.745") && f.notes().get(0).contains("2.739"), f.notes().toString());
        FigureFiles.write(f, dir);
        String svg = Files.readString(dir.resolve("slice.svg"));
        assertTrue(svg.contains(">plain</text>") && svg.contains(">escape</text>"), "the points are labelled");
        assertTrue(Files.readString(dir.resolve("slice.json")).contains("\"panel\" : 1"));
    }

    @Test
    void aTrajectoryPlaneSaysWhenThePathEndsBelowWhatItsGridResolves() {
        Slice plane = new Slice("plane", new double[] {-1, 0, 1}, new double[] {-1, 0, 1},
                new double[] {3, 0.001, 3, 1, 0.029, 1, 3, 2, 3}, List.of(new Slice.Anchor("end", 0, 0)), 0);
        String said = StudyLandscapes.resolution(plane, 0.005);
        assertTrue(said.contains("3 × 3 grid") && said.contains("0.029") && said.contains("0.005"), said);
        assertEquals("", StudyLandscapes.resolution(plane, 0.03), "a path end the grid resolves needs no word");
    }
}
