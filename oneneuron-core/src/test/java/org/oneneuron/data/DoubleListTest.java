package org.oneneuron.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The block list holds what was added, in order, across the first block's growth and many full blocks. */
class DoubleListTest {

    @Test
    void valuesAddedOneByOneOrInRunsComeBackInOrder() {
        SplittableRandom rng = new SplittableRandom(4);
        int total = 3 * DoubleList.BLOCK + 12_345;
        double[] expected = new double[total];
        DoubleList list = new DoubleList();
        int i = 0;
        while (i < total) {
            int run = Math.min(total - i, rng.nextInt(1, 3 * DoubleList.BLOCK / 2));
            double[] src = new double[run + 7];
            for (int k = 0; k < run; k++) {
                src[3 + k] = rng.nextDouble();
                expected[i + k] = src[3 + k];
            }
            if (rng.nextBoolean()) {
                list.addAll(src, 3, run);
            } else {
                for (int k = 0; k < run; k++) {
                    list.add(src[3 + k]);
                }
            }
            i += run;
        }
        assertEquals(total, list.size());
        assertArrayEquals(expected, list.toArray());
        for (int probe : new int[] {0, 63, 64, DoubleList.BLOCK - 1, DoubleList.BLOCK, 2 * DoubleList.BLOCK + 5, total - 1}) {
            assertEquals(expected[probe], list.get(probe), "index " + probe);
        }
        double[] window = new double[DoubleList.BLOCK + 10];
        list.copyTo(DoubleList.BLOCK - 5, window, 0, window.length);
        for (int k = 0; k < window.length; k++) {
            assertEquals(expected[DoubleList.BLOCK - 5 + k], window[k]);
        }
    }

    @Test
    void aShortListStaysSmall() {
        DoubleList list = new DoubleList();
        for (int k = 0; k < 100; k++) {
            list.add(k);
        }
        assertEquals(100, list.toArray().length);
        assertEquals(99.0, list.get(99));
    }
}
