package org.oneneuron.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.linalg.ConvKernelsTest.Geometry;
import org.oneneuron.testing.Property;

/**
 * The scalar twin ({@link ScalarConvKernels}) at the JVM's vector width gives the Vector API
 * kernels' bits where they depend on the width: the lane-parallel weight-gradient dots and the
 * plane sums, also with samples far apart, which the dots take in blocks (the other kernels are
 * checked against their naive fma chains in {@link ConvKernelsTest}, for both). A back-end without the module picks the twin.
 */
class ScalarConvKernelsTest {

    @Test
    void twinAtTheJvmsWidthGivesTheVectorBits() {
        assumeTrue(ConvKernels.available(), "no Vector API");
        ConvKernelSet vector = ConvKernels.loaded();
        ConvKernelSet twin = new ScalarConvKernels(vector.lanes(false) * 64);
        assertEquals(vector.lanes(true), twin.lanes(true));
        Property.forAll(200, g -> {
            Geometry q = Geometry.draw(g);
            SplittableRandom rnd = new SplittableRandom(g.seed("values"));
            boolean acc = g.bool("accumulate");
            int ldd = q.span() + g.intIn("row padding", 0, 3);
            // a wide padding puts every sample in a block of its own: the dots resume their chains
            int pad = g.bool("wide sample padding") ? g.intIn("wide padding", 8192, 8300)
                    : g.intIn("sample padding", 0, 5);
            int dStride = q.rows() * ldd + pad;
            double[] d = ConvKernelsTest.values(rnd, q.samples() * dStride);
            double[] in = ConvKernelsTest.values(rnd, q.samples() * q.iStride());
            int ldg = q.taps() + 1;
            double[] g0 = ConvKernelsTest.values(rnd, q.rows() * ldg + 3);
            double[] want = g0.clone();
            double[] got = g0.clone();
            vector.dots(q.rows(), q.span(), q.taps(), q.off(), d, 0, ldd, dStride, in, 0, q.iStride(), q.samples(),
                    acc, want, 1, ldg);
            twin.dots(q.rows(), q.span(), q.taps(), q.off(), d, 0, ldd, dStride, in, 0, q.iStride(), q.samples(),
                    acc, got, 1, ldg);
            assertTrue(Arrays.equals(want, got), "double dots " + q);
            float[] df = ConvKernelsTest.toFloat(d);
            float[] inf = ConvKernelsTest.toFloat(in);
            float[] wantf = ConvKernelsTest.toFloat(g0);
            float[] gotf = wantf.clone();
            vector.dots(q.rows(), q.span(), q.taps(), q.off(), df, 0, ldd, dStride, inf, 0, q.iStride(), q.samples(),
                    acc, wantf, 1, ldg);
            twin.dots(q.rows(), q.span(), q.taps(), q.off(), df, 0, ldd, dStride, inf, 0, q.iStride(), q.samples(),
                    acc, gotf, 1, ldg);
            assertTrue(Arrays.equals(wantf, gotf), "float dots " + q);
            int count = g.intIn("planes", 1, 3);
            int n = g.intIn("n", 0, Math.max(0, (d.length - 3) / count));
            int off = g.intIn("offset", 0, 3);
            double[] sumsVector = new double[count];
            double[] sumsTwin = new double[count];
            vector.sums(d, off, n, n, count, sumsVector, 0);
            twin.sums(d, off, n, n, count, sumsTwin, 0);
            assertTrue(Arrays.equals(sumsVector, sumsTwin), "double sums of " + count + " × " + n);
            vector.sums(df, off, n, n, count, sumsVector, 0);
            twin.sums(df, off, n, n, count, sumsTwin, 0);
            assertTrue(Arrays.equals(sumsVector, sumsTwin), "float sums of " + count + " × " + n);
        });
    }

    @Test
    void backEndsPickTheirKernels() {
        for (int bits : new int[] {128, 256, 512}) {
            ConvKernelSet k = ConvKernels.forBlas(new VectorEquivalentBlas(bits));
            assertTrue(k instanceof ScalarConvKernels, "scalar back-end at " + bits + " bits takes the twin");
            assertEquals(bits / 64, k.lanes(false));
            assertEquals(bits / 32, k.lanes(true));
        }
        assertEquals(null, ConvKernels.forBlas(PlainBlas.INSTANCE), "plain loops keep im2col");
        if (ConvKernels.available()) {
            assertTrue(ConvKernels.forBlas(Backends.create(Backends.VECTOR)) == ConvKernels.loaded(),
                    "the vector back-end takes the Vector API kernels");
        }
    }
}
