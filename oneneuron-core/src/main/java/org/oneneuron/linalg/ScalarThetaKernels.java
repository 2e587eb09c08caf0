package org.oneneuron.linalg;

/** Scalar loops for {@link ThetaKernels}: the fallback without the Vector API and the vector kernels' tails. */
final class ScalarThetaKernels implements ThetaKernels {

    static final ScalarThetaKernels INSTANCE = new ScalarThetaKernels();

    private ScalarThetaKernels() {
    }

    @Override
    public boolean sgdStep(double[] theta, double[] g, double eta, double c, double[] previous, float[] th) {
        return sgdStep(theta, g, eta, c, previous, th, 0);
    }

    /** The same from index {@code from} on. */
    static boolean sgdStep(double[] theta, double[] g, double eta, double c, double[] previous, float[] th,
                           int from) {
        float check = 0f;
        for (int i = from; i < theta.length; i++) {
            double t = theta[i];
            if (previous != null) {
                previous[i] = t;
            }
            t = t - eta * (c * g[i]);
            theta[i] = t;
            float f = (float) t;
            th[i] = f;
            check += f * 0f;
        }
        return check == 0f;
    }

    @Override
    public double sumOfSquares(double[] x) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int n = x.length;
        int i = 0;
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
