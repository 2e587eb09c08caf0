package org.oneneuron.linalg;

/**
 * The scalar twin's {@code sparseRuns} and {@code sparseAdjoint} for {@link ScalarConvKernels}, at
 * its vector width l: the same chains as the vector kernels, one lane at a time.
 */
final class ScalarSparse {

    private ScalarSparse() {
    }

    static void runs(int l, int na, int nb, int nu, int[] ia, int[] iv, int[] vo, float[] v, int vOff, int vStride,
                     float[] x, int xOff, int xStride, int samples, boolean accumulate, float[] out, int oOff,
                     int[] oa, int[] ol) {
        for (int a = 0; a < na; a++) {
            for (int q = 0; q < nu * l; q++) {
                int lane = ol[q];
                if (lane < 0) {
                    continue;
                }
                int at = vo[q / l] + q % l;
                float c = 0;
                for (int s = 0; s < samples; s++) {
                    int xs = xOff + s * xStride + ia[a];
                    for (int b = 0; b < nb; b++) {
                        if (x[xs + b] != 0) {
                            c = Math.fma(x[xs + b], v[vOff + s * vStride + iv[b] + at], c);
                        }
                    }
                }
                int o = oOff + oa[a] + lane;
                out[o] = accumulate ? out[o] + c : c;
            }
        }
    }

    static void runs(int l, int na, int nb, int nu, int[] ia, int[] iv, int[] vo, double[] v, int vOff, int vStride,
                     double[] x, int xOff, int xStride, int samples, boolean accumulate, double[] out, int oOff,
                     int[] oa, int[] ol) {
        for (int a = 0; a < na; a++) {
            for (int q = 0; q < nu * l; q++) {
                int lane = ol[q];
                if (lane < 0) {
                    continue;
                }
                int at = vo[q / l] + q % l;
                double c = 0;
                for (int s = 0; s < samples; s++) {
                    int xs = xOff + s * xStride + ia[a];
                    for (int b = 0; b < nb; b++) {
                        if (x[xs + b] != 0) {
                            c = Math.fma(x[xs + b], v[vOff + s * vStride + iv[b] + at], c);
                        }
                    }
                }
                int o = oOff + oa[a] + lane;
                out[o] = accumulate ? out[o] + c : c;
            }
        }
    }

    static void adjoint(int l, int filters, int positions, int nu, float[] d, int dOff, float[] k, int ldk, int[] ko,
                        int[] po, int[] xo, float[] dx, int dxOff) {
        for (int p = positions - 1; p >= 0; p--) {
            boolean any = false;
            for (int f = 0; f < filters; f++) {
                any |= d[dOff + f * positions + p] != 0;
            }
            if (!any) {
                continue;
            }
            for (int q = 0; q < nu * l; q++) {
                float c = 0;
                for (int f = 0; f < filters; f++) {
                    float df = d[dOff + f * positions + p];
                    if (df != 0) {
                        c = Math.fma(df, k[f * ldk + ko[q / l] + q % l], c);
                    }
                }
                int o = dxOff + po[p] + xo[q / l] + q % l;
                dx[o] = dx[o] + c;
            }
        }
    }

    static void adjoint(int l, int filters, int positions, int nu, double[] d, int dOff, double[] k, int ldk,
                        int[] ko, int[] po, int[] xo, double[] dx, int dxOff) {
        for (int p = positions - 1; p >= 0; p--) {
            boolean any = false;
            for (int f = 0; f < filters; f++) {
                any |= d[dOff + f * positions + p] != 0;
            }
            if (!any) {
                continue;
            }
            for (int q = 0; q < nu * l; q++) {
                double c = 0;
                for (int f = 0; f < filters; f++) {
                    double df = d[dOff + f * positions + p];
                    if (df != 0) {
                        c = Math.fma(df, k[f * ldk + ko[q / l] + q % l], c);
                    }
                }
                int o = dxOff + po[p] + xo[q / l] + q % l;
                dx[o] = dx[o] + c;
            }
        }
    }
}
