package org.oneneuron.optim;

import java.util.Optional;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.objective.Objective;

/**
 * Test copy of PAPER.md §6 case C: L(θ) = (θ² − 1)² + 0.1(θ − 1)² wrapped as
 * L~(θ, a, b) = L(θ)(1 + (a·e^b − 1)²) + λa², parameters (θ, a, b). The Hessian-vector product is
 * a central difference of the analytic gradient (test code only).
 */
public final class CaseC implements Objective {

    /** The bad local minimum θ₀ = −1/2 − 1/√5 of L. */
    public static final double THETA0 = -0.5 - 1 / Math.sqrt(5);

    private final double lambda;
    private final boolean reportNeuron;

    public CaseC(double lambda, boolean reportNeuron) {
        this.lambda = lambda;
        this.reportNeuron = reportNeuron;
    }

    static double base(double t) {
        return (t * t - 1) * (t * t - 1) + 0.1 * (t - 1) * (t - 1);
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public double value(double[] p) {
        return valueAndGradient(p, new double[3]);
    }

    @Override
    public double valueAndGradient(double[] p, double[] g) {
        double t = p[0];
        double a = p[1];
        double eb = Math.exp(p[2]);
        double l = base(t);
        double u = a * eb - 1;
        g[0] = (4 * t * (t * t - 1) + 0.2 * (t - 1)) * (1 + u * u);
        g[1] = l * 2 * u * eb + 2 * lambda * a;
        g[2] = l * 2 * u * a * eb;
        return l * (1 + u * u) + lambda * a * a;
    }

    @Override
    public void hessianVector(double[] p, double[] v, double[] out) {
        double h = 1e-6;
        double[] plus = new double[3];
        double[] minus = new double[3];
        double[] gp = new double[3];
        double[] gm = new double[3];
        for (int i = 0; i < 3; i++) {
            plus[i] = p[i] + h * v[i];
            minus[i] = p[i] - h * v[i];
        }
        valueAndGradient(plus, gp);
        valueAndGradient(minus, gm);
        for (int i = 0; i < 3; i++) {
            out[i] = (gp[i] - gm[i]) / (2 * h);
        }
    }

    @Override
    public Objective copy() {
        return this;
    }

    @Override
    public Optional<NeuronSnapshot> neuron(double[] p) {
        if (!reportNeuron) {
            return Optional.empty();
        }
        double contribution = Math.abs(p[1] * Math.exp(p[2]));
        return Optional.of(new NeuronSnapshot(p[1], p[2], 0, contribution, 2 * base(p[0])));
    }
}
