package org.oneneuron.landscape;

import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.SquaredLoss;
import org.oneneuron.loss.TargetSquaredLoss;
import org.oneneuron.model.NetworkSpec;

/**
 * The least loss of a linear model (no hidden layer, no special neuron): with a loss convex in the
 * scores (every loss here, PAPER.md §10 A1) L is convex in θ, so every stationary point is a global
 * minimum; with a squared loss L is a convex quadratic and its least value is computed exactly, the
 * ordinary least-squares minimum (weights and reduction included):
 *
 * <pre>θ* = θ + x,  H x = -∇L(θ)  (conjugate gradients on exact Hessian-vector products),  L* = L(θ*)</pre>
 *
 * CG started at 0 stays in the range of H, so a rank-deficient design gets the minimum-norm step,
 * and at most dim(θ) steps solve it in exact arithmetic. Models with more than
 * {@link #EXACT_LIMIT} parameters get the convexity statement only.
 */
public final class LinearModelMinimum {

    /** Most parameters for which the least-squares minimum is computed. */
    public static final int EXACT_LIMIT = 2048;

    private LinearModelMinimum() {
    }

    /** Whether {@code spec} is a linear model: its only layer the dense output layer, no neuron. */
    public static boolean linear(NetworkSpec spec) {
        return spec.layers().size() == 1 && !spec.neuron().present();
    }

    /**
     * What is known of a linear model's least loss, starting the least-squares solve at θ:
     * EXACT for a squared loss within {@link #EXACT_LIMIT}, else CONVEX.
     *
     * @throws IllegalArgumentException when the objective's network is not linear
     */
    public static LeastLoss of(NetworkObjective objective, double[] theta) {
        if (!linear(objective.spec())) {
            throw new IllegalArgumentException("not a linear model: " + objective.spec().architecture());
        }
        boolean quadratic = objective.loss() instanceof TargetSquaredLoss || objective.loss() instanceof SquaredLoss;
        if (!quadratic || theta.length > EXACT_LIMIT) {
            return LeastLoss.convex("a linear model with a loss convex in its scores");
        }
        return LeastLoss.exact(leastSquares(objective, theta),
                "the least-squares minimum of this linear model, by conjugate gradients");
    }

    /** min L for a quadratic L, from θ: one exact Newton step solved by CG. */
    static double leastSquares(NetworkObjective objective, double[] theta) {
        int n = theta.length;
        double[] g = new double[n];
        double start = objective.valueAndGradient(theta, g);
        double[] x = new double[n];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = -g[i];
        }
        double[] p = r.clone();
        double[] hp = new double[n];
        double rr = Vectors.dot(r, r);
        double stop = 1e-30 * Math.max(1.0, rr);
        for (int it = 0; it < 2 * n + 10 && rr > stop; it++) {
            objective.hessianVector(theta, p, hp);
            double curvature = Vectors.dot(p, hp);
            if (!(curvature > 0)) {
                break;
            }
            double alpha = rr / curvature;
            for (int i = 0; i < n; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * hp[i];
            }
            double next = Vectors.dot(r, r);
            for (int i = 0; i < n; i++) {
                p[i] = r[i] + next / rr * p[i];
            }
            rr = next;
        }
        double[] end = theta.clone();
        for (int i = 0; i < n; i++) {
            end[i] += x[i];
        }
        return Math.min(start, objective.value(end));
    }
}
