package org.oneneuron.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.testing.Gen;
import org.oneneuron.testing.Property;

/**
 * {@link ConvKernels} (the Vector API's kernels when they load, and their scalar twin at 128, 256
 * and 512 bits, one of them drawn per case) against naive loops over random geometries: row counts around the 8-row
 * tile, spans shorter and longer than a tile (the overlapped last tile), random tap offsets,
 * several samples with their own strides, overwrite and accumulate. {@code rows} must give the
 * naive fma chain's bits and leave every other entry alone; {@code dots} must agree with a sum in
 * double to round-off and repeat its bits. Max pooling must pick the scalar loop's values and
 * indices (ties, signed zeros, NaN, odd sizes).
 */
class ConvKernelsTest {

    @Test
    void rowsAreTheNaiveFmaChainsBitForBit() {
        Property.forAll(300, g -> {
            ConvKernelSet kernels = g.oneOf("kernels", sets());
            Geometry q = Geometry.draw(g);
            SplittableRandom rnd = new SplittableRandom(g.seed("values"));
            boolean acc = g.bool("accumulate");
            double[] w = values(rnd, q.taps * q.ldw);
            double[] in = values(rnd, q.samples * q.iStride);
            double[] out = values(rnd, q.samples * q.oStride + 5);
            double[] want = out.clone();
            for (int s = 0; s < q.samples; s++) {
                for (int r = 0; r < q.rows; r++) {
                    for (int t = 0; t < q.span; t++) {
                        double sum = 0;
                        for (int b = 0; b < q.taps; b++) {
                            sum = Math.fma(in[s * q.iStride + q.off[b] + t], w[b * q.ldw + r], sum);
                        }
                        int k = 2 + s * q.oStride + r * q.ldo + t;
                        want[k] = acc ? want[k] + sum : sum;
                    }
                }
            }
            double[] got = out.clone();
            kernels.rows(q.rows, q.span, q.taps, q.off, w, 0, q.ldw, in, 0, q.iStride, acc, got, 2, q.ldo,
                    q.oStride, q.samples);
            assertTrue(Arrays.equals(want, got), "double rows differ from the fma chains " + q);
            float[] wf = toFloat(w);
            float[] inf = toFloat(in);
            float[] outf = toFloat(out);
            float[] wantf = outf.clone();
            for (int s = 0; s < q.samples; s++) {
                for (int r = 0; r < q.rows; r++) {
                    for (int t = 0; t < q.span; t++) {
                        float sum = 0;
                        for (int b = 0; b < q.taps; b++) {
                            sum = Math.fma(inf[s * q.iStride + q.off[b] + t], wf[b * q.ldw + r], sum);
                        }
                        int k = 2 + s * q.oStride + r * q.ldo + t;
                        wantf[k] = acc ? wantf[k] + sum : sum;
                    }
                }
            }
            kernels.rows(q.rows, q.span, q.taps, q.off, wf, 0, q.ldw, inf, 0, q.iStride, acc, outf, 2, q.ldo,
                    q.oStride, q.samples);
            assertTrue(Arrays.equals(wantf, outf), "float rows differ from the fma chains " + q);
        });
    }

    @Test
    void dotsAgreeWithADoubleSumAndRepeatTheirBits() {
        Property.forAll(300, g -> {
            ConvKernelSet kernels = g.oneOf("kernels", sets());
            Geometry q = Geometry.draw(g);
            SplittableRandom rnd = new SplittableRandom(g.seed("values"));
            boolean acc = g.bool("accumulate");
            int ldd = q.span + g.intIn("row padding", 0, 3);
            int dStride = q.rows * ldd + g.intIn("sample padding", 0, 5);
            double[] d = values(rnd, q.samples * dStride);
            double[] in = values(rnd, q.samples * q.iStride);
            int ldg = q.taps + 1;
            double[] g0 = values(rnd, q.rows * ldg + 3);
            double[] want = g0.clone();
            double[] scale = new double[want.length];
            for (int r = 0; r < q.rows; r++) {
                for (int b = 0; b < q.taps; b++) {
                    double sum = 0;
                    double abs = 0;
                    for (int s = 0; s < q.samples; s++) {
                        for (int t = 0; t < q.span; t++) {
                            double term = d[s * dStride + r * ldd + t] * in[s * q.iStride + q.off[b] + t];
                            sum += term;
                            abs += Math.abs(term);
                        }
                    }
                    int k = 1 + r * ldg + b;
                    want[k] = acc ? want[k] + sum : sum;
                    scale[k] = abs + (acc ? Math.abs(g0[k]) : 0);
                }
            }
            double[] got = g0.clone();
            kernels.dots(q.rows, q.span, q.taps, q.off, d, 0, ldd, dStride, in, 0, q.iStride, q.samples, acc, got, 1,
                    ldg);
            float[] gotf = toFloat(g0);
            float[] df = toFloat(d);
            float[] inf = toFloat(in);
            kernels.dots(q.rows, q.span, q.taps, q.off, df, 0, ldd, dStride, inf, 0, q.iStride, q.samples, acc,
                    gotf, 1, ldg);
            for (int k = 0; k < want.length; k++) {
                assertEquals(want[k], got[k], 1e-13 * (scale[k] + 1), "double dots entry " + k + " " + q);
                assertEquals(want[k], gotf[k], 2e-5 * (scale[k] + 1), "float dots entry " + k + " " + q);
            }
            double[] again = g0.clone();
            kernels.dots(q.rows, q.span, q.taps, q.off, d, 0, ldd, dStride, in, 0, q.iStride, q.samples, acc, again,
                    1, ldg);
            assertTrue(Arrays.equals(got, again), "dots repeat their bits");
        });
    }

    @Test
    void maxPoolingPicksTheScalarLoopsValuesAndIndices() {
        Property.forAll(300, g -> {
            ConvKernelSet kernels = g.oneOf("kernels", sets());
            int c = g.intIn("channels", 1, 4);
            int h = g.intIn("height", 2, 13);
            int w = g.bool("a window row per vector") ? rowVectorWidth() : g.intIn("width", 2, 41);
            int xOff = g.intIn("input offset", 0, 3);
            SplittableRandom rnd = new SplittableRandom(g.seed("values"));
            double[] x = new double[xOff + c * h * w + 2];
            for (int i = 0; i < x.length; i++) {
                int kind = rnd.nextInt(20);
                x[i] = kind == 0 ? Double.NaN : kind < 4 ? 0.0 : kind == 4 ? -0.0 : kind < 7 ? 0.5 : rnd.nextDouble(-1, 1);
            }
            int outputs = c * (h / 2) * (w / 2);
            double[] want = new double[outputs + 3];
            int[] wantArg = new int[outputs + 3];
            for (int ch = 0, o = 0; ch < c; ch++) {
                for (int i = 0; i < h / 2; i++) {
                    for (int j = 0; j < w / 2; j++, o++) {
                        int at = ch * h * w + 2 * i * w + 2 * j;
                        int[] cand = {at, at + 1, at + w, at + w + 1};
                        int best = at;
                        boolean nan = false;
                        for (int k = 0; k < 4; k++) {
                            nan |= Double.isNaN(x[xOff + cand[k]]);
                            if (k > 0 && x[xOff + cand[k]] > x[xOff + best]) {
                                best = cand[k];
                            }
                        }
                        want[1 + o] = nan ? Double.NaN : x[xOff + best];
                        wantArg[2 + o] = best;
                    }
                }
            }
            double[] got = new double[outputs + 3];
            int[] arg = new int[outputs + 3];
            kernels.maxPool2x2(x, xOff, c, h, w, got, 1, arg, 2);
            assertTrue(Arrays.equals(want, got), "double values");
            assertTrue(Arrays.equals(wantArg, arg), "double indices");
            float[] gotf = new float[outputs + 3];
            int[] argf = new int[outputs + 3];
            kernels.maxPool2x2(toFloat(x), xOff, c, h, w, gotf, 1, argf, 2);
            assertTrue(Arrays.equals(toFloat(want), gotf), "float values");
            assertTrue(Arrays.equals(wantArg, argf), "float indices");
        });
    }

    @Test
    void maxPoolAdjointIsZeroingThenAddingAtTheMaximaBitForBit() {
        Property.forAll(300, g -> {
            ConvKernelSet kernels = g.oneOf("kernels", sets());
            int c = g.intIn("channels", 1, 4);
            int h = g.intIn("height", 2, 13);
            int w = g.bool("a window row per vector") ? rowVectorWidth() : g.intIn("width", 2, 41);
            int off = g.intIn("offset", 0, 3);
            SplittableRandom rnd = new SplittableRandom(g.seed("values"));
            int outputs = c * (h / 2) * (w / 2);
            double[] x = values(rnd, c * h * w);
            int[] arg = new int[off + outputs + 2];
            kernels.maxPool2x2(x, 0, c, h, w, new double[outputs], 0, arg, off);
            double[] dy = new double[off + outputs + 2];
            for (int i = 0; i < dy.length; i++) {
                int kind = rnd.nextInt(10);
                dy[i] = kind == 0 ? -0.0 : kind == 1 ? Double.NaN : kind == 2 ? 0.0 : rnd.nextDouble(-1, 1);
            }
            double[] dx = values(rnd, off + c * h * w + 3);
            double[] want = dx.clone();
            Arrays.fill(want, off, off + c * h * w, 0.0);
            for (int o = 0; o < outputs; o++) {
                want[off + arg[off + o]] += dy[off + o];
            }
            double[] got = dx.clone();
            kernels.maxPoolAdjoint2x2(dy, off, arg, off, c, h, w, got, off);
            assertTrue(Arrays.equals(want, got), "double adjoint");
            float[] dyf = toFloat(dy);
            float[] wantf = toFloat(dx);
            Arrays.fill(wantf, off, off + c * h * w, 0f);
            for (int o = 0; o < outputs; o++) {
                wantf[off + arg[off + o]] += dyf[off + o];
            }
            float[] gotf = toFloat(dx);
            kernels.maxPoolAdjoint2x2(dyf, off, arg, off, c, h, w, gotf, off);
            assertTrue(Arrays.equals(wantf, gotf), "float adjoint");
        });
    }

    @Test
    void transposesMoveEveryValueExactly() {
        Property.forAll(100, g -> {
            ConvKernelSet kernels = g.oneOf("kernels", sets());
            int rows = g.intIn("rows", 1, 40);
            int cols = g.intIn("cols", 1, 70);
            int off = g.intIn("offset", 0, 3);
            SplittableRandom rnd = new SplittableRandom(g.seed("values"));
            double[] src = values(rnd, off + rows * cols + 2);
            src[off] = -0.0;
            double[] dst = values(rnd, off + rows * cols + 2);
            double[] want = dst.clone();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    want[off + j * rows + i] = src[off + i * cols + j];
                }
            }
            double[] got = dst.clone();
            kernels.transpose(src, off, rows, cols, got, off);
            assertTrue(Arrays.equals(want, got), "double transpose");
            float[] gotf = toFloat(dst);
            kernels.transpose(toFloat(src), off, rows, cols, gotf, off);
            assertTrue(Arrays.equals(toFloat(want), gotf), "float transpose");
        });
    }

    /**
     * A block that ends its array, with fewer rows than a vector has lanes: a masked gather's idle
     * lanes pointed past the end, and C2's gather range-checks them (JDK 25 threw "Range check
     * failed" in W5's conv2 when C2 had compiled the transpose); thousands of calls, so compiled too.
     */
    @Test
    void transposesReadNothingPastTheBlock() {
        for (ConvKernelSet kernels : sets()) {
            for (int rows = 1; rows <= 2 * ConvKernels.lanes(true) + 1; rows++) {
                int cols = 9;
                double[] src = values(new SplittableRandom(rows), rows * cols);
                double[] want = new double[rows * cols];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        want[j * rows + i] = src[i * cols + j];
                    }
                }
                float[] srcf = toFloat(src);
                double[] got = new double[rows * cols];
                float[] gotf = new float[rows * cols];
                for (int rep = 0; rep < 2000; rep++) {
                    kernels.transpose(src, 0, rows, cols, got, 0);
                    kernels.transpose(srcf, 0, rows, cols, gotf, 0);
                }
                assertTrue(Arrays.equals(want, got), kernels + ": double transpose of " + rows + " rows");
                assertTrue(Arrays.equals(toFloat(want), gotf), kernels + ": float transpose of " + rows + " rows");
            }
        }
    }

    /**
     * Eight rows (a convolution's channels to channel-minor; at 16 float lanes, 8 × 16 blocks in
     * registers) and back (rows of 8, as a channel-minor input adjoint returns to channels-first), with
     * whole blocks, a partial last block and offsets: every value moved exactly.
     */
    @Test
    void transposesOfEightRowsAndBackMoveEveryValueExactly() {
        for (ConvKernelSet kernels : sets()) {
            for (int cols : new int[] {1, 15, 16, 17, 31, 32, 33, 144, 150}) {
                for (int off = 0; off < 3; off++) {
                    float[] src = toFloat(values(new SplittableRandom(cols + off), off + 8 * cols + 17));
                    float[] got = toFloat(values(new SplittableRandom(-cols), off + 8 * cols + 17));
                    float[] want = got.clone();
                    for (int i = 0; i < 8; i++) {
                        for (int j = 0; j < cols; j++) {
                            want[off + j * 8 + i] = src[off + i * cols + j];
                        }
                    }
                    kernels.transpose(src, off, 8, cols, got, off);
                    assertTrue(Arrays.equals(want, got), kernels + ": 8 rows, " + cols + " columns, offset " + off);
                    float[] back = toFloat(values(new SplittableRandom(cols - off), off + 8 * cols + 17));
                    float[] wantBack = back.clone();
                    System.arraycopy(src, off, wantBack, off, 8 * cols);
                    kernels.transpose(want, off, cols, 8, back, off);
                    assertTrue(Arrays.equals(wantBack, back), kernels + ": " + cols + " rows of 8, offset " + off);
                }
            }
        }
    }

    /** Columns whose top and bottom rows fill one float vector: the vector pooling's pair-row path. */
    private static int rowVectorWidth() {
        return Math.max(2, ConvKernels.lanes(true) / 2);
    }

    @Test
    void channelLanesAreTheNaiveFmaChainsBitForBit() {
        Property.forAll(200, g -> {
            ConvKernelSet kernels = g.oneOf("kernels", sets());
            int na = g.intIn("outputs", 1, 40);
            int nb = g.intIn("steps", 1, 30);
            int lanes = g.intIn("lanes", 1, 37);
            int samples = g.intIn("samples", 1, 3);
            boolean transposed = g.bool("transposed");
            boolean acc = g.bool("accumulate");
            SplittableRandom rnd = new SplittableRandom(g.seed("values"));
            int[] ia = new int[na];
            int[] ib = new int[nb];
            int span = 0;
            for (int a = 0; a < na; a++) {
                ia[a] = rnd.nextInt(30);
                span = Math.max(span, ia[a]);
            }
            int spanB = 0;
            for (int b = 0; b < nb; b++) {
                ib[b] = rnd.nextInt(30);
                spanB = Math.max(spanB, ib[b]);
            }
            int ldv = lanes + g.intIn("lane padding", 0, 3);
            int vStride = nb * ldv + 1;
            int xStride = span + spanB + 2;
            int ldo = (transposed ? na : lanes) + 2;
            double[] v = values(rnd, samples * vStride);
            double[] x = values(rnd, samples * xStride + 1);
            double[] out = values(rnd, (transposed ? lanes : na) * ldo + 1);
            double[] want = out.clone();
            float[] wantf = toFloat(out);
            float[] vf = toFloat(v);
            float[] xf = toFloat(x);
            for (int a = 0; a < na; a++) {
                for (int l = 0; l < lanes; l++) {
                    double sum = 0;
                    float sumf = 0;
                    for (int s = 0; s < samples; s++) {
                        for (int b = 0; b < nb; b++) {
                            int vi = s * vStride + b * ldv + l;
                            int xi = 1 + s * xStride + ia[a] + ib[b];
                            sum = Math.fma(x[xi], v[vi], sum);
                            sumf = Math.fma(xf[xi], vf[vi], sumf);
                        }
                    }
                    int k = 1 + (transposed ? l * ldo + a : a * ldo + l);
                    want[k] = acc ? want[k] + sum : sum;
                    wantf[k] = acc ? wantf[k] + sumf : sumf;
                }
            }
            double[] got = out.clone();
            kernels.bcast(na, nb, lanes, ia, ib, v, 0, ldv, vStride, x, 1, xStride, samples, transposed, acc, got, 1,
                    ldo);
            assertTrue(Arrays.equals(want, got), "double channel lanes");
            float[] gotf = toFloat(out);
            kernels.bcast(na, nb, lanes, ia, ib, vf, 0, ldv, vStride, xf, 1, xStride, samples, transposed, acc,
                    gotf, 1, ldo);
            assertTrue(Arrays.equals(wantf, gotf), "float channel lanes");
        });
    }

    /**
     * The channel-minor runs product against its definition: every output the fma chain over (s, b)
     * from 0, with runs at arbitrary offsets, lanes over one to three chunks of 3 vectors, outputs
     * scattered through oa and a shuffled ol, and v sized exactly or with slack (the last samples' runs then pass
     * v's end and are read from a padded copy).
     */
    @Test
    void channelMinorRunsAreTheNaiveFmaChainsBitForBit() {
        Property.forAll(200, g -> {
            ConvKernelSet kernels = g.oneOf("kernels", sets());
            int na = g.intIn("outputs", 1, 20);
            int nb = g.intIn("steps", 1, 20);
            int lanes = g.intIn("lanes", 1, 110);
            int samples = g.intIn("samples", 1, 4);
            boolean acc = g.bool("accumulate");
            SplittableRandom rnd = new SplittableRandom(g.seed("values"));
            int[] ia = new int[na];
            int[] ib = new int[nb];
            int[] iv = new int[nb];
            for (int a = 0; a < na; a++) {
                ia[a] = rnd.nextInt(20);
            }
            int spanV = 0;
            for (int b = 0; b < nb; b++) {
                ib[b] = rnd.nextInt(20);
                iv[b] = rnd.nextInt(30);
                spanV = Math.max(spanV, iv[b]);
            }
            int[] oa = new int[na];
            int[] ol = new int[lanes];
            for (int a = 0; a < na; a++) {
                oa[a] = a * lanes;
            }
            for (int l = 0; l < lanes; l++) {
                ol[l] = l;
            }
            for (int l = lanes - 1; l > 0; l--) {
                int m = rnd.nextInt(l + 1);
                int t = ol[l];
                ol[l] = ol[m];
                ol[m] = t;
            }
            int vStride = spanV + lanes + g.intIn("stride slack", 0, 5);
            int vOff = g.intIn("v offset", 0, 3);
            int vLength = vOff + (samples - 1) * vStride + spanV + lanes + g.intIn("v slack", 0, 60);
            int xStride = 41;
            double[] v = values(rnd, vLength);
            double[] x = values(rnd, samples * xStride + 1);
            double[] out = values(rnd, na * lanes + 2);
            double[] want = out.clone();
            float[] wantf = toFloat(out);
            float[] vf = toFloat(v);
            float[] xf = toFloat(x);
            for (int a = 0; a < na; a++) {
                for (int l = 0; l < lanes; l++) {
                    double sum = 0;
                    float sumf = 0;
                    for (int s = 0; s < samples; s++) {
                        for (int b = 0; b < nb; b++) {
                            int vi = vOff + s * vStride + iv[b] + l;
                            int xi = 1 + s * xStride + ia[a] + ib[b];
                            sum = Math.fma(x[xi], v[vi], sum);
                            sumf = Math.fma(xf[xi], vf[vi], sumf);
                        }
                    }
                    int k = 2 + oa[a] + ol[l];
                    want[k] = acc ? want[k] + sum : sum;
                    wantf[k] = acc ? wantf[k] + sumf : sumf;
                }
            }
            double[] got = out.clone();
            kernels.runs(na, nb, lanes, ia, ib, iv, v, vOff, vStride, x, 1, xStride, samples, acc, got, 2, oa, ol);
            assertTrue(Arrays.equals(want, got), "double runs");
            float[] gotf = toFloat(out);
            kernels.runs(na, nb, lanes, ia, ib, iv, vf, vOff, vStride, xf, 1, xStride, samples, acc, gotf, 2, oa, ol);
            assertTrue(Arrays.equals(wantf, gotf), "float runs");
        });
    }

    @Test
    void col2imIsTheNaiveSumOfShiftedColumns() {
        Property.forAll(200, g -> {
            ConvKernelSet kernels = g.oneOf("kernels", sets());
            int c = g.intIn("channels", 1, 3);
            int kh = g.intIn("kh", 1, 5);
            int kw = g.intIn("kw", 1, 5);
            int pad = g.intIn("pad", 0, 3);
            int h = g.intIn("h", Math.max(1, kh - 2 * pad), 14);
            int w = g.intIn("w", Math.max(1, kw - 2 * pad), 40);
            int oh = h + 2 * pad - kh + 1;
            int ow = w + 2 * pad - kw + 1;
            int ldp = oh * ow + g.intIn("column padding", 0, 3);
            SplittableRandom rnd = new SplittableRandom(g.seed("values"));
            int pOff = kw + 1;
            double[] p = values(rnd, pOff + c * kh * kw * ldp + w + pad + kernels.lanes(false) + kernels.lanes(true));
            double[] want = values(rnd, c * h * w + 4);
            double[] out = want.clone();
            float[] outf = toFloat(want);
            float[] pf = toFloat(p);
            float[] wantf = toFloat(want);
            for (int ch = 0; ch < c; ch++) {
                for (int ih = 0; ih < h; ih++) {
                    for (int iw = 0; iw < w; iw++) {
                        double sum = 0;
                        float sumf = 0;
                        for (int i = 0; i < kh; i++) {
                            for (int j = 0; j < kw; j++) {
                                int r = ih + pad - i;
                                int q = iw + pad - j;
                                if (r >= 0 && r < oh && q >= 0 && q < ow) {
                                    int k = pOff + ((ch * kh + i) * kw + j) * ldp + r * ow + q;
                                    sum += p[k];
                                    sumf += pf[k];
                                }
                            }
                        }
                        want[3 + (ch * h + ih) * w + iw] = sum;
                        wantf[3 + (ch * h + ih) * w + iw] = sumf;
                    }
                }
            }
            kernels.col2im(c, h, w, kh, kw, pad, oh, ow, p, pOff, ldp, out, 3);
            assertTrue(Arrays.equals(want, out), "double col2im");
            kernels.col2im(c, h, w, kh, kw, pad, oh, ow, pf, pOff, ldp, outf, 3);
            assertTrue(Arrays.equals(wantf, outf), "float col2im");
        });
    }

    @Test
    void sumsAgreeWithASequentialSum() {
        Property.forAll(100, g -> {
            ConvKernelSet kernels = g.oneOf("kernels", sets());
            int n = g.intIn("n", 0, 700);
            int count = g.intIn("planes", 1, 4);
            int stride = n + g.intIn("stride padding", 0, 20);
            int off = g.intIn("offset", 0, 3);
            SplittableRandom rnd = new SplittableRandom(g.seed("values"));
            double[] x = values(rnd, off + count * stride + 2);
            float[] xf = toFloat(x);
            double[] got = new double[count + 2];
            double[] gotf = new double[count + 2];
            kernels.sums(x, off, n, stride, count, got, 1);
            kernels.sums(xf, off, n, stride, count, gotf, 1);
            for (int r = 0; r < count; r++) {
                double want = 0;
                double wantf = 0;
                double abs = 0;
                for (int i = 0; i < n; i++) {
                    want += x[off + r * stride + i];
                    wantf += xf[off + r * stride + i];
                    abs += Math.abs(x[off + r * stride + i]);
                }
                assertEquals(want, got[1 + r], 1e-14 * (abs + 1), "double plane " + r);
                assertEquals(wantf, gotf[1 + r], 1e-14 * (abs + 1), "float plane " + r + ", widened");
            }
            assertEquals(0.0, got[0], "nothing written before outOff");
            assertEquals(0.0, got[count + 1], "nothing written after the planes");
        });
    }

    @Test
    void rowCopiesMoveExactlyTheirRuns() {
        Property.forAll(100, g -> {
            ConvKernelSet kernels = g.oneOf("kernels", sets());
            int count = g.intIn("count", 0, 6);
            int len = g.intIn("len", 0, 40);
            int sStride = len + g.intIn("source padding", 0, 5);
            int dStride = len + g.intIn("target padding", 0, 5);
            boolean add = g.bool("add");
            SplittableRandom rnd = new SplittableRandom(g.seed("values"));
            double[] src = values(rnd, 1 + count * sStride);
            src[0] = -0.0;
            double[] dst = values(rnd, 2 + count * dStride + 3);
            double[] want = dst.clone();
            for (int r = 0; r < count; r++) {
                for (int j = 0; j < len; j++) {
                    double v = src[1 + r * sStride + j];
                    want[2 + r * dStride + j] = add ? v + 0.25 : v;
                }
            }
            double[] got = dst.clone();
            kernels.copyRows(src, 1, sStride, got, 2, dStride, count, len, add, 0.25);
            assertTrue(Arrays.equals(want, got), "double rows");
            float[] gotf = toFloat(dst);
            kernels.copyRows(toFloat(src), 1, sStride, gotf, 2, dStride, count, len, add, 0.25f);
            float[] wantf = toFloat(dst);
            for (int r = 0; r < count; r++) {
                for (int j = 0; j < len; j++) {
                    float v = (float) src[1 + r * sStride + j];
                    wantf[2 + r * dStride + j] = add ? v + 0.25f : v;
                }
            }
            assertTrue(Arrays.equals(wantf, gotf), "float rows");
        });
    }

    /** The kernels under test: the Vector API's when they load, and the scalar twin at every width. */
    static List<ConvKernelSet> sets() {
        List<ConvKernelSet> sets = new ArrayList<>();
        if (ConvKernels.available()) {
            sets.add(ConvKernels.loaded());
        }
        for (int bits : new int[] {128, 256, 512}) {
            sets.add(new ScalarConvKernels(bits));
        }
        return sets;
    }

    /** A random kernel geometry: rows, span, taps with offsets, samples with their strides. */
    record Geometry(int rows, int span, int taps, int[] off, int ldw, int ldo, int iStride, int oStride,
                            int samples) {

        static Geometry draw(Gen g) {
            int rows = g.intIn("rows", 1, 19);
            int span = g.oneOf("span kind", List.of("short", "long")).equals("short")
                    ? g.intIn("span", 1, 40) : g.intIn("span", 40, 700);
            int taps = g.intIn("taps", 1, 30);
            int[] off = new int[taps];
            SplittableRandom rnd = new SplittableRandom(g.seed("offsets"));
            int maxOff = 0;
            for (int b = 0; b < taps; b++) {
                off[b] = rnd.nextInt(60);
                maxOff = Math.max(maxOff, off[b]);
            }
            int ldw = rows + g.intIn("weight padding", 0, 3);
            int ldo = span + g.intIn("output padding", 0, 3);
            int iStride = maxOff + span + g.intIn("input padding", 0, 4);
            int oStride = rows * ldo + g.intIn("output sample padding", 0, 4);
            return new Geometry(rows, span, taps, off, ldw, ldo, iStride, oStride, g.intIn("samples", 1, 3));
        }

        @Override
        public String toString() {
            return "rows=" + rows + " span=" + span + " taps=" + taps + " samples=" + samples;
        }
    }

    static double[] values(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return v;
    }

    static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
