package org.oneneuron.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The confusion-matrix figure: names and counts as text, cells shaded by their row share, the numbers beside it. */
class ConfusionFigureTest {

    @TempDir
    Path dir;

    private static final List<String> CLASSES = List.of("ant", "bee", "cat");

    private static List<String> svgTexts(Path svg) throws IOException {
        Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(Files.readString(svg));
        List<String> texts = new ArrayList<>();
        while (m.find()) {
            texts.add(m.group(1));
        }
        return texts;
    }

    /** Pixels of the PNG that have exactly the colour of a row share of 1 (a class recalled perfectly). */
    private static long fullShadePixels(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        int full = MatrixPainter.shade(1.0).getRGB() & 0xffffff;
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += (image.getRGB(x, y) & 0xffffff) == full ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void namesAndCountsAreTextAndTheNumbersAreBeside() throws IOException {
        long[][] confusion = {{17, 2, 1}, {0, 20, 0}, {3, 4, 13}};
        Path png = ConfusionFigure.write(ConfusionFigure.of(confusion, CLASSES, "kinds: "
                + ConfusionFigure.score(confusion), "caption"), dir);
        assertEquals(dir.resolve("confusion.png"), png);
        for (String ext : List.of("png", "svg", "pdf", "json", "csv")) {
            assertTrue(Files.size(dir.resolve("confusion." + ext)) > 0, ext);
        }
        List<String> texts = svgTexts(dir.resolve("confusion.svg"));
        assertTrue(texts.containsAll(List.of("ant", "bee", "cat", "17", "20", "13", "predicted class", "actual class",
                "kinds: 50 of 60 right (83.33%)")), "SVG text elements: " + texts);
        assertEquals("actual class\\predicted class,ant,bee,cat\nant,17,2,1\nbee,0,20,0\ncat,3,4,13\n",
                Files.readString(dir.resolve("confusion.csv")));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("confusion.json").toFile());
        assertEquals("matrix", json.get("kind").asText());
        assertEquals(4.0, json.get("grid").get("value").get(1 * 3 + 2).asDouble(), "value(row 2, column 1) at s_1, t_2");
        assertEquals("bee", json.get("series").get(0).get("categories").get(1).asText());
    }

    @Test
    void aCellIsShadedByItsShareOfTheActualClass() throws IOException {
        Path perfectRow = ConfusionFigure.write(ConfusionFigure.of(new long[][] {{5, 5, 0}, {0, 40, 0}, {1, 1, 1}},
                CLASSES, "one row all right", "caption"), dir.resolve("a"));
        long full = fullShadePixels(perfectRow);
        assertTrue(full > 2_000, "the 'bee' row is all on its diagonal: one fully shaded cell, " + full + " pixels");
        Path noPerfectRow = ConfusionFigure.write(ConfusionFigure.of(new long[][] {{5, 5, 0}, {0, 39, 1}, {1, 1, 1}},
                CLASSES, "no row all right", "caption"), dir.resolve("b"));
        assertEquals(0, fullShadePixels(noPerfectRow), "no row share reaches 1, so no cell has the darkest shade");
    }

    @Test
    void aMatrixThatDoesNotFitItsClassesIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ConfusionFigure.of(new long[][] {{1, 2}, {3, 4}}, CLASSES, "t", "c"));
        assertThrows(IllegalArgumentException.class,
                () -> ConfusionFigure.of(new long[][] {{1, 2, 3}, {3, 4}, {1, 1, 1}}, CLASSES, "t", "c"));
        assertThrows(IllegalArgumentException.class,
                () -> ConfusionFigure.of(new long[][] {{1, -2, 3}, {3, 4, 5}, {1, 1, 1}}, CLASSES, "t", "c"));
    }
}
