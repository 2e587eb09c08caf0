package org.oneneuron.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.linalg.Backends;
import org.oneneuron.linalg.Blas;
import org.oneneuron.linalg.PlainBlas;
import org.oneneuron.linalg.Precision;
import org.oneneuron.linalg.VectorBlas;
import org.oneneuron.linalg.VectorEquivalentBlas;

/**
 * {@link PlaneArith#weightGemm} run transposed, (Xᵀδ)ᵀ, gives exactly the bits of the direct δᵀX on
 * every Java back-end, in both precisions, written and accumulated, over shapes with one and
 * several k blocks and partial panels.
 */
class WeightGemmTest {

    private static final int[][] SHAPES = {
        {64, 5, 40}, {70, 33, 129}, {64, 200, 300}, {65, 90, 700}, {64, 120, 700}, {10, 200, 300},
    };

    @Test
    void transposedFormGivesTheDirectProductsBits() {
        List<Blas> backEnds = new ArrayList<>(List.of(PlainBlas.INSTANCE, new VectorEquivalentBlas(256),
                new VectorEquivalentBlas(512)));
        if (Backends.vectorApiAvailable()) {
            backEnds.add(new VectorBlas());
        }
        SplittableRandom rnd = new SplittableRandom(11);
        int transposedRuns = 0;
        for (Blas blas : backEnds) {
            for (Precision precision : Precision.values()) {
                PlaneArith ar = PlaneArith.of(precision, blas);
                for (int[] s : SHAPES) {
                    for (boolean accumulate : new boolean[] {false, true}) {
                        int units = s[0];
                        int d = s[1];
                        int rows = s[2];
                        Buf delta = random(ar, rows * units, rnd);
                        Buf x = random(ar, 3 + rows * d, rnd);
                        Buf start = random(ar, 7 + units * d, rnd);
                        Buf direct = copy(ar, start);
                        Buf viaTranspose = copy(ar, start);
                        ar.gemm(true, false, units, d, rows, delta, 0, units, x, 3, d, accumulate, direct, 7, d);
                        ar.weightGemm(units, d, rows, delta, 0, x, 3, accumulate, viaTranspose, 7);
                        String where = blas.name() + " " + ar.precision() + " units=" + units + " d=" + d
                                + " rows=" + rows + " accumulate=" + accumulate;
                        if (direct.d != null) {
                            assertArrayEquals(direct.d, viaTranspose.d, 0.0, where);
                        } else {
                            assertArrayEquals(direct.f, viaTranspose.f, 0f, where);
                        }
                        transposedRuns += ar.transposeWeightGemm(units, d, rows, accumulate) ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(transposedRuns >= backEnds.size() * 8, "the transposed form ran in " + transposedRuns + " cases");
    }

    @Test
    void costModelTransposesOnlyWhenPackingTheInputCostsMore() {
        PlaneArith ar = PlaneArith.of(Precision.FLOAT32, PlainBlas.INSTANCE);
        // W6 HVP: 1024 rows of 784 into 128 units; the neurons' 10 units never (padded panels).
        assertTrue(ar.transposeWeightGemm(128, 784, 1024, false));
        assertTrue(ar.transposeWeightGemm(128, 784, 1024, true));
        assertFalse(ar.transposeWeightGemm(10, 784, 1024, false));
        // A 128-row minibatch into 128 units: δ plus the block moved twice is more than X.
        assertFalse(ar.transposeWeightGemm(128, 784, 128, false));
        assertFalse(ar.transposeWeightGemm(1, 784, 4096, false));
        assertEquals(ar.transposeWeightGemm(128, 784, 400, false), 400L * 784 > 400L * 128 + 2L * 128 * 784);
    }

    private static Buf random(Arith ar, int n, SplittableRandom rnd) {
        Buf b = ar.alloc(n);
        for (int i = 0; i < n; i++) {
            b.set(i, rnd.nextDouble(-1, 1));
        }
        return b;
    }

    private static Buf copy(Arith ar, Buf src) {
        Buf b = ar.alloc(src.length());
        ar.copy(src, 0, b, 0, src.length());
        return b;
    }
}
