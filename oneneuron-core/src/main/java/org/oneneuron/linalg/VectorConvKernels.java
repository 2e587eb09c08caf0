package org.oneneuron.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/** {@link ConvKernelSet} on the Vector API; public for reflective creation by {@link ConvKernels}. */
public final class VectorConvKernels implements ConvKernelSet {

    private static final VectorSpecies<Float> SF = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> SD = DoubleVector.SPECIES_PREFERRED;
    /**
     * Half a preferred float vector: a row's tail of exactly half a vector (W5's conv2 copies rows
     * of 8 floats) is copied unmasked; masked loads and stores made W5's conv2 value 1.3x slower.
     */
    private static final VectorSpecies<Float> SH =
            VectorSpecies.of(float.class, VectorShape.forBitSize(Math.max(64, SF.vectorBitSize() / 2)));
    private static final ThreadLocal<int[]> STRIDE = ThreadLocal.withInitial(() -> new int[SF.length()]);
    /** {@link #interleave}'s gather map, then the rows and columns it was made for. */
    private static final ThreadLocal<int[]> INTERLEAVE = ThreadLocal.withInitial(() -> new int[SF.length() + 2]);
    private static final ThreadLocal<double[]> LANES = ThreadLocal.withInitial(() -> new double[2 * SD.length()]);

    /** Created by {@link ConvKernels} only. */
    public VectorConvKernels() {
    }

    @Override
    public void rows(int rows, int span, int taps, int[] off, float[] w, int wOff, int ldw, float[] in, int iOff,
                     int iStride, boolean accumulate, float[] out, int oOff, int ldo, int oStride, int samples) {
        VectorShiftFloat.rows(rows, span, taps, off, w, wOff, ldw, in, iOff, iStride, accumulate, out, oOff, ldo,
                oStride, samples);
    }

    @Override
    public void rows(int rows, int span, int taps, int[] off, double[] w, int wOff, int ldw, double[] in, int iOff,
                     int iStride, boolean accumulate, double[] out, int oOff, int ldo, int oStride, int samples) {
        VectorShiftDouble.rows(rows, span, taps, off, w, wOff, ldw, in, iOff, iStride, accumulate, out, oOff, ldo,
                oStride, samples);
    }

    @Override
    public void dots(int rows, int span, int taps, int[] off, float[] d, int dOff, int ldd, int dStride, float[] in,
                     int iOff, int iStride, int samples, boolean accumulate, float[] g, int gOff, int ldg) {
        VectorShiftFloat.dots(rows, span, taps, off, d, dOff, ldd, dStride, in, iOff, iStride, samples, accumulate,
                g, gOff, ldg);
    }

    @Override
    public void dots(int rows, int span, int taps, int[] off, double[] d, int dOff, int ldd, int dStride,
                     double[] in, int iOff, int iStride, int samples, boolean accumulate, double[] g, int gOff,
                     int ldg) {
        VectorShiftDouble.dots(rows, span, taps, off, d, dOff, ldd, dStride, in, iOff, iStride, samples, accumulate,
                g, gOff, ldg);
    }

    @Override
    public void maxPool2x2(float[] x, int xOff, int channels, int h, int w, float[] y, int yOff, int[] arg, int aOff) {
        VectorPool.maxPool2x2(x, xOff, channels, h, w, y, yOff, arg, aOff);
    }

    @Override
    public void maxPool2x2(double[] x, int xOff, int channels, int h, int w, double[] y, int yOff, int[] arg,
                           int aOff) {
        VectorPool.maxPool2x2(x, xOff, channels, h, w, y, yOff, arg, aOff);
    }

    @Override
    public void maxPoolAdjoint2x2(float[] dy, int dyOff, int[] arg, int aOff, int channels, int h, int w, float[] dx,
                                  int dxOff) {
        VectorPool.maxPoolAdjoint2x2(dy, dyOff, arg, aOff, channels, h, w, dx, dxOff);
    }

    @Override
    public void maxPoolAdjoint2x2(double[] dy, int dyOff, int[] arg, int aOff, int channels, int h, int w,
                                  double[] dx, int dxOff) {
        ScalarPool.maxPoolAdjoint(dy, dyOff, arg, aOff, channels * (h / 2) * (w / 2), channels * h * w, dx,
                dxOff);
    }

    /**
     * dst (cols × rows) = srcᵀ: each of dst's rows gathered from a column of src, a vector of
     * src's rows per gather, the last rows % L rows copied one by one (a masked gather's idle lanes
     * may point past src, and C2's gather checks them: JDK 25 threw there). Fewer rows than a
     * vector that divide it gather L / rows columns at once; 8 rows at 16 lanes (a conv's 8 channels)
     * go through registers instead ({@link VectorTransposeFloat#halfBlock}: W5's 8 × 144 input to
     * channel-minor in 0.20 against 0.50 µs per sample, docs/perf/wave14). Exact either way.
     */
    @Override
    public void transpose(float[] src, int sOff, int rows, int cols, float[] dst, int dOff) {
        int l = SF.length();
        if (VectorTransposeFloat.FITS && rows == 8 && cols >= 16) {
            int j = 0;
            for (; j + 16 <= cols; j += 16) {
                VectorTransposeFloat.halfBlock(src, sOff + j, cols, dst, dOff + j * 8);
            }
            for (; j < cols; j++) {
                for (int i = 0; i < 8; i++) {
                    dst[dOff + j * 8 + i] = src[sOff + i * cols + j];
                }
            }
            return;
        }
        if (VectorTransposeFloat.FITS && cols == 8 && rows >= 16) {
            int i = 0;
            for (; i + 16 <= rows; i += 16) {
                VectorTransposeFloat.halfBlockBack(src, sOff + i * 8, dst, dOff + i, rows);
            }
            for (; i < rows; i++) {
                for (int j = 0; j < 8; j++) {
                    dst[dOff + j * rows + i] = src[sOff + i * 8 + j];
                }
            }
            return;
        }
        if (rows < l && l % rows == 0 && cols >= l / rows) {
            interleave(src, sOff, rows, cols, dst, dOff);
            return;
        }
        int[] map = stride(l, cols);
        int whole = rows - rows % l;
        for (int i0 = 0; i0 < whole; i0 += l) {
            for (int j = 0; j < cols; j++) {
                FloatVector.fromArray(SF, src, sOff + i0 * cols + j, map, 0).intoArray(dst, dOff + j * rows + i0);
            }
        }
        for (int j = 0; j < cols; j++) {
            for (int i = whole; i < rows; i++) {
                dst[dOff + j * rows + i] = src[sOff + i * cols + j];
            }
        }
    }

    /** {@link #transpose} of rows dividing L: lane k of a gather reads row k % rows, column j + k / rows. */
    private static void interleave(float[] src, int sOff, int rows, int cols, float[] dst, int dOff) {
        int l = SF.length();
        int per = l / rows;
        int[] map = INTERLEAVE.get();
        if (map[l] != rows || map[l + 1] != cols) {
            for (int k = 0; k < l; k++) {
                map[k] = (k % rows) * cols + k / rows;
            }
            map[l] = rows;
            map[l + 1] = cols;
        }
        int j = 0;
        for (; j + per <= cols; j += per) {
            FloatVector.fromArray(SF, src, sOff + j, map, 0).intoArray(dst, dOff + j * rows);
        }
        for (; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                dst[dOff + j * rows + i] = src[sOff + i * cols + j];
            }
        }
    }

    @Override
    public void transpose(double[] src, int sOff, int rows, int cols, double[] dst, int dOff) {
        int l = SD.length();
        int[] map = stride(l, cols);
        int whole = rows - rows % l;
        for (int i0 = 0; i0 < whole; i0 += l) {
            for (int j = 0; j < cols; j++) {
                DoubleVector.fromArray(SD, src, sOff + i0 * cols + j, map, 0).intoArray(dst, dOff + j * rows + i0);
            }
        }
        for (int j = 0; j < cols; j++) {
            for (int i = whole; i < rows; i++) {
                dst[dOff + j * rows + i] = src[sOff + i * cols + j];
            }
        }
    }

    /** The per-thread gather map {0, cols, 2·cols, …} of {@link #transpose}. */
    private static int[] stride(int lanes, int cols) {
        int[] map = STRIDE.get();
        if (map[1] != cols) {
            for (int i = 0; i < map.length; i++) {
                map[i] = i * cols;
            }
        }
        return map;
    }

    @Override
    public int lanes(boolean single) {
        return single ? FloatVector.SPECIES_PREFERRED.length() : DoubleVector.SPECIES_PREFERRED.length();
    }

    @Override
    public void bcast(int na, int nb, int lanes, int[] ia, int[] ib, float[] v, int vOff, int ldv, int vStride,
                      float[] x, int xOff, int xStride, int samples, boolean transposed, boolean accumulate,
                      float[] out, int oOff, int ldo) {
        VectorLaneFloat.bcast(na, nb, lanes, ia, ib, v, vOff, ldv, vStride, x, xOff, xStride, samples, transposed,
                accumulate, out, oOff, ldo);
    }

    @Override
    public void bcast(int na, int nb, int lanes, int[] ia, int[] ib, double[] v, int vOff, int ldv, int vStride,
                      double[] x, int xOff, int xStride, int samples, boolean transposed, boolean accumulate,
                      double[] out, int oOff, int ldo) {
        VectorLaneDouble.bcast(na, nb, lanes, ia, ib, v, vOff, ldv, vStride, x, xOff, xStride, samples, transposed,
                accumulate, out, oOff, ldo);
    }

    @Override
    public void runs(int na, int nb, int lanes, int[] ia, int[] ib, int[] iv, float[] v, int vOff, int vStride,
                     float[] x, int xOff, int xStride, int samples, boolean accumulate, float[] out, int oOff, int[] oa,
                     int[] ol) {
        VectorRunFloat.runs(na, nb, lanes, ia, ib, iv, v, vOff, vStride, x, xOff, xStride, samples, accumulate, out,
                oOff, oa, ol);
    }

    @Override
    public void runs(int na, int nb, int lanes, int[] ia, int[] ib, int[] iv, double[] v, int vOff, int vStride,
                     double[] x, int xOff, int xStride, int samples, boolean accumulate, double[] out, int oOff,
                     int[] oa, int[] ol) {
        VectorRunDouble.runs(na, nb, lanes, ia, ib, iv, v, vOff, vStride, x, xOff, xStride, samples, accumulate, out,
                oOff, oa, ol);
    }

    @Override
    public void sparseRuns(int na, int nb, int nu, int[] ia, int[] iv, int[] vo, float[] v, int vOff, int vStride,
                           float[] x, int xOff, int xStride, int samples, boolean accumulate, float[] out, int oOff,
                           int[] oa, int[] ol) {
        VectorSparseFloat.runs(na, nb, nu, ia, iv, vo, v, vOff, vStride, x, xOff, xStride, samples, accumulate, out,
                oOff, oa, ol);
    }

    @Override
    public void sparseRuns(int na, int nb, int nu, int[] ia, int[] iv, int[] vo, double[] v, int vOff, int vStride,
                           double[] x, int xOff, int xStride, int samples, boolean accumulate, double[] out, int oOff,
                           int[] oa, int[] ol) {
        VectorSparseDouble.runs(na, nb, nu, ia, iv, vo, v, vOff, vStride, x, xOff, xStride, samples, accumulate, out,
                oOff, oa, ol);
    }

    @Override
    public void sparseAdjoint(int filters, int positions, int nu, int rowVectors, float[] d, int dOff, float[] k,
                              int ldk, int[] ko, int[] po, int[] xo, float[] dx, int dxOff) {
        VectorSparseFloat.adjoint(filters, positions, nu, rowVectors, d, dOff, k, ldk, ko, po, xo, dx, dxOff);
    }

    @Override
    public void sparseAdjoint(int filters, int positions, int nu, int rowVectors, double[] d, int dOff, double[] k,
                              int ldk, int[] ko, int[] po, int[] xo, double[] dx, int dxOff) {
        VectorSparseDouble.adjoint(filters, positions, nu, rowVectors, d, dOff, k, ldk, ko, po, xo, dx, dxOff);
    }

    @Override
    public void col2im(int channels, int h, int w, int kh, int kw, int pad, int oh, int ow, float[] p, int pOff,
                       int ldp, float[] dx, int dxOff) {
        VectorLaneFloat.col2im(channels, h, w, kh, kw, pad, oh, ow, p, pOff, ldp, dx, dxOff);
    }

    @Override
    public void col2im(int channels, int h, int w, int kh, int kw, int pad, int oh, int ow, double[] p, int pOff,
                       int ldp, double[] dx, int dxOff) {
        VectorLaneDouble.col2im(channels, h, w, kh, kw, pad, oh, ow, p, pOff, ldp, dx, dxOff);
    }

    /**
     * out[outOff + r] = Σ x[off + r·stride + i], i &lt; n, for r &lt; count: per plane, two double
     * vectors of lane sums (each float vector widened in halves), then the lanes added in index
     * order and the tail. All planes' lane vectors are stored before any is added up, so the
     * scalar sums read committed stores and run side by side (one plane at a time, each waited on
     * its own vector stores).
     */
    @Override
    public void sums(float[] x, int off, int n, int stride, int count, double[] out, int outOff) {
        int l = SF.length();
        int ld = SD.length();
        int full = n - n % l;
        double[] lanes = lanes(count * 2 * ld);
        for (int r = 0; r < count; r++) {
            int o = off + r * stride;
            DoubleVector a0 = DoubleVector.zero(SD);
            DoubleVector a1 = DoubleVector.zero(SD);
            for (int i = 0; i < full; i += l) {
                FloatVector v = FloatVector.fromArray(SF, x, o + i);
                a0 = a0.add((DoubleVector) v.convertShape(VectorOperators.F2D, SD, 0));
                a1 = a1.add((DoubleVector) v.convertShape(VectorOperators.F2D, SD, 1));
            }
            a0.intoArray(lanes, r * 2 * ld);
            a1.intoArray(lanes, r * 2 * ld + ld);
        }
        for (int r = 0; r < count; r++) {
            double s = 0;
            for (int k = r * 2 * ld; k < (r + 1) * 2 * ld; k++) {
                s += lanes[k];
            }
            for (int i = off + r * stride + full; i < off + r * stride + n; i++) {
                s += x[i];
            }
            out[outOff + r] = s;
        }
    }

    @Override
    public void sums(double[] x, int off, int n, int stride, int count, double[] out, int outOff) {
        int l = SD.length();
        int full = n - n % l;
        double[] lanes = lanes(count * l);
        for (int r = 0; r < count; r++) {
            int o = off + r * stride;
            DoubleVector a0 = DoubleVector.zero(SD);
            for (int i = 0; i < full; i += l) {
                a0 = a0.add(DoubleVector.fromArray(SD, x, o + i));
            }
            a0.intoArray(lanes, r * l);
        }
        for (int r = 0; r < count; r++) {
            double s = 0;
            for (int k = r * l; k < (r + 1) * l; k++) {
                s += lanes[k];
            }
            for (int i = off + r * stride + full; i < off + r * stride + n; i++) {
                s += x[i];
            }
            out[outOff + r] = s;
        }
    }

    /** The per-thread lane vectors of {@link #sums}. */
    private static double[] lanes(int n) {
        double[] a = LANES.get();
        if (a.length < n) {
            a = new double[n];
            LANES.set(a);
        }
        return a;
    }

    @Override
    public void copyRows(float[] src, int sOff, int sStride, float[] dst, int dOff, int dStride, int count, int len,
                         boolean add, float addend) {
        int l = SF.length();
        int full = len - len % l;
        int half = l / 2;
        boolean halfTail = len - full == half && half >= 4;
        VectorMask<Float> tail = SF.indexInRange(0, len - full);
        for (int r = 0; r < count; r++) {
            int s = sOff + r * sStride;
            int d = dOff + r * dStride;
            for (int j = 0; j < full; j += l) {
                FloatVector v = FloatVector.fromArray(SF, src, s + j);
                (add ? v.add(addend) : v).intoArray(dst, d + j);
            }
            if (halfTail) {
                FloatVector v = FloatVector.fromArray(SH, src, s + full);
                (add ? v.add(addend) : v).intoArray(dst, d + full);
            } else if (full < len) {
                FloatVector v = FloatVector.fromArray(SF, src, s + full, tail);
                (add ? v.add(addend) : v).intoArray(dst, d + full, tail);
            }
        }
    }

    @Override
    public void copyRows(double[] src, int sOff, int sStride, double[] dst, int dOff, int dStride, int count, int len,
                         boolean add, double addend) {
        int l = SD.length();
        int full = len - len % l;
        VectorMask<Double> tail = SD.indexInRange(0, len - full);
        for (int r = 0; r < count; r++) {
            int s = sOff + r * sStride;
            int d = dOff + r * dStride;
            for (int j = 0; j < full; j += l) {
                DoubleVector v = DoubleVector.fromArray(SD, src, s + j);
                (add ? v.add(addend) : v).intoArray(dst, d + j);
            }
            if (full < len) {
                DoubleVector v = DoubleVector.fromArray(SD, src, s + full, tail);
                (add ? v.add(addend) : v).intoArray(dst, d + full, tail);
            }
        }
    }
}
