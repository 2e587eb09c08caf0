package org.oneneuron.optim;

import java.util.Objects;
import org.oneneuron.objective.Objective;

/**
 * Limited-memory BFGS (Nocedal and Wright, Algorithm 7.4/7.5): the direction d = −H·g from the
 * two-loop recursion over the last m pairs (s, y) with initial scaling γ = sᵀy / yᵀy, then a
 * {@link StrongWolfeLineSearch}. Pairs with sᵀy ≤ 1e-10·‖s‖‖y‖ are skipped (keeps H positive
 * definite); a failed line search clears the memory and retries along −g once before reporting
 * a stall.
 */
public final class Lbfgs implements Optimizer {

    private final Objective objective;
    private final int memory;
    private StrongWolfeLineSearch lineSearch;
    private double[][] s;
    private double[][] y;
    private double[] rho;
    private double[] alphas;
    private double[] gradient;
    private double[] direction;
    private int stored;
    private int newest;
    private double loss;
    private double gradientNorm;

    /**
     * @param objective the function to minimize
     * @param memory    number of (s, y) pairs kept, m ≥ 1
     */
    public Lbfgs(Objective objective, int memory) {
        this.objective = Objects.requireNonNull(objective, "objective");
        if (memory < 1) {
            throw new IllegalArgumentException("L-BFGS memory must be >= 1, got " + memory);
        }
        this.memory = memory;
    }

    @Override
    public String name() {
        return OptimizerKind.LBFGS.word();
    }

    @Override
    public void start(double[] theta) {
        int n = objective.dimension();
        lineSearch = new StrongWolfeLineSearch(objective);
        s = new double[memory][n];
        y = new double[memory][n];
        rho = new double[memory];
        alphas = new double[memory];
        gradient = new double[n];
        direction = new double[n];
        stored = 0;
        newest = -1;
        loss = objective.valueAndGradient(theta, gradient);
        gradientNorm = Vectors.norm(gradient);
    }

    @Override
    public boolean step(double[] theta) {
        if (gradientNorm == 0) {
            return false;
        }
        twoLoop();
        double slope = Vectors.dot(gradient, direction);
        if (!(slope < 0)) {
            steepest();
            slope = -gradientNorm * gradientNorm;
        }
        double initial = stored == 0 ? Math.min(1, 1 / gradientNorm) : 1;
        boolean found = lineSearch.search(theta, loss, slope, direction, initial);
        if (!found && stored > 0) {
            stored = 0;
            steepest();
            found = lineSearch.search(theta, loss, -gradientNorm * gradientNorm, direction,
                    Math.min(1, 1 / gradientNorm));
        }
        if (!found) {
            return false;
        }
        remember(theta);
        System.arraycopy(lineSearch.point, 0, theta, 0, theta.length);
        System.arraycopy(lineSearch.gradient, 0, gradient, 0, gradient.length);
        loss = lineSearch.value;
        gradientNorm = Vectors.norm(gradient);
        return true;
    }

    /** Stores s = x⁺ − x and y = g⁺ − g when the curvature condition holds. */
    private void remember(double[] theta) {
        int slot = (newest + 1) % memory;
        double[] sNew = s[slot];
        double[] yNew = y[slot];
        for (int i = 0; i < theta.length; i++) {
            sNew[i] = lineSearch.point[i] - theta[i];
            yNew[i] = lineSearch.gradient[i] - gradient[i];
        }
        double sy = Vectors.dot(sNew, yNew);
        if (sy > 1e-10 * Vectors.norm(sNew) * Vectors.norm(yNew)) {
            rho[slot] = 1 / sy;
            newest = slot;
            stored = Math.min(stored + 1, memory);
        }
    }

    /** direction = −H·gradient by the two-loop recursion (−gradient when the memory is empty). */
    private void twoLoop() {
        for (int i = 0; i < direction.length; i++) {
            direction[i] = -gradient[i];
        }
        if (stored == 0) {
            return;
        }
        for (int k = 0; k < stored; k++) {
            int slot = Math.floorMod(newest - k, memory);
            alphas[slot] = rho[slot] * Vectors.dot(s[slot], direction);
            Vectors.axpy(-alphas[slot], y[slot], direction);
        }
        double gamma = 1 / (rho[newest] * Vectors.dot(y[newest], y[newest]));
        for (int i = 0; i < direction.length; i++) {
            direction[i] *= gamma;
        }
        for (int k = stored - 1; k >= 0; k--) {
            int slot = Math.floorMod(newest - k, memory);
            double beta = rho[slot] * Vectors.dot(y[slot], direction);
            Vectors.axpy(alphas[slot] - beta, s[slot], direction);
        }
    }

    private void steepest() {
        stored = 0;
        for (int i = 0; i < direction.length; i++) {
            direction[i] = -gradient[i];
        }
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
