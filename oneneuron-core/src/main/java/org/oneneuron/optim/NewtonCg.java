package org.oneneuron.optim;

import java.util.Objects;
import org.oneneuron.objective.Objective;

/**
 * Trust-region Newton with Steihaug's truncated CG (Nocedal and Wright, Algorithms 4.1 and 7.2).
 * Each step approximately minimizes the model m(p) = gᵀp + ½pᵀHp over ‖p‖ ≤ Δ using exact
 * Hessian-vector products, stopping CG at ‖Hp + g‖ ≤ min(0.5, √‖g‖)·‖g‖ (superlinear forcing), on
 * negative curvature or at the boundary. The ratio ρ = (L(θ) − L(θ + p)) / (−m(p)) accepts the
 * step (ρ > 1e-4) and resizes Δ (×¼ when ρ < ¼, ×2 when ρ > ¾ at the boundary).
 *
 * <p>When both reductions are below round-off (|L|·1e-12), ρ is meaningless; the step is then
 * judged by whether it shrinks the gradient norm, so the method can drive ‖g‖ to 1e-10 and below
 * for certification. A rejected step leaves θ unchanged and still counts as an iteration; a trial
 * whose evaluation overflows (ArithmeticException) is rejected like a bad ratio.
 */
public final class NewtonCg implements Optimizer {

    private static final double ETA = 1e-4;
    private static final double ROUND_OFF = 1e-12;

    private final Objective objective;
    private final int maxCgIterations;
    private final double maxRadius;
    private double radius;
    private double[] gradient;
    private double[] step;
    private double[] residual;
    private double[] conjugate;
    private double[] curvature;
    private double[] trial;
    private double[] trialGradient;
    private double loss;
    private double gradientNorm;
    private int lastCgIterations;

    /**
     * @param objective       the function to minimize
     * @param initialRadius   Δ₀ > 0
     * @param maxCgIterations most Hessian-vector products per step, ≥ 1
     */
    public NewtonCg(Objective objective, double initialRadius, int maxCgIterations) {
        this.objective = Objects.requireNonNull(objective, "objective");
        if (!(initialRadius > 0) || !Double.isFinite(initialRadius)) {
            throw new IllegalArgumentException("initial trust radius must be positive and finite, got "
                    + initialRadius);
        }
        if (maxCgIterations < 1) {
            throw new IllegalArgumentException("max CG iterations must be >= 1, got "
                    + maxCgIterations);
        }
        this.radius = initialRadius;
        this.maxRadius = 1e4 * initialRadius;
        this.maxCgIterations = maxCgIterations;
    }

    @Override
    public String name() {
        return OptimizerKind.NEWTON_CG.word();
    }

    @Override
    public void start(double[] theta) {
        int n = objective.dimension();
        gradient = new double[n];
        step = new double[n];
        residual = new double[n];
        conjugate = new double[n];
        curvature = new double[n];
        trial = new double[n];
        trialGradient = new double[n];
        loss = objective.valueAndGradient(theta, gradient);
        gradientNorm = Vectors.norm(gradient);
    }

    /** Current trust radius Δ. */
    public double radius() {
        return radius;
    }

    /** Hessian-vector products used by the last step. */
    public int lastCgIterations() {
        return lastCgIterations;
    }

    @Override
    public boolean step(double[] theta) {
        if (gradientNorm == 0) {
            return false;
        }
        double predicted = -steihaug(theta);
        double stepNorm = Vectors.norm(step);
        Vectors.addScaled(theta, 1, step, trial);
        double trialLoss;
        double trialNorm;
        try {
            trialLoss = objective.valueAndGradient(trial, trialGradient);
            trialNorm = Vectors.norm(trialGradient);
        } catch (ArithmeticException overflow) {
            trialLoss = Double.NaN;
            trialNorm = Double.NaN;
        }
        double ratio;
        if (!Double.isFinite(trialLoss) || !Double.isFinite(trialNorm)) {
            ratio = -1;
        } else if (Math.abs(loss - trialLoss) <= ROUND_OFF * Math.abs(loss)
                && predicted <= ROUND_OFF * Math.abs(loss)) {
            ratio = trialNorm < gradientNorm ? 1 : 0;
        } else {
            ratio = (loss - trialLoss) / predicted;
        }
        if (ratio < 0.25) {
            radius = 0.25 * stepNorm;
        } else if (ratio > 0.75 && stepNorm >= 0.99 * radius) {
            radius = Math.min(2 * radius, maxRadius);
        }
        if (ratio > ETA) {
            System.arraycopy(trial, 0, theta, 0, theta.length);
            System.arraycopy(trialGradient, 0, gradient, 0, gradient.length);
            loss = trialLoss;
            gradientNorm = trialNorm;
        }
        return radius > 1e-300 && radius > 1e-16 * Vectors.norm(theta);
    }

    /**
     * Steihaug-CG for min m(p), ‖p‖ ≤ Δ; leaves p in {@link #step}.
     *
     * @return m(p), tracked along the iteration without extra products
     */
    private double steihaug(double[] theta) {
        java.util.Arrays.fill(step, 0);
        System.arraycopy(gradient, 0, residual, 0, gradient.length);
        for (int i = 0; i < conjugate.length; i++) {
            conjugate[i] = -residual[i];
        }
        double tolerance = Math.min(0.5, Math.sqrt(gradientNorm)) * gradientNorm;
        double rr = gradientNorm * gradientNorm;
        double model = 0;
        lastCgIterations = 0;
        for (int j = 0; j < maxCgIterations; j++) {
            objective.hessianVector(theta, conjugate, curvature);
            lastCgIterations++;
            double dHd = Vectors.dot(conjugate, curvature);
            if (!(dHd > 0)) {
                return model + toBoundary(dHd);
            }
            double alpha = rr / dHd;
            double zNormNext = normOfStepPlus(alpha);
            if (zNormNext >= radius) {
                return model + toBoundary(dHd);
            }
            Vectors.axpy(alpha, conjugate, step);
            Vectors.axpy(alpha, curvature, residual);
            model -= 0.5 * alpha * rr;
            double rrNext = Vectors.dot(residual, residual);
            if (Math.sqrt(rrNext) <= tolerance) {
                break;
            }
            double beta = rrNext / rr;
            for (int i = 0; i < conjugate.length; i++) {
                conjugate[i] = -residual[i] + beta * conjugate[i];
            }
            rr = rrNext;
        }
        return model;
    }

    /** ‖p + α·d‖ without forming it. */
    private double normOfStepPlus(double alpha) {
        double pp = Vectors.dot(step, step);
        double pd = Vectors.dot(step, conjugate);
        double dd = Vectors.dot(conjugate, conjugate);
        return Math.sqrt(Math.max(0, pp + 2 * alpha * pd + alpha * alpha * dd));
    }

    /**
     * Moves p to the boundary along d (τ ≥ 0 with ‖p + τd‖ = Δ) and returns the model change
     * τ·rᵀd + ½τ²·dᵀHd, where r = Hp + g is the current residual.
     */
    private double toBoundary(double dHd) {
        double pp = Vectors.dot(step, step);
        double pd = Vectors.dot(step, conjugate);
        double dd = Vectors.dot(conjugate, conjugate);
        double tau = (-pd + Math.sqrt(pd * pd + dd * (radius * radius - pp))) / dd;
        double change = tau * Vectors.dot(residual, conjugate) + 0.5 * tau * tau * dHd;
        Vectors.axpy(tau, conjugate, step);
        return change;
    }

    @Override
    public double loss() {
        return loss;
    }

    @Override
    public double[] gradient() {
        return gradient;
    }

    @Override
    public double gradientNorm() {
        return gradientNorm;
    }

    @Override
    public boolean stochastic() {
        return false;
    }
}
