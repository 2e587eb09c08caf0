package org.oneneuron.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ‖x‖₂ on ordinary, huge, tiny and non-finite vectors of every length class. */
class VectorsTest {

    @Test
    void normAgreesWithTheDefinitionAtEveryScale() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (double scale : new double[] {1, 1e200, 1e-200, 1e-310}) {
            for (int n = 1; n <= 11; n++) {
                double[] x = new double[n];
                double sumSq = 0;
                for (int i = 0; i < n; i++) {
                    double u = rnd.nextDouble(-1, 1);
                    x[i] = u * scale;
                    sumSq += u * u;
                }
                double want = scale * Math.sqrt(sumSq);
                assertEquals(want, Vectors.norm(x), 1e-13 * want, "scale " + scale + ", n " + n);
            }
        }
    }

    @Test
    void normOfNonFiniteVectorsIsNotFinite() {
        assertTrue(Double.isNaN(Vectors.norm(new double[] {1, 2, Double.NaN, 4, 5})));
        assertEquals(Double.POSITIVE_INFINITY, Vectors.norm(new double[] {1, Double.NEGATIVE_INFINITY, 3}));
        assertEquals(0.0, Vectors.norm(new double[7]));
    }
}
