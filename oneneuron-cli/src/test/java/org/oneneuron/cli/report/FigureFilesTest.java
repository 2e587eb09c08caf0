package org.oneneuron.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The static figures: text stays text, labels are short and round, identical series are named. */
class FigureFilesTest {

    @TempDir
    Path dir;

    private static FigureData contour() {
        double[] s = {0, 0.5, 1, 1.5};
        double[] t = {-1, 0, 1};
        double[] v = new double[12];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                v[i * 3 + j] = Math.pow(10, -3 + 1.7 * i + 0.9 * j) * 1.234567891234;
            }
        }
        v[11] = Double.NaN;
        return new FigureData("c", "Contour title", "s axis", "t axis", "contour", false, false, "caption",
                List.of(new FigureData.Series("path", new double[] {0, 1}, new double[] {0, 0.5}, List.of())),
                new FigureData.Grid(s, t, v, true, "loss L~"),
                List.of(FigureData.Mark.point("start", 0, 0), FigureData.Mark.arrow("escape direction", 0, 0, 1, 1)),
                List.of());
    }

    private static List<String> svgTexts(Path svg) throws IOException {
        Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(Files.readString(svg));
        List<String> texts = new ArrayList<>();
        while (m.find()) {
            texts.add(m.group(1));
        }
        return texts;
    }

    @Test
    void svgAndPdfKeepTheTextAsTextWithShortRoundLabels() throws IOException {
        FigureFiles.write(contour(), dir);
        List<String> texts = svgTexts(dir.resolve("c.svg"));
        assertTrue(texts.containsAll(List.of("Contour title", "s axis", "t axis", "start", "escape direction")),
                "SVG text elements: " + texts);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("10")), "a log colour bar labelled in powers of ten: " + texts);
        for (String t : texts) {
            assertFalse(t.matches(".*\\d{6,}.*"), "no long digit strings in a label: '" + t + "'");
        }
        assertTrue(Files.size(dir.resolve("c.svg")) < 200_000, "a small SVG: " + Files.size(dir.resolve("c.svg")));
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("c.pdf").toFile())) {
            assertEquals(1, pdf.getNumberOfPages());
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Contour title") && text.contains("escape direction"), "PDF text: " + text);
        }
        String csv = Files.readString(dir.resolve("c.csv"));
        assertTrue(csv.startsWith("s,t,value\n") && csv.contains("nan"), csv);
    }

    @Test
    void identicalSeriesAreDrawnOnceAndSaidToBeIdentical() throws IOException {
        double[] x = {1, 2, 3};
        FigureData f = new FigureData("l", "Lines", "step", "loss", "line", false, true, "caption", List.of(
                new FigureData.Series("none", x, new double[] {3, 2, 1}, List.of()),
                new FigureData.Series("skip-exp", x, new double[] {1, 0.5, 0.1}, List.of()),
                new FigureData.Series("per-layer-exp", x, new double[] {1, 0.5, 0.1}, List.of())));
        FigureData merged = f.mergeIdentical();
        assertEquals(List.of("none", "skip-exp = per-layer-exp"),
                merged.series().stream().map(FigureData.Series::name).toList());
        assertEquals(1, merged.notes().size());
        assertTrue(merged.notes().get(0).contains("identical"), merged.notes().get(0));
        FigureFiles.write(f, dir);
        List<String> texts = svgTexts(dir.resolve("l.svg"));
        assertTrue(texts.contains("skip-exp = per-layer-exp"), "legend names both: " + texts);
        assertTrue(texts.stream().anyMatch(t -> t.contains("identical")), "the note is in the picture: " + texts);
        FigureData different = new FigureData("d", "Lines", "step", "loss", "line", false, true, "caption", List.of(
                new FigureData.Series("a", x, new double[] {1, 0.5, 0.1}, List.of()),
                new FigureData.Series("b", x, new double[] {1, 0.5, 0.1000001}, List.of())));
        assertEquals(2, different.mergeIdentical().series().size(), "only equal points are merged");
    }

    @Test
    void ticksAreRoundAndReadable() {
        List<String> linear = Axis.covering(new double[] {0.013, 0.987}, false, true).ticks().stream()
                .map(Axis.Tick::label).toList();
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), linear);
        List<String> log = Axis.covering(new double[] {3e-13, 42}, true, false).ticks().stream()
                .map(Axis.Tick::label).toList();
        assertTrue(log.size() <= 8 && log.contains("10\u207b\u00b9\u00b2"), "log ticks " + log);
        assertEquals("1.23", Axis.round(1.234567891234));
        assertEquals("1.23e-07", Axis.round(1.234567891234e-7));
    }

    @Test
    void stepsGetWholeTicksAndNoValueSitsOnTheFrame() {
        List<String> steps = Axis.covering(new double[] {0, 1}, false, true).ticks().stream()
                .map(Axis.Tick::label).toList();
        assertEquals(List.of("0", "1"), steps, "a run that stopped after step 1 has no step 0.2");
        assertEquals(List.of("0", "1000", "2000", "3000", "4000", "5000"), Axis.covering(new double[] {0, 5000},
                false, true).ticks().stream().map(Axis.Tick::label).toList());
        assertEquals("0.2", Axis.covering(new double[] {0, 0.5, 1}, false, true).ticks().get(1).label(),
                "fractional values keep fractional ticks");
        for (double[] losses : List.of(new double[] {4.4e8, 9.6e10}, new double[] {1e9, 1e11}, new double[] {2, 5})) {
            Axis log = Axis.covering(losses, true, false);
            assertTrue(log.fraction(losses[0]) >= 0.03 && log.fraction(losses[1]) <= 0.97,
                    "the smallest and largest value keep off the frame: " + log.fraction(losses[0]) + ", "
                            + log.fraction(losses[1]));
            assertFalse(log.ticks().isEmpty());
        }
    }

    @Test
    void tickLabelsOfATinyRangeAreDistinct() {
        double[] loss = new double[50];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = 4.95e-13 + i * 0.15e-13 / loss.length;
        }
        FigureData.Grid grid = new FigureData.Grid(new double[] {0}, new double[50], loss, true, "loss");
        List<String> bar = ContourPainter.barTicks(ContourBands.levels(ContourBands.transformed(grid)), true)
                .stream().map(Axis.Tick::label).toList();
        assertDistinctAndShort(bar);
        double[] linearLevels = ContourBands.levels(loss);
        assertDistinctAndShort(ContourPainter.barTicks(linearLevels, false).stream().map(Axis.Tick::label).toList());
        assertDistinctAndShort(Axis.covering(loss, false, true).ticks().stream().map(Axis.Tick::label).toList());
        List<String> offset = Axis.covering(new double[] {1e6 + 0.1, 1e6 + 0.5}, false, true).ticks().stream()
                .map(Axis.Tick::label).toList();
        assertEquals(offset.size(), offset.stream().distinct().count(), "tick labels repeat: " + offset);
        assertEquals(List.of("1", "1.6", "2.5", "4", "6.3", "10", "16"),
                Axis.significant(new double[] {1, 1.585, 2.512, 3.981, 6.31, 10, 15.85}, 2));
    }

    private static void assertDistinctAndShort(List<String> labels) {
        assertTrue(labels.size() >= 2, "ticks " + labels);
        assertEquals(labels.size(), labels.stream().distinct().count(), "tick labels repeat: " + labels);
        for (String t : labels) {
            assertFalse(t.matches(".*\\d{6,}.*"), "no long digit strings in a label: '" + t + "'");
        }
    }
}
