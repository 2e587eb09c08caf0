package org.oneneuron.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlicesTest {

    private final QuadraticObjective q = QuadraticObjective.withSpectrum(new double[] {-1, 0.5, 2, 3}, 8);
    private final double[] theta0 = {0.3, -0.2, 0.1, 1.0};

    private static double[] add(double[] a, double s, double[] d1, double t, double[] d2) {
        double[] p = a.clone();
        for (int i = 0; i < p.length; i++) {
            p[i] += s * d1[i] + t * d2[i];
        }
        return p;
    }

    @Test
    void planeValuesAreTheObjectiveAtEachGridPointAndThreadsDoNotMatter() {
        double[] d1 = {1, 0, 0, 0};
        double[] d2 = {0, 1, 1, 0};
        SliceConfig config = new SliceConfig(7, 0.5, 3, 1);
        Slice parallel = Slices.plane(q, theta0, d1, d2, config);
        Slice serial = Slices.plane(q, theta0, d1, d2, config.withThreads(1));
        assertArrayEquals(serial.loss(), parallel.loss(), 0.0);
        double[] s = parallel.s();
        double[] t = parallel.t();
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                assertEquals(q.value(add(theta0, s[i], d1, t[j], d2)), parallel.at(i, j), 1e-15);
            }
        }
        assertEquals(-0.5, s[0]);
        assertEquals(0.5, s[6]);
        assertEquals(0, parallel.nonFinite());
    }

    @Test
    void aPlaneThroughThreePointsPutsThemAtTheCornersOfTheUnitTriangle() {
        double[][] points = {theta0, {1, 1, 0, 0}, {0, -1, 2, 0.5}};
        Slice slice = Slices.planeThrough(q, points, List.of("plain", "augmented", "escape"),
                new SliceConfig(9, 0.5, 2, 1));
        double[] s = slice.s();
        assertEquals(-0.5, s[0]);
        assertEquals(1.5, s[8]);
        assertEquals(q.value(points[0]), slice.at(2, 2), 1e-14);
        assertEquals(q.value(points[1]), slice.at(6, 2), 1e-14);
        assertEquals(q.value(points[2]), slice.at(2, 6), 1e-14);
        assertEquals("escape", slice.anchors().get(2).name());
    }

    @Test
    void collinearPointsSpanNoPlane() {
        double[][] points = {{0, 0, 0, 0}, {1, 1, 0, 0}, {2, 2, 0, 0}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Slices.planeThrough(q, points, List.of("a", "b", "c"), SliceConfig.defaults()));
        assertEquals(true, e.getMessage().contains("collinear"), e.getMessage());
    }

    @Test
    void filterNormalizedDirectionsMatchEachFiltersNorm() {
        double[] theta = {3, 4, 0, 0, 1, -2, 2};
        double[] d = Slices.filterNormalized(theta, List.of(new int[] {0, 2}, new int[] {2, 2}),
                new SplittableRandom(3));
        assertEquals(5.0, Math.hypot(d[0], d[1]), 1e-12);
        assertEquals(1.0, Math.hypot(d[2], d[3]), 1e-12, "a zero filter gets a unit-norm direction");
        assertEquals(1.0, Math.abs(d[4]), 1e-12, "uncovered parameters are their own filters");
        assertEquals(2.0, Math.abs(d[5]), 1e-12);
    }

    @Test
    void csvAndJsonHoldEveryGridPointWithSnakeCaseKeys(@TempDir Path dir) throws IOException {
        Slice slice = Slices.line(q, theta0, new double[] {0, 0, 0, 1}, new SliceConfig(5, 1.0, 1, 1));
        Path csv = dir.resolve("line.csv");
        Path json = dir.resolve("line.json");
        Files.writeString(csv, SliceWriter.csv(slice));
        Files.writeString(json, SliceWriter.json(slice));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("s,t,loss", lines.get(0));
        assertEquals(6, lines.size());
        assertEquals(slice.at(2, 0), Double.parseDouble(lines.get(3).split(",")[2]), 1e-15);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("line", root.get("kind").asText());
        assertEquals(5, root.get("loss").size());
        assertEquals(0, root.get("non_finite").asInt());
        assertEquals(slice.minimum(), root.get("minimum").asDouble(), 0.0);
    }
}
