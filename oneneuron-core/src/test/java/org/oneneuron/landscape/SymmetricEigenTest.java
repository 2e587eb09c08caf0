package org.oneneuron.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.testing.Property;

class SymmetricEigenTest {

    @Test
    void recoversAKnownSpectrumAndOrthonormalVectors() {
        Property.forAll(30, g -> recoversTheSpectrum(g.intIn("n", 1, 40), g.seed("seed")));
    }

    private static void recoversTheSpectrum(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] spectrum = new double[n];
        for (int i = 0; i < n; i++) {
            spectrum[i] = random.nextDouble(-5, 5);
        }
        if (n > 2) {
            spectrum[1] = spectrum[0];
        }
        double[] a = QuadraticObjective.withSpectrum(spectrum, seed).matrix();
        EigenDecomposition eig = SymmetricEigen.symmetric(a, n, true);
        double[] expected = spectrum.clone();
        Arrays.sort(expected);
        assertArrayEquals(expected, eig.values(), 1e-11);
        assertArrayEquals(expected, SymmetricEigen.symmetric(a, n, false).values(), 1e-11);
        for (int k = 0; k < n; k++) {
            double[] v = eig.vector(k);
            for (int i = 0; i < n; i++) {
                double av = 0.0;
                for (int j = 0; j < n; j++) {
                    av += a[i * n + j] * v[j];
                }
                assertEquals(eig.value(k) * v[i], av, 1e-11, "residual of pair " + k);
            }
            for (int l = 0; l <= k; l++) {
                assertEquals(k == l ? 1.0 : 0.0, Vectors.dot(v, eig.vector(l)), 1e-12);
            }
        }
    }

    @Test
    void tridiagonalLaplacianHasTheCosineSpectrum() {
        int k = 25;
        double[] diag = new double[k];
        double[] off = new double[k - 1];
        Arrays.fill(diag, 2.0);
        Arrays.fill(off, -1.0);
        EigenDecomposition eig = SymmetricEigen.tridiagonal(diag, off, true);
        for (int j = 1; j <= k; j++) {
            assertEquals(2.0 - 2.0 * Math.cos(j * Math.PI / (k + 1)), eig.value(j - 1), 1e-13);
        }
        double first = 0.0;
        for (int j = 0; j < k; j++) {
            first += eig.component(0, j) * eig.component(0, j);
        }
        assertEquals(1.0, first, 1e-13, "first components of an orthogonal matrix square-sum to 1");
    }

    @Test
    void rejectsAMatrixOfTheWrongSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.symmetric(new double[5], 2, false));
        assertEquals("matrix must have n*n = 2*2 entries, got 5", e.getMessage());
    }
}
