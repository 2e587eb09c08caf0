package org.oneneuron.linalg;

/**
 * The scalar twin's channel-lane products ({@code bcast}, {@code runs}) for {@link ScalarConvKernels}:
 * every output one fma chain from 0 over samples, then steps b, which is what the vector kernels
 * compute in any tile at any width.
 */
final class ScalarLanes {

    private ScalarLanes() {
    }

    static void bcast(int na, int nb, int lanes, int[] ia, int[] ib, float[] v, int vOff, int ldv, int vStride,
                      float[] x, int xOff, int xStride, int samples, boolean transposed, boolean accumulate,
                      float[] out, int oOff, int ldo) {
        for (int a = 0; a < na; a++) {
            for (int l = 0; l < lanes; l++) {
                float c = 0;
                for (int s = 0; s < samples; s++) {
                    int xb = xOff + s * xStride + ia[a];
                    int vb = vOff + s * vStride + l;
                    for (int b = 0; b < nb; b++) {
                        c = Math.fma(x[xb + ib[b]], v[vb + b * ldv], c);
                    }
                }
                int o = transposed ? oOff + l * ldo + a : oOff + a * ldo + l;
                out[o] = accumulate ? out[o] + c : c;
            }
        }
    }

    static void bcast(int na, int nb, int lanes, int[] ia, int[] ib, double[] v, int vOff, int ldv, int vStride,
                      double[] x, int xOff, int xStride, int samples, boolean transposed, boolean accumulate,
                      double[] out, int oOff, int ldo) {
        for (int a = 0; a < na; a++) {
            for (int l = 0; l < lanes; l++) {
                double c = 0;
                for (int s = 0; s < samples; s++) {
                    int xb = xOff + s * xStride + ia[a];
                    int vb = vOff + s * vStride + l;
                    for (int b = 0; b < nb; b++) {
                        c = Math.fma(x[xb + ib[b]], v[vb + b * ldv], c);
                    }
                }
                int o = transposed ? oOff + l * ldo + a : oOff + a * ldo + l;
                out[o] = accumulate ? out[o] + c : c;
            }
        }
    }

    static void runs(int na, int nb, int lanes, int[] ia, int[] ib, int[] iv, float[] v, int vOff, int vStride,
                     float[] x, int xOff, int xStride, int samples, boolean accumulate, float[] out, int oOff, int[] oa,
                     int[] ol) {
        for (int a = 0; a < na; a++) {
            for (int l = 0; l < lanes; l++) {
                float c = 0;
                for (int s = 0; s < samples; s++) {
                    int xb = xOff + s * xStride + ia[a];
                    int vb = vOff + s * vStride + l;
                    for (int b = 0; b < nb; b++) {
                        c = Math.fma(x[xb + ib[b]], v[vb + iv[b]], c);
                    }
                }
                int o = oOff + oa[a] + ol[l];
                out[o] = accumulate ? out[o] + c : c;
            }
        }
    }

    static void runs(int na, int nb, int lanes, int[] ia, int[] ib, int[] iv, double[] v, int vOff, int vStride,
                     double[] x, int xOff, int xStride, int samples, boolean accumulate, double[] out, int oOff,
                     int[] oa, int[] ol) {
        for (int a = 0; a < na; a++) {
            for (int l = 0; l < lanes; l++) {
                double c = 0;
                for (int s = 0; s < samples; s++) {
                    int xb = xOff + s * xStride + ia[a];
                    int vb = vOff + s * vStride + l;
                    for (int b = 0; b < nb; b++) {
                        c = Math.fma(x[xb + ib[b]], v[vb + iv[b]], c);
                    }
                }
                int o = oOff + oa[a] + ol[l];
                out[o] = accumulate ? out[o] + c : c;
            }
        }
    }
}
