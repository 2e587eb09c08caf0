package org.oneneuron.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The polar-method draws: N(0, 1) moments and quantiles, and one stream per seed. */
class StandardNormalTest {

    private static final int N = 200_000;

    @Test
    void momentsAndQuantilesAreStandardNormal() {
        SplittableRandom rng = new SplittableRandom(11);
        double[] z = new double[N];
        double sum = 0;
        double sumSq = 0;
        double sum4 = 0;
        for (int i = 0; i < N; i++) {
            z[i] = StandardNormal.draw(rng);
            sum += z[i];
            sumSq += z[i] * z[i];
            sum4 += z[i] * z[i] * z[i] * z[i];
        }
        double mean = sum / N;
        double var = sumSq / N - mean * mean;
        assertEquals(0, mean, 4 / Math.sqrt(N), "mean");
        assertEquals(1, var, 4 * Math.sqrt(2.0 / N), "variance");
        assertEquals(3, sum4 / N, 4 * Math.sqrt(96.0 / N), "fourth moment");
        Arrays.sort(z);
        // Φ⁻¹ at 2.5%, 50%, 97.5%; the sample quantile's standard error is √(p(1−p)/N)/φ(x).
        assertEquals(-1.959964, z[(int) (0.025 * N)], 0.02);
        assertEquals(0, z[N / 2], 0.01);
        assertEquals(1.959964, z[(int) (0.975 * N)], 0.02);
    }

    @Test
    void aSeedFixesTheStream() {
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        SplittableRandom c = new SplittableRandom(6);
        boolean differs = false;
        for (int i = 0; i < 1000; i++) {
            double x = StandardNormal.draw(a);
            assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(StandardNormal.draw(b)));
            differs |= x != StandardNormal.draw(c);
        }
        assertTrue(differs, "another seed gives another stream");
    }
}
