package org.oneneuron.constructions;

import java.util.Locale;
import java.util.Optional;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.objective.NonFiniteException;
import org.oneneuron.objective.Objective;

/**
 * Case C over p = (θ, a, b): L~ = L(θ)·P + λa² with L(θ) = (θ² - 1)² + 0.1(θ - 1)²,
 * q = a e^b - 1, P = 1 + q² (note λa², not (λ/2)a²: the identity reads a∂_a - ∂_b = 2λa²).
 *
 * <pre>
 *   ∂θ = L'P,  ∂a = 2Lq e^b + 2λa,  ∂b = 2Lq·a e^b
 *   H_θθ = L''P, H_θa = 2L'q e^b, H_θb = 2L'q a e^b,
 *   H_aa = 2L e^{2b} + 2λ, H_ab = 2L e^b (a e^b + q), H_bb = 2L a e^b (a e^b + q)
 * </pre>
 * with L' = 4θ(θ² - 1) + 0.2(θ - 1), L'' = 12θ² - 3.8.
 */
public final class ToyObjective implements Objective {

    private final double lambda;

    public ToyObjective(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("λ must be a finite number >= 0, got " + lambda);
        }
        this.lambda = lambda;
    }

    public double lambda() {
        return lambda;
    }

    /** L(θ) = (θ² - 1)² + 0.1(θ - 1)². */
    public static double plainLoss(double t) {
        double s = t * t - 1;
        double r = t - 1;
        return s * s + 0.1 * r * r;
    }

    static double plainD1(double t) {
        return 4 * t * (t * t - 1) + 0.2 * (t - 1);
    }

    static double plainD2(double t) {
        return 12 * t * t - 3.8;
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public double value(double[] p) {
        check(p);
        double ae = ae(p);
        double q = ae - 1;
        return finite(plainLoss(p[0]) * (1 + q * q) + lambda * p[1] * p[1], "L~");
    }

    @Override
    public double valueAndGradient(double[] p, double[] g) {
        check(p);
        double t = p[0];
        double a = p[1];
        double eb = eb(p);
        double ae = ae(p);
        double q = ae - 1;
        double l = plainLoss(t);
        g[0] = finite(plainD1(t) * (1 + q * q), "∂L~/∂θ");
        g[1] = finite(2 * l * q * eb + 2 * lambda * a, "∂L~/∂a");
        g[2] = finite(2 * l * q * ae, "∂L~/∂b");
        return finite(l * (1 + q * q) + lambda * a * a, "L~");
    }

    @Override
    public void hessianVector(double[] p, double[] v, double[] out) {
        check(p);
        if (v.length != 3 || out.length != 3 || out == p || out == v) {
            throw new IllegalArgumentException("v and out must have length 3 and out must not alias p or v");
        }
        double t = p[0];
        double eb = eb(p);
        double ae = ae(p);
        double q = ae - 1;
        double l = plainLoss(t);
        double l1 = plainD1(t);
        double htt = plainD2(t) * (1 + q * q);
        double hta = 2 * l1 * q * eb;
        double htb = 2 * l1 * q * ae;
        double haa = 2 * l * eb * eb + 2 * lambda;
        double hab = 2 * l * eb * (ae + q);
        double hbb = 2 * l * ae * (ae + q);
        out[0] = finite(htt * v[0] + hta * v[1] + htb * v[2], "(Hv)_θ");
        out[1] = finite(hta * v[0] + haa * v[1] + hab * v[2], "(Hv)_a");
        out[2] = finite(htb * v[0] + hab * v[1] + hbb * v[2], "(Hv)_b");
    }

    @Override
    public ToyObjective copy() {
        return new ToyObjective(lambda);
    }

    /** a, b, ‖w‖ = 0 (no w), |a e^b| and the plain L(θ) as the "network only" loss. */
    @Override
    public Optional<NeuronSnapshot> neuron(double[] p) {
        check(p);
        return Optional.of(new NeuronSnapshot(p[1], p[2], 0, Math.abs(ae(p)), plainLoss(p[0])));
    }

    private static double eb(double[] p) {
        double e = Math.exp(p[2]);
        if (e == Double.POSITIVE_INFINITY) {
            throw new NonFiniteException("exp(b) overflow", String.format(Locale.ROOT, "b = %.6g", p[2]));
        }
        return e;
    }

    /** a·e^b: the product when e^b is a finite normal number, else sign(a)·exp(b + log|a|). */
    private static double ae(double[] p) {
        double a = p[1];
        double e = Math.exp(p[2]);
        if (a == 0) {
            return 0;
        }
        return e < Double.POSITIVE_INFINITY && e >= Double.MIN_NORMAL
                ? a * e : Math.copySign(Math.exp(p[2] + Math.log(Math.abs(a))), a);
    }

    private static void check(double[] p) {
        if (p.length != 3) {
            throw new IllegalArgumentException("case C has 3 parameters (θ, a, b), got " + p.length);
        }
        for (int k = 0; k < 3; k++) {
            if (!Double.isFinite(p[k])) {
                throw new IllegalArgumentException("parameter " + "θab".charAt(k) + " is " + p[k]);
            }
        }
    }

    private static double finite(double x, String what) {
        if (!Double.isFinite(x)) {
            throw new NonFiniteException(what, "is " + x);
        }
        return x;
    }
}
