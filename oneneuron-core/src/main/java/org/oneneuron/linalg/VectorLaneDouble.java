package org.oneneuron.linalg;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * double-precision kernels of {@link ConvKernels} with the channels in the lanes: {@code bcast}
 * keeps a tile of 16 outputs × one vector of lanes in registers; per step b, one vector load of
 * v's row b and 16 broadcast inputs, 16 fused multiply-adds. {@code col2im} sums, per input row (four
 * channels at a time, four independent chains), the shifted rows of the columns in a register, the lanes outside the output cleared by a bit mask
 * (one per column shift j), stored into dx (masked past the row's end; a copy through rows padded
 * to whole vectors cost one arraycopy call per row). No Vector API value crosses a method of ours (see
 * {@link VectorSgemm}).
 */
final class VectorLaneDouble {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int TILE_ROWS = 16;
    private static final ThreadLocal<double[]> TILE = ThreadLocal.withInitial(() -> new double[TILE_ROWS * L]);
    private static final VectorSpecies<Long> SB = S.withLanes(long.class);
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private VectorLaneDouble() {
    }

    static void bcast(int na, int nb, int lanes, int[] ia, int[] ib, double[] v, int vOff, int ldv, int vStride, double[] x,
                      int xOff, int xStride, int samples, boolean transposed, boolean accumulate, double[] out, int oOff,
                      int ldo) {
        double[] tile = TILE.get();
        int l0 = 0;
        for (; lanes - l0 > L; l0 += 2 * L) {
            pairs(na, nb, lanes, l0, ia, ib, v, vOff, ldv, vStride, x, xOff, xStride, samples, transposed, accumulate,
                    out, oOff, ldo, tile);
        }
        for (; l0 < lanes; l0 += L) {
            int ln = Math.min(L, lanes - l0);
            VectorMask<Double> part = S.indexInRange(0, ln);
            for (int a0 = 0; a0 < na; a0 += TILE_ROWS) {
                int an = Math.min(TILE_ROWS, na - a0);
                int i0 = ia[a0];
                int i1 = ia[a0 + Math.min(1, an - 1)];
                int i2 = ia[a0 + Math.min(2, an - 1)];
                int i3 = ia[a0 + Math.min(3, an - 1)];
                int i4 = ia[a0 + Math.min(4, an - 1)];
                int i5 = ia[a0 + Math.min(5, an - 1)];
                int i6 = ia[a0 + Math.min(6, an - 1)];
                int i7 = ia[a0 + Math.min(7, an - 1)];
                int i8 = ia[a0 + Math.min(8, an - 1)];
                int i9 = ia[a0 + Math.min(9, an - 1)];
                int i10 = ia[a0 + Math.min(10, an - 1)];
                int i11 = ia[a0 + Math.min(11, an - 1)];
                int i12 = ia[a0 + Math.min(12, an - 1)];
                int i13 = ia[a0 + Math.min(13, an - 1)];
                int i14 = ia[a0 + Math.min(14, an - 1)];
                int i15 = ia[a0 + Math.min(15, an - 1)];
                DoubleVector c0 = DoubleVector.zero(S);
                DoubleVector c1 = DoubleVector.zero(S);
                DoubleVector c2 = DoubleVector.zero(S);
                DoubleVector c3 = DoubleVector.zero(S);
                DoubleVector c4 = DoubleVector.zero(S);
                DoubleVector c5 = DoubleVector.zero(S);
                DoubleVector c6 = DoubleVector.zero(S);
                DoubleVector c7 = DoubleVector.zero(S);
                DoubleVector c8 = DoubleVector.zero(S);
                DoubleVector c9 = DoubleVector.zero(S);
                DoubleVector c10 = DoubleVector.zero(S);
                DoubleVector c11 = DoubleVector.zero(S);
                DoubleVector c12 = DoubleVector.zero(S);
                DoubleVector c13 = DoubleVector.zero(S);
                DoubleVector c14 = DoubleVector.zero(S);
                DoubleVector c15 = DoubleVector.zero(S);
                for (int s = 0; s < samples; s++) {
                    int vs = vOff + s * vStride + l0;
                    int xs = xOff + s * xStride;
                    for (int b = 0; b < nb; b++) {
                        DoubleVector e = ln == L ? DoubleVector.fromArray(S, v, vs + b * ldv) : DoubleVector.fromArray(S, v, vs + b * ldv, part);
                        int xb = xs + ib[b];
                        c0 = DoubleVector.broadcast(S, x[xb + i0]).fma(e, c0);
                        c1 = DoubleVector.broadcast(S, x[xb + i1]).fma(e, c1);
                        c2 = DoubleVector.broadcast(S, x[xb + i2]).fma(e, c2);
                        c3 = DoubleVector.broadcast(S, x[xb + i3]).fma(e, c3);
                        c4 = DoubleVector.broadcast(S, x[xb + i4]).fma(e, c4);
                        c5 = DoubleVector.broadcast(S, x[xb + i5]).fma(e, c5);
                        c6 = DoubleVector.broadcast(S, x[xb + i6]).fma(e, c6);
                        c7 = DoubleVector.broadcast(S, x[xb + i7]).fma(e, c7);
                        c8 = DoubleVector.broadcast(S, x[xb + i8]).fma(e, c8);
                        c9 = DoubleVector.broadcast(S, x[xb + i9]).fma(e, c9);
                        c10 = DoubleVector.broadcast(S, x[xb + i10]).fma(e, c10);
                        c11 = DoubleVector.broadcast(S, x[xb + i11]).fma(e, c11);
                        c12 = DoubleVector.broadcast(S, x[xb + i12]).fma(e, c12);
                        c13 = DoubleVector.broadcast(S, x[xb + i13]).fma(e, c13);
                        c14 = DoubleVector.broadcast(S, x[xb + i14]).fma(e, c14);
                        c15 = DoubleVector.broadcast(S, x[xb + i15]).fma(e, c15);
                    }
                }
                c0.intoArray(tile, 0 * L);
                c1.intoArray(tile, 1 * L);
                c2.intoArray(tile, 2 * L);
                c3.intoArray(tile, 3 * L);
                c4.intoArray(tile, 4 * L);
                c5.intoArray(tile, 5 * L);
                c6.intoArray(tile, 6 * L);
                c7.intoArray(tile, 7 * L);
                c8.intoArray(tile, 8 * L);
                c9.intoArray(tile, 9 * L);
                c10.intoArray(tile, 10 * L);
                c11.intoArray(tile, 11 * L);
                c12.intoArray(tile, 12 * L);
                c13.intoArray(tile, 13 * L);
                c14.intoArray(tile, 14 * L);
                c15.intoArray(tile, 15 * L);
                for (int k = 0; k < an; k++) {
                    for (int l = 0; l < ln; l++) {
                        int o = transposed ? oOff + (l0 + l) * ldo + a0 + k : oOff + (a0 + k) * ldo + l0 + l;
                        double t = tile[k * L + l];
                        out[o] = accumulate ? out[o] + t : t;
                    }
                }
            }
        }
    }

    /**
     * Lanes [l0, l0 + 2L) of {@link #bcast} (the second vector possibly partial): tiles of 8 outputs ×
     * 2 vectors, so each broadcast input feeds two fused multiply-adds.
     */
    private static void pairs(int na, int nb, int lanes, int l0, int[] ia, int[] ib, double[] v, int vOff, int ldv,
                              int vStride, double[] x, int xOff, int xStride, int samples, boolean transposed,
                              boolean accumulate, double[] out, int oOff, int ldo, double[] tile) {
        int ln = Math.min(2 * L, lanes - l0);
        VectorMask<Double> part = S.indexInRange(0, ln - L);
        for (int a0 = 0; a0 < na; a0 += 8) {
            int an = Math.min(8, na - a0);
            int i0 = ia[a0];
            int i1 = ia[a0 + Math.min(1, an - 1)];
            int i2 = ia[a0 + Math.min(2, an - 1)];
            int i3 = ia[a0 + Math.min(3, an - 1)];
            int i4 = ia[a0 + Math.min(4, an - 1)];
            int i5 = ia[a0 + Math.min(5, an - 1)];
            int i6 = ia[a0 + Math.min(6, an - 1)];
            int i7 = ia[a0 + Math.min(7, an - 1)];
            DoubleVector c0e = DoubleVector.zero(S);
            DoubleVector c0f = DoubleVector.zero(S);
            DoubleVector c1e = DoubleVector.zero(S);
            DoubleVector c1f = DoubleVector.zero(S);
            DoubleVector c2e = DoubleVector.zero(S);
            DoubleVector c2f = DoubleVector.zero(S);
            DoubleVector c3e = DoubleVector.zero(S);
            DoubleVector c3f = DoubleVector.zero(S);
            DoubleVector c4e = DoubleVector.zero(S);
            DoubleVector c4f = DoubleVector.zero(S);
            DoubleVector c5e = DoubleVector.zero(S);
            DoubleVector c5f = DoubleVector.zero(S);
            DoubleVector c6e = DoubleVector.zero(S);
            DoubleVector c6f = DoubleVector.zero(S);
            DoubleVector c7e = DoubleVector.zero(S);
            DoubleVector c7f = DoubleVector.zero(S);
            for (int s = 0; s < samples; s++) {
                int vs = vOff + s * vStride + l0;
                int xs = xOff + s * xStride;
                for (int b = 0; b < nb; b++) {
                    int vb = vs + b * ldv;
                    DoubleVector e = DoubleVector.fromArray(S, v, vb);
                    DoubleVector f = ln == 2 * L ? DoubleVector.fromArray(S, v, vb + L) : DoubleVector.fromArray(S, v, vb + L, part);
                    int xb = xs + ib[b];
                    DoubleVector q;
                    q = DoubleVector.broadcast(S, x[xb + i0]);
                    c0e = q.fma(e, c0e);
                    c0f = q.fma(f, c0f);
                    q = DoubleVector.broadcast(S, x[xb + i1]);
                    c1e = q.fma(e, c1e);
                    c1f = q.fma(f, c1f);
                    q = DoubleVector.broadcast(S, x[xb + i2]);
                    c2e = q.fma(e, c2e);
                    c2f = q.fma(f, c2f);
                    q = DoubleVector.broadcast(S, x[xb + i3]);
                    c3e = q.fma(e, c3e);
                    c3f = q.fma(f, c3f);
                    q = DoubleVector.broadcast(S, x[xb + i4]);
                    c4e = q.fma(e, c4e);
                    c4f = q.fma(f, c4f);
                    q = DoubleVector.broadcast(S, x[xb + i5]);
                    c5e = q.fma(e, c5e);
                    c5f = q.fma(f, c5f);
                    q = DoubleVector.broadcast(S, x[xb + i6]);
                    c6e = q.fma(e, c6e);
                    c6f = q.fma(f, c6f);
                    q = DoubleVector.broadcast(S, x[xb + i7]);
                    c7e = q.fma(e, c7e);
                    c7f = q.fma(f, c7f);
                }
            }
            c0e.intoArray(tile, 0 * L);
            c0f.intoArray(tile, 1 * L);
            c1e.intoArray(tile, 2 * L);
            c1f.intoArray(tile, 3 * L);
            c2e.intoArray(tile, 4 * L);
            c2f.intoArray(tile, 5 * L);
            c3e.intoArray(tile, 6 * L);
            c3f.intoArray(tile, 7 * L);
            c4e.intoArray(tile, 8 * L);
            c4f.intoArray(tile, 9 * L);
            c5e.intoArray(tile, 10 * L);
            c5f.intoArray(tile, 11 * L);
            c6e.intoArray(tile, 12 * L);
            c6f.intoArray(tile, 13 * L);
            c7e.intoArray(tile, 14 * L);
            c7f.intoArray(tile, 15 * L);
            for (int k = 0; k < an; k++) {
                for (int l = 0; l < ln; l++) {
                    int o = transposed ? oOff + (l0 + l) * ldo + a0 + k : oOff + (a0 + k) * ldo + l0 + l;
                    double t = tile[k * 2 * L + l];
                    out[o] = accumulate ? out[o] + t : t;
                }
            }
        }
    }

    static void col2im(int channels, int h, int w, int kh, int kw, int pad, int oh, int ow, double[] p, int pOff, int ldp,
                       double[] dx, int dxOff) {
        Scratch sc = SCRATCH.get();
        long[] bits = sc.bits(kw * L);
        for (int v0 = 0; v0 < w; v0 += L) {
            for (int j = 0; j < kw; j++) {
                int shift = v0 + pad - j;
                int lo = Math.max(0, -shift);
                int hi = Math.min(Math.min(L, w - v0), ow - shift);
                for (int l = 0; l < L; l++) {
                    bits[j * L + l] = l >= lo && l < hi ? -1 : 0;
                }
            }
            VectorMask<Double> store = S.indexInRange(0, Math.min(L, w - v0));
            int cs = kh * kw * ldp;
            int c = 0;
            for (; c + 4 <= channels; c += 4) {
                for (int ih = 0; ih < h; ih++) {
                    DoubleVector acc0 = DoubleVector.zero(S);
                    DoubleVector acc1 = acc0;
                    DoubleVector acc2 = acc0;
                    DoubleVector acc3 = acc0;
                    int iFrom = Math.max(0, ih + pad - oh + 1);
                    int iTo = Math.min(kh, ih + pad + 1);
                    for (int i = iFrom; i < iTo; i++) {
                        int row = pOff + (c * kh + i) * kw * ldp + (ih + pad - i) * ow + v0 + pad;
                        for (int j = 0; j < kw; j++) {
                            LongVector keep = LongVector.fromArray(SB, bits, j * L);
                            int at = row + j * ldp - j;
                            acc0 = acc0.add(DoubleVector.fromArray(S, p, at).reinterpretAsLongs().and(keep).reinterpretAsDoubles());
                            acc1 = acc1.add(DoubleVector.fromArray(S, p, at + cs).reinterpretAsLongs().and(keep).reinterpretAsDoubles());
                            acc2 = acc2.add(DoubleVector.fromArray(S, p, at + 2 * cs).reinterpretAsLongs().and(keep).reinterpretAsDoubles());
                            acc3 = acc3.add(DoubleVector.fromArray(S, p, at + 3 * cs).reinterpretAsLongs().and(keep).reinterpretAsDoubles());
                        }
                    }
                    int o = dxOff + (c * h + ih) * w + v0;
                    acc0.intoArray(dx, o, store);
                    acc1.intoArray(dx, o + h * w, store);
                    acc2.intoArray(dx, o + 2 * h * w, store);
                    acc3.intoArray(dx, o + 3 * h * w, store);
                }
            }
            for (; c < channels; c++) {
                for (int ih = 0; ih < h; ih++) {
                    DoubleVector acc = DoubleVector.zero(S);
                    int iFrom = Math.max(0, ih + pad - oh + 1);
                    int iTo = Math.min(kh, ih + pad + 1);
                    for (int i = iFrom; i < iTo; i++) {
                        int row = pOff + (c * kh + i) * kw * ldp + (ih + pad - i) * ow + v0 + pad;
                        for (int j = 0; j < kw; j++) {
                            LongVector keep = LongVector.fromArray(SB, bits, j * L);
                            acc = acc.add(DoubleVector.fromArray(S, p, row + j * ldp - j).reinterpretAsLongs().and(keep).reinterpretAsDoubles());
                        }
                    }
                    acc.intoArray(dx, dxOff + (c * h + ih) * w + v0, store);
                }
            }
        }
    }

    /** Per-thread lane mask of {@link #col2im}. */
    private static final class Scratch {
        long[] bits = new long[0];

        long[] bits(int n) {
            if (bits.length < n) {
                bits = new long[n];
            }
            return bits;
        }
    }
}
