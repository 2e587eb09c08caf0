package org.oneneuron.landscape;

import java.util.SplittableRandom;
import org.oneneuron.objective.Objective;

/**
 * Mode connectivity between two end points θa, θb (Garipov et al., 2018, and their
 * dnn-mode-connectivity code): the straight segment (1 − t)·θa + t·θb and the quadratic Bézier
 * curve φ(t) = (1 − t)²·θa + 2t(1 − t)·θc + t²·θb whose control point θc is fitted by stochastic
 * descent on E_{t ~ U(0,1)} L(φ(t)): each step samples t uniformly and moves θc along
 * −∂L(φ(t))/∂θc = −2t(1 − t)·∇L(φ(t)). The step is Adam's (their code uses SGD with a tuned
 * schedule; Adam's step is scale-free, so one default suits summed and averaged losses). θc
 * starts at the midpoint, where the curve is the segment. Deterministic given the seed.
 */
public final class ModeConnectivity {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private ModeConnectivity() {
    }

    /**
     * Joins θa and θb.
     *
     * @param objective the loss; its {@code neuron(θ)} gives the network-only loss when present
     * @param a         first end point, not modified
     * @param b         second end point, not modified
     */
    public static Connection connect(Objective objective, double[] a, double[] b, CurveConfig config) {
        Lanczos.checkPoint(objective, a);
        Lanczos.checkPoint(objective, b);
        int n = a.length;
        double[] control = new double[n];
        for (int j = 0; j < n; j++) {
            control[j] = 0.5 * (a[j] + b[j]);
        }
        PathProfile linear = profile("linear", objective, a, control, b, config.points());
        double meanBefore = mean(linear.loss());
        double[] m = new double[n];
        double[] v = new double[n];
        double[] step = new double[n];
        double[] point = new double[n];
        double[] gradient = new double[n];
        SplittableRandom random = new SplittableRandom(config.seed());
        int skipped = 0;
        for (int k = 1; k <= config.steps(); k++) {
            java.util.Arrays.fill(step, 0.0);
            int used = 0;
            for (int s = 0; s < config.samplesPerStep(); s++) {
                double t = random.nextDouble();
                at(a, control, b, t, point);
                try {
                    objective.valueAndGradient(point, gradient);
                } catch (ArithmeticException overflow) {
                    skipped++;
                    continue;
                }
                Vectors.axpy(2 * t * (1 - t), gradient, step);
                used++;
            }
            if (used == 0) {
                continue;
            }
            double rate = config.learningRate() * schedule(k, config.steps());
            double c1 = 1 - Math.pow(BETA1, k);
            double c2 = 1 - Math.pow(BETA2, k);
            for (int j = 0; j < n; j++) {
                double g = step[j] / used;
                m[j] = BETA1 * m[j] + (1 - BETA1) * g;
                v[j] = BETA2 * v[j] + (1 - BETA2) * g * g;
                control[j] -= rate * (m[j] / c1) / (Math.sqrt(v[j] / c2) + EPSILON);
            }
        }
        PathProfile curve = profile("bezier", objective, a, control, b, config.points());
        return new Connection(linear, curve, control, config.steps(), meanBefore, skipped);
    }

    /**
     * The loss along the Bézier curve with control point c (the segment when c is the midpoint).
     *
     * @param kind name of the path
     */
    public static PathProfile profile(String kind, Objective objective, double[] a, double[] c,
                                      double[] b, int points) {
        boolean neuron = objective.neuron(a).isPresent();
        double[] t = new double[points];
        double[] loss = new double[points];
        double[] net = new double[points];
        double[] point = new double[a.length];
        for (int i = 0; i < points; i++) {
            t[i] = (double) i / (points - 1);
            at(a, c, b, t[i], point);
            loss[i] = safe(SliceValue.LOSS, objective, point);
            net[i] = neuron ? safe(SliceValue.NETWORK_ONLY, objective, point) : Double.NaN;
        }
        return new PathProfile(kind, t, loss, net, PathProfile.barrier(t, loss),
                neuron ? PathProfile.barrier(t, net) : Double.NaN);
    }

    /** φ(t) = (1 − t)²·a + 2t(1 − t)·c + t²·b into out. */
    static void at(double[] a, double[] c, double[] b, double t, double[] out) {
        double wa = (1 - t) * (1 - t);
        double wc = 2 * t * (1 - t);
        double wb = t * t;
        for (int j = 0; j < out.length; j++) {
            out[j] = wa * a[j] + wc * c[j] + wb * b[j];
        }
    }

    private static double safe(SliceValue value, Objective objective, double[] point) {
        try {
            double v = value.at(objective, point);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (ArithmeticException overflow) {
            return Double.NaN;
        }
    }

    /** 1 for the first half of the steps, then linearly down to 0.1 at the last. */
    private static double schedule(int k, int steps) {
        double f = (double) k / steps;
        return f <= 0.5 ? 1.0 : 1.0 - 1.8 * (f - 0.5);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
