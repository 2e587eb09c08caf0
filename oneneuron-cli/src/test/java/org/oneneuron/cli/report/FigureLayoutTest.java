package org.oneneuron.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every string a figure draws lies inside its canvas, legends and notes included. */
class FigureLayoutTest {

    private static void assertInside(FigureData f) {
        List<FigurePainter.Placed> placed = FigurePainter.layout(f.mergeIdentical());
        assertTrue(placed.size() > 3, "strings drawn: " + placed);
        for (FigurePainter.Placed p : placed) {
            assertTrue(p.box().getMinX() >= 0 && p.box().getMaxX() <= PaperStyle.WIDTH - 4
                    && p.box().getMinY() >= 0 && p.box().getMaxY() <= PaperStyle.HEIGHT,
                    "'" + p.text() + "' at " + p.box() + " leaves the " + PaperStyle.WIDTH + " × "
                            + PaperStyle.HEIGHT + " canvas");
        }
    }

    @Test
    void longLegendEntriesAndNotesStayInsideTheFigure() {
        double[] x = {1, 2, 3};
        FigureData f = new FigureData("l", "Median loss during training", "step", "loss", "line", false, true,
                "caption", List.of(
                        new FigureData.Series("none", x, new double[] {3, 2, 1}, List.of()),
                        new FigureData.Series("skip-exp", x, new double[] {1, 0.5, 0.1}, List.of()),
                        new FigureData.Series("per-layer-exp", x, new double[] {1, 0.5, 0.1}, List.of()),
                        new FigureData.Series("skip-exp, loss to zero (14)", x, new double[] {2, 1, 0.1}, List.of()),
                        new FigureData.Series("per-layer-exp, loss to zero (14)", x, new double[] {2, 1, 0.1}, List.of()),
                        new FigureData.Series("a_series_name_without_any_space_in_it_at_all", x,
                                new double[] {5, 4, 3}, List.of())),
                null, List.of(), java.util.Collections.nCopies(6, "A note long enough to wrap over several"
                        + " lines of the panel on the right, repeated until the panel cannot hold them all."));
        assertInside(f);
        assertInside(SlicePlotTest.line());
    }

    @Test
    void mergedNamesSayASharedTailOnce() {
        assertEquals("skip-exp = per-layer-exp, creeping (3)",
                FigureData.joined(List.of("skip-exp, creeping (3)", "per-layer-exp, creeping (3)")));
        assertEquals("skip-exp = per-layer-exp", FigureData.joined(List.of("skip-exp", "per-layer-exp")));
        assertEquals("a, x = b, y", FigureData.joined(List.of("a, x", "b, y")));
    }
}
