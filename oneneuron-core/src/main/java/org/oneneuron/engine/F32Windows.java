package org.oneneuron.engine;

import org.oneneuron.linalg.Blas;

/**
 * The float32 rules of {@link Arith} over windows of a sample's planes: gathers and scatters,
 * max and mean pooling, im2col/col2im, and the shifted-row convolution kernels of ({@code conv})
 * with the row packing around them. {@link F32Arith} adds the dense and element-wise rules.
 */
abstract class F32Windows extends PlaneArith {

    F32Windows(Blas blas) {
        super(blas);
    }

    @Override
    void gather(Buf src, int sOff, int[] idx, int iOff, int n, Buf dst, int dOff) {
        float[] s = src.f;
        float[] d = dst.f;
        for (int i = 0; i < n; i++) {
            int k = idx[iOff + i];
            d[dOff + i] = k < 0 ? 0f : s[sOff + k];
        }
    }

    @Override
    void scatterAdd(Buf src, int sOff, int[] idx, int iOff, int n, int group, double alpha, Buf dst, int dOff) {
        float[] s = src.f;
        float[] d = dst.f;
        float a = (float) alpha;
        if (group == 1 && a == 1f) {
            for (int i = 0; i < n; i++) {
                int k = idx[iOff + i];
                if (k >= 0) {
                    d[dOff + k] += s[sOff + i];
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            int k = idx[iOff + i];
            if (k >= 0) {
                d[dOff + k] += a == 1f ? s[sOff + i / group] : a * s[sOff + i / group];
            }
        }
    }

    @Override
    void maxWindows(Buf src, int sOff, int[] win, int k, int outputs, Buf dst, int dOff, int[] arg, int aOff) {
        float[] s = src.f;
        for (int o = 0; o < outputs; o++) {
            int base = o * k;
            int best = win[base];
            float m = s[sOff + best];
            for (int j = 1; j < k; j++) {
                int at = win[base + j];
                float v = s[sOff + at];
                if (v > m || v != v) {
                    m = v;
                    best = at;
                }
            }
            dst.f[dOff + o] = m;
            arg[aOff + o] = best;
        }
    }

    @Override
    void maxPool2x2(Buf src, int sOff, int channels, int h, int w, Buf dst, int dOff, int[] arg, int aOff) {
        rows.maxPool2x2(src.f, sOff, channels, h, w, dst.f, dOff, arg, aOff);
    }

    @Override
    void maxPoolAdjoint2x2(Buf dy, int dyOff, int[] arg, int aOff, int channels, int h, int w, Buf dx, int dxOff) {
        rows.maxPoolAdjoint2x2(dy.f, dyOff, arg, aOff, channels, h, w, dx.f, dxOff);
    }

    @Override
    void meanWindows(Buf src, int sOff, int[] win, int k, int outputs, Buf dst, int dOff) {
        float[] s = src.f;
        float inv = 1f / k;
        for (int o = 0; o < outputs; o++) {
            float acc = 0;
            for (int j = 0; j < k; j++) {
                acc += s[sOff + win[o * k + j]];
            }
            dst.f[dOff + o] = acc * inv;
        }
    }

    @Override
    void im2col(Buf x, int xOff, int[] runs, Buf cols, int ld, int colBase) {
        float[] src = x.f;
        float[] dst = cols.f;
        for (int q = 0; q < runs.length; q += 5) {
            int s = xOff + runs[q];
            int o = runs[q + 1] * ld + colBase + runs[q + 2];
            int len = runs[q + 3];
            int stride = runs[q + 4];
            if (stride == 1 && len > 32) {
                System.arraycopy(src, s, dst, o, len);
            } else if (stride == 1) {
                for (int t = 0; t < len; t++) {
                    dst[o + t] = src[s + t];
                }
            } else {
                for (int t = 0; t < len; t++) {
                    dst[o + t] = src[s + t * stride];
                }
            }
        }
    }

    @Override
    void col2im(Buf cols, int ld, int colBase, int[] runs, Buf dx, int dxOff) {
        float[] src = cols.f;
        float[] dst = dx.f;
        for (int q = 0; q < runs.length; q += 5) {
            int s = dxOff + runs[q];
            int o = runs[q + 1] * ld + colBase + runs[q + 2];
            int len = runs[q + 3];
            int stride = runs[q + 4];
            for (int t = 0; t < len; t++) {
                dst[s + t * stride] += src[o + t];
            }
        }
    }

    @Override
    void shiftRows(int rows, int span, int taps, int[] off, Buf w, int wOff, int ldw, Buf in, int iOff, int iStride,
                   boolean accumulate, Buf out, int oOff, int ldo, int oStride, int samples) {
        conv.rows(rows, span, taps, off, w.f, wOff, ldw, in.f, iOff, iStride, accumulate, out.f, oOff, ldo,
                oStride, samples);
    }

    @Override
    void shiftDots(int rows, int span, int taps, int[] off, Buf d, int dOff, int ldd, int dStride, Buf in, int iOff,
                   int iStride, int samples, boolean accumulate, Buf g, int gOff, int ldg) {
        conv.dots(rows, span, taps, off, d.f, dOff, ldd, dStride, in.f, iOff, iStride, samples, accumulate,
                g.f, gOff, ldg);
    }

    @Override
    void planeSums(Buf x, int off, int n, int stride, int count, double[] out) {
        conv.sums(x.f, off, n, stride, count, out, 0);
    }

    @Override
    int lanes() {
        return conv == null ? 1 : conv.lanes(true);
    }

    @Override
    void laneProduct(int na, int nb, int lanes, int[] ia, int[] ib, Buf v, int vOff, int ldv, int vStride, Buf in,
                     int iOff, int iStride, int samples, boolean transposed, boolean accumulate, Buf out, int oOff,
                     int ldo) {
        conv.bcast(na, nb, lanes, ia, ib, v.f, vOff, ldv, vStride, in.f, iOff, iStride, samples, transposed,
                accumulate, out.f, oOff, ldo);
    }

    @Override
    void runProduct(int na, int nb, int lanes, int[] ia, int[] ib, int[] iv, Buf v, int vOff, int vStride, Buf in,
                    int iOff, int iStride, int samples, boolean accumulate, Buf out, int oOff, int[] oa, int[] ol) {
        conv.runs(na, nb, lanes, ia, ib, iv, v.f, vOff, vStride, in.f, iOff, iStride, samples, accumulate, out.f,
                oOff, oa, ol);
    }

    @Override
    void sparseRunProduct(int na, int nb, int nu, int[] ia, int[] iv, int[] vo, Buf v, int vOff, int vStride, Buf in,
                          int iOff, int iStride, int samples, boolean accumulate, Buf out, int oOff, int[] oa,
                          int[] ol) {
        conv.sparseRuns(na, nb, nu, ia, iv, vo, v.f, vOff, vStride, in.f, iOff, iStride, samples, accumulate, out.f,
                oOff, oa, ol);
    }

    @Override
    void sparseAdjoint(int filters, int positions, int nu, int rowVectors, Buf d, int dOff, Buf k, int ldk, int[] ko,
                       int[] po, int[] xo, Buf dx, int dxOff) {
        conv.sparseAdjoint(filters, positions, nu, rowVectors, d.f, dOff, k.f, ldk, ko, po, xo, dx.f, dxOff);
    }

    @Override
    void col2im(int channels, int h, int w, int kh, int kw, int pad, int oh, int ow, Buf cols, int cOff, int ldc,
                Buf dx, int dxOff) {
        conv.col2im(channels, h, w, kh, kw, pad, oh, ow, cols.f, cOff, ldc, dx.f, dxOff);
    }

    @Override
    void transpose(Buf src, int sOff, int rows, int cols, Buf dst, int dOff) {
        this.rows.transpose(src.f, sOff, rows, cols, dst.f, dOff);
    }

    @Override
    void packPlanes(Buf src, int sOff, int sChannel, int sRow, Buf bias, int bOff, int channels, int h, int w,
                    Buf dst, int dOff) {
        for (int c = 0; c < channels; c++) {
            rows.copyRows(src.f, sOff + c * sChannel, sRow, dst.f, dOff + c * h * w, w, h, w, bias != null,
                    bias == null ? 0 : bias.f[bOff + c]);
        }
    }

    @Override
    void copyRuns(Buf src, int sOff, int sStride, Buf dst, int dOff, int dStride, int count, int len) {
        if (len < 32) {
            rows.copyRows(src.f, sOff, sStride, dst.f, dOff, dStride, count, len, false, 0);
            return;
        }
        for (int i = 0; i < count; i++) {
            System.arraycopy(src.f, sOff + i * sStride, dst.f, dOff + i * dStride, len);
        }
    }
}
