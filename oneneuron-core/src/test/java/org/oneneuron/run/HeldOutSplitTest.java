package org.oneneuron.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Shape;
import org.oneneuron.data.Splits;

/** The parts a recorded split gives back are the parts the fit used: samples, shape and task. */
class HeldOutSplitTest {

    /** 40 images of 1×2×2 pixels, two classes. */
    private static Dataset images() {
        int n = 40;
        int d = 4;
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (i * 7 + j * 3) % 11 / 10.0;
            }
            y[i] = i % 2 == 0 ? -1 : 1;
        }
        List<String> pixels = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            pixels.add("pixel_" + j / 2 + "_" + j % 2);
        }
        return new Dataset("images", x, y, d, pixels, List.of("a", "b"), new Shape(1, 2, 2));
    }

    @Test
    void bothPartsOfAShapedDataSetKeepItsShape() {
        Dataset raw = images();
        Splits.Split s = Splits.trainTest(raw, 0.25, 11);
        HeldOutSplit split = HeldOutSplit.of(raw, 0.25, 11, s);
        Dataset train = split.part(raw, HeldOutSplit.Part.TRAIN, "images");
        Dataset test = split.part(raw, HeldOutSplit.Part.TEST, "images");
        assertEquals(raw.shape(), train.shape());
        assertEquals(raw.shape(), test.shape());
        assertEquals(raw.task(), test.task());
        assertArrayEquals(s.train().x(), train.x(), 0.0);
        assertArrayEquals(s.test().x(), test.x(), 0.0);
        TrainingData prepared = TrainingData.prepare(raw, 0.25, true, 3);
        assertEquals(raw.shape(), prepared.train().shape());
        assertEquals(raw.shape(), prepared.heldOut().orElseThrow().shape());
    }
}
