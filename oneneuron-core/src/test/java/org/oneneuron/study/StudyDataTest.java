package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Shape;

/** A study prepares its data as {@code train} does: images per channel, vectors per feature. */
class StudyDataTest {

    /** 40 images of 2×4×4 in [0, 1], and one pixel lit in a single image (a pixel √n deviations out per pixel). */
    private static Dataset images(Shape shape) {
        int n = 40;
        int d = 32;
        SplittableRandom rng = new SplittableRandom(7);
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = j == 0 ? 0 : rng.nextDouble();
            }
            y[i] = i % 2 == 0 ? 1 : -1;
        }
        x[5 * d] = 1.0;
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("p" + j);
        }
        return new Dataset("pictures", x, y, d, names, List.of("-1", "+1"), shape);
    }

    @Test
    void imagesAreStandardizedPerChannelWithTrainsStandardizer() {
        Dataset raw = images(Shape.parse("2x4x4"));
        StudyData.Prepared p = new StudyData(Map.of("pictures", raw)).prepare("pictures", 3, 0.25);
        assertEquals(30, p.train().n());
        assertEquals(10, p.heldOut().n());
        assertEquals(raw.shape(), p.train().shape());
        // Per channel: every channel of the training part has mean 0 and standard deviation 1 over all
        // its pixels (Standardizer's rule), and the lone lit pixel stays a few deviations out.
        double[] x = p.train().x();
        for (int c = 0; c < 2; c++) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < 30; i++) {
                for (int j = c * 16; j < (c + 1) * 16; j++) {
                    sum += x[i * 32 + j];
                    squares += x[i * 32 + j] * x[i * 32 + j];
                }
            }
            assertEquals(0, sum / 480, 1e-12, "channel " + c + " mean");
            assertEquals(1, squares / 480, 1e-12, "channel " + c + " variance");
        }
        double largest = 0;
        for (double v : x) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertTrue(largest < 4, "per channel, no pixel is sqrt(n) deviations out: " + largest);
    }

    @Test
    void vectorsKeepPerFeatureScaling() {
        Dataset raw = images(Shape.vector(32));
        Dataset train = new StudyData(Map.of("pictures", raw)).prepare("pictures", 3, 0.0).train();
        double largest = 0;
        for (int i = 0; i < train.n(); i++) {
            largest = Math.max(largest, Math.abs(train.x(i, 0)));
        }
        assertEquals(Math.sqrt(39), largest, 1e-9, "the lone lit pixel of a vector feature is sqrt(n - 1) deviations out");
    }

    /** A float32 study's runs on one data set read one float32 copy of it, not one each. */
    @Test
    void float32RunsOnOneDataSetShareItsFloatRows() {
        StudySpec spec = StudySpec.fromJson("{\"data\":[\"wdbc\",\"moons\"],\"neurons\":[\"none\",\"skip-exp\"],"
                + "\"optimizers\":[\"adam\"],\"steps\":5,\"restarts\":2,\"dtype\":\"float32\"}", "test");
        RunProblems problems = new RunProblems(new StudyData(spec.readOptions()));
        Map<String, org.oneneuron.loss.Float32Rows> rows = new java.util.HashMap<>();
        for (RunSpec run : spec.expand()) {
            var problem = problems.problem(run);
            var first = rows.computeIfAbsent(run.data(), k -> problem.float32Rows());
            assertTrue(first == problem.float32Rows(), run.configKey());
            assertTrue(problem.float32Rows().data() == problem.data(), run.configKey());
        }
        assertEquals(2, rows.size());
        assertTrue(rows.get("wdbc") != rows.get("moons"));
    }
}
