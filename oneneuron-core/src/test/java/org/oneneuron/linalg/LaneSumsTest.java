package org.oneneuron.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * VectorBlas ddot/sdot (lane sums) equal, bit for bit, a scalar emulation of their order: two lane-wise fma
 * accumulators over chunks of 2·L, lanes of their sum added in index order, then the tail.
 */
class LaneSumsTest {

    private static final Blas VECTOR = new VectorBlas();

    @Test
    void ddotFollowsTheFixedOrder() {
        int len = DoubleVector.SPECIES_PREFERRED.length();
        for (int n = 0; n < 90; n++) {
            SplittableRandom rnd = new SplittableRandom(n);
            double[] x = rnd.doubles(n + 1, -1e3, 1e3).toArray();
            double[] y = rnd.doubles(n + 2, -1, 1).toArray();
            double[] s0 = new double[len];
            double[] s1 = new double[len];
            int upper = n - n % (2 * len);
            for (int i = 0; i < upper; i += 2 * len) {
                for (int j = 0; j < len; j++) {
                    s0[j] = Math.fma(x[1 + i + j], y[2 + i + j], s0[j]);
                    s1[j] = Math.fma(x[1 + i + len + j], y[2 + i + len + j], s1[j]);
                }
            }
            double s = s0[0] + s1[0];
            for (int j = 1; j < len; j++) {
                s += s0[j] + s1[j];
            }
            for (int i = upper; i < n; i++) {
                s += x[1 + i] * y[2 + i];
            }
            assertEquals(Double.doubleToLongBits(s), Double.doubleToLongBits(VECTOR.ddot(n, x, 1, y, 2)), "n=" + n);
        }
    }

    @Test
    void sdotFollowsTheFixedOrder() {
        int len = FloatVector.SPECIES_PREFERRED.length();
        for (int n = 0; n < 130; n++) {
            SplittableRandom rnd = new SplittableRandom(n);
            float[] x = new float[n];
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = (float) rnd.nextDouble(-1e3, 1e3);
                y[i] = (float) rnd.nextDouble(-1, 1);
            }
            float[] s0 = new float[len];
            float[] s1 = new float[len];
            int upper = n - n % (2 * len);
            for (int i = 0; i < upper; i += 2 * len) {
                for (int j = 0; j < len; j++) {
                    s0[j] = Math.fma(x[i + j], y[i + j], s0[j]);
                    s1[j] = Math.fma(x[i + len + j], y[i + len + j], s1[j]);
                }
            }
            float s = s0[0] + s1[0];
            for (int j = 1; j < len; j++) {
                s += s0[j] + s1[j];
            }
            for (int i = upper; i < n; i++) {
                s += x[i] * y[i];
            }
            assertEquals(Float.floatToIntBits(s), Float.floatToIntBits(VECTOR.sdot(n, x, 0, y, 0)), "n=" + n);
        }
    }
}
