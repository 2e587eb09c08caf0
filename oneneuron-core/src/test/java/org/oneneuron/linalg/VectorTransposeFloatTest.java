package org.oneneuron.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The in-register transpose that packs a transposed B for the float GEMM, against its definition. */
class VectorTransposeFloatTest {

    @Test
    void blockWritesTheTransposeAndNothingElse() {
        assumeTrue(VectorTransposeFloat.FITS, "this machine's float vectors are narrower than 16 lanes");
        int lanes = 16;
        SplittableRandom rnd = new SplittableRandom(31);
        int[][] cases = {{0, lanes, 0, lanes}, {3, 784, 5, 2 * lanes}, {1, lanes + 1, 7, 3 * lanes + 2}};
        for (int[] c : cases) {
            int s = c[0];
            int lds = c[1];
            int d = c[2];
            int ldd = c[3];
            float[] src = new float[s + lanes * lds];
            for (int i = 0; i < src.length; i++) {
                src[i] = (float) rnd.nextGaussian();
            }
            float[] dst = new float[d + lanes * ldd + 3];
            java.util.Arrays.fill(dst, Float.NaN);
            VectorTransposeFloat.block(src, s, lds, dst, d, ldd);
            for (int i = 0; i < dst.length; i++) {
                int off = i - d;
                int p = Math.floorDiv(off, ldd);
                int j = Math.floorMod(off, ldd);
                boolean inside = off >= 0 && p < lanes && j < lanes;
                float expected = inside ? src[s + j * lds + p] : Float.NaN;
                assertEquals(expected, dst[i], "lds " + lds + " ldd " + ldd + " at " + i);
            }
        }
    }
}
