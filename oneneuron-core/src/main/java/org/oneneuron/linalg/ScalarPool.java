package org.oneneuron.linalg;

import java.util.Arrays;

/**
 * 2×2 max pooling and its adjoint in scalar code: the scalar twin's ({@link ScalarConvKernels}), and
 * the vector kernels' way for the rows and windows they do not take whole.
 */
final class ScalarPool {

    private ScalarPool() {
    }

    /** {@link ConvKernels#maxPool2x2} one row of windows at a time. */
    static void maxPool2x2(float[] x, int xOff, int channels, int h, int w, float[] y, int yOff, int[] arg, int aOff) {
        for (int ch = 0; ch < channels; ch++) {
            for (int i = 0; i < h / 2; i++) {
                int o = (ch * (h / 2) + i) * (w / 2);
                poolRow(x, xOff, ch * h * w + 2 * i * w, w, w / 2, y, yOff + o, arg, aOff + o);
            }
        }
    }

    /**
     * The first n outputs of one row of 2×2 windows whose top-left input is x[xOff + top]: the
     * scalar rule of {@link ConvKernels#maxPool2x2} (also the vector kernel's way for a window row
     * that holds a NaN).
     */
    static void poolRow(float[] x, int xOff, int top, int w, int n, float[] y, int yOff, int[] arg, int aOff) {
        for (int j = 0; j < n; j++) {
            int at = top + 2 * j;
            float v0 = x[xOff + at];
            float v1 = x[xOff + at + 1];
            float v2 = x[xOff + at + w];
            float v3 = x[xOff + at + w + 1];
            float m = v1 > v0 ? v1 : v0;
            int best = v1 > v0 ? at + 1 : at;
            best = v2 > m ? at + w : best;
            m = v2 > m ? v2 : m;
            best = v3 > m ? at + w + 1 : best;
            m = v3 > m ? v3 : m;
            boolean nan = (v0 != v0) | (v1 != v1) | (v2 != v2) | (v3 != v3);
            y[yOff + j] = nan ? Float.NaN : m;
            arg[aOff + j] = best;
        }
    }

    /** Double-precision {@link #maxPool2x2(float[], int, int, int, int, float[], int, int[], int)}. */
    static void maxPool2x2(double[] x, int xOff, int channels, int h, int w, double[] y, int yOff, int[] arg,
                           int aOff) {
        for (int ch = 0; ch < channels; ch++) {
            for (int i = 0; i < h / 2; i++) {
                int o = (ch * (h / 2) + i) * (w / 2);
                poolRow(x, xOff, ch * h * w + 2 * i * w, w, w / 2, y, yOff + o, arg, aOff + o);
            }
        }
    }

    /** Double-precision {@link #poolRow(float[], int, int, int, int, float[], int, int[], int)}. */
    static void poolRow(double[] x, int xOff, int top, int w, int n, double[] y, int yOff, int[] arg, int aOff) {
        for (int j = 0; j < n; j++) {
            int at = top + 2 * j;
            double v0 = x[xOff + at];
            double v1 = x[xOff + at + 1];
            double v2 = x[xOff + at + w];
            double v3 = x[xOff + at + w + 1];
            double m = v1 > v0 ? v1 : v0;
            int best = v1 > v0 ? at + 1 : at;
            best = v2 > m ? at + w : best;
            m = v2 > m ? v2 : m;
            best = v3 > m ? at + w + 1 : best;
            m = v3 > m ? v3 : m;
            boolean nan = (v0 != v0) | (v1 != v1) | (v2 != v2) | (v3 != v3);
            y[yOff + j] = nan ? Double.NaN : m;
            arg[aOff + j] = best;
        }
    }

    /** dx[dxOff .. + size) = 0, then dx[dxOff + arg[aOff + o]] += dy[dyOff + o] for o &lt; outputs. */
    static void maxPoolAdjoint(float[] dy, int dyOff, int[] arg, int aOff, int outputs, int size, float[] dx,
                               int dxOff) {
        Arrays.fill(dx, dxOff, dxOff + size, 0f);
        for (int o = 0; o < outputs; o++) {
            dx[dxOff + arg[aOff + o]] += dy[dyOff + o];
        }
    }

    /** Double-precision {@link #maxPoolAdjoint(float[], int, int[], int, int, int, float[], int)}. */
    static void maxPoolAdjoint(double[] dy, int dyOff, int[] arg, int aOff, int outputs, int size, double[] dx,
                               int dxOff) {
        Arrays.fill(dx, dxOff, dxOff + size, 0.0);
        for (int o = 0; o < outputs; o++) {
            dx[dxOff + arg[aOff + o]] += dy[dyOff + o];
        }
    }
}
