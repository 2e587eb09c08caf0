package org.oneneuron.linalg;

import java.util.Arrays;

/** Scalar loops for {@link ThetaKernels}: the fallback without the Vector API and the vector kernels' tails. */
final class ScalarThetaKernels implements ThetaKernels {

    static final ScalarThetaKernels INSTANCE = new ScalarThetaKernels();
    /** Eight empty partial sums: {@link #sumOfSquares(double[])} from the start. */
    static final double[] ZERO_LANES = new double[8];

    private ScalarThetaKernels() {
    }

    @Override
    public boolean sgdStep(double[] from, float[] bulk, int bulkEnd, double[] g, double eta, double c, double[] to,
                           float[] th) {
        return sgdStep(from, bulk, bulkEnd, g, eta, c, to, th, 0);
    }

    /** The same from index {@code start} on. */
    static boolean sgdStep(double[] from, float[] bulk, int bulkEnd, double[] g, double eta, double c,
                           double[] to, float[] th, int start) {
        float check = 0f;
        int i = start;
        for (; i < bulkEnd; i++) {
            double t = from[i] - eta * (c * bulk[i]);
            to[i] = t;
            float f = (float) t;
            th[i] = f;
            check += f * 0f;
        }
        for (; i < from.length; i++) {
            double t = from[i] - eta * (c * g[i]);
            to[i] = t;
            float f = (float) t;
            th[i] = f;
            check += f * 0f;
        }
        return check == 0f;
    }

    @Override
    public double sumOfSquares(double[] x) {
        return sumOfSquares(x, 0, ZERO_LANES);
    }

    @Override
    public void widen(float[] src, double[] dst, int upTo, double[] lanes) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int i = 0;
        for (; i < upTo; i += 8) {
            double x0 = src[i];
            double x1 = src[i + 1];
            double x2 = src[i + 2];
            double x3 = src[i + 3];
            double x4 = src[i + 4];
            double x5 = src[i + 5];
            double x6 = src[i + 6];
            double x7 = src[i + 7];
            dst[i] = x0;
            dst[i + 1] = x1;
            dst[i + 2] = x2;
            dst[i + 3] = x3;
            dst[i + 4] = x4;
            dst[i + 5] = x5;
            dst[i + 6] = x6;
            dst[i + 7] = x7;
            s0 += x0 * x0;
            s1 += x1 * x1;
            s2 += x2 * x2;
            s3 += x3 * x3;
            s4 += x4 * x4;
            s5 += x5 * x5;
            s6 += x6 * x6;
            s7 += x7 * x7;
        }
        widenTail(src, dst, i);
        lanes[0] = s0;
        lanes[1] = s1;
        lanes[2] = s2;
        lanes[3] = s3;
        lanes[4] = s4;
        lanes[5] = s5;
        lanes[6] = s6;
        lanes[7] = s7;
    }

    @Override
    public void squares(float[] src, int upTo, double[] lanes) {
        Arrays.fill(lanes, 0);
        for (int i = 0; i < upTo; i++) {
            double x = src[i];
            lanes[i % 8] += x * x;
        }
    }

    /** dst[i] = src[i] from index {@code from} on. */
    static void widenTail(float[] src, double[] dst, int from) {
        for (int i = from; i < dst.length; i++) {
            dst[i] = src[i];
        }
    }

    @Override
    public double sumOfSquares(double[] x, int from, double[] lanes) {
        double s0 = lanes[0];
        double s1 = lanes[1];
        double s2 = lanes[2];
        double s3 = lanes[3];
        double s4 = lanes[4];
        double s5 = lanes[5];
        double s6 = lanes[6];
        double s7 = lanes[7];
        int n = x.length;
        int i = from;
        for (; i + 7 < n; i += 8) {
            s0 += x[i] * x[i];
            s1 += x[i + 1] * x[i + 1];
            s2 += x[i + 2] * x[i + 2];
            s3 += x[i + 3] * x[i + 3];
            s4 += x[i + 4] * x[i + 4];
            s5 += x[i + 5] * x[i + 5];
            s6 += x[i + 6] * x[i + 6];
            s7 += x[i + 7] * x[i + 7];
        }
        return tail(x, i, ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)));
    }

    /** s + Σ_{i ≥ from} x_i², in order. */
    static double tail(double[] x, int from, double s) {
        for (int i = from; i < x.length; i++) {
            s += x[i] * x[i];
        }
        return s;
    }
}
