package org.oneneuron.constructions;

/**
 * PAPER.md §6 case C, minima at infinity: L(θ) = (θ² - 1)² + 0.1(θ - 1)² with the global minimum
 * θ = 1 and the bad local minimum θ₀ = -1/2 - 1/√5, wrapped as
 * L~ = L(θ)(1 + (a e^b - 1)²) + λa² (Sohl-Dickstein and Kawaguchi) over (θ, a, b).
 */
public record ToyConstruction() implements Construction {

    /** θ₀ = -1/2 - 1/√5, the bad local minimum of L. */
    public static final double THETA0 = -0.5 - 1 / Math.sqrt(5);

    @Override
    public String name() {
        return "C";
    }

    @Override
    public String description() {
        return "one-parameter toy L(θ)(1 + (a e^b - 1)²) + λa²: the bad minimum θ₀ moves to infinity "
                + "(a -> 0, b -> ∞, a e^b -> 1)";
    }

    @Override
    public double[] badPoint() {
        return new double[] {THETA0};
    }

    @Override
    public double[] globalPoint() {
        return new double[] {1};
    }

    @Override
    public double badLoss() {
        return ToyObjective.plainLoss(THETA0);
    }

    @Override
    public double globalLoss() {
        return 0;
    }

    /** PAPER.md §6 C: λ = 1e-3 shows the minimum moving off to infinity within 10⁵ GD steps. */
    @Override
    public double lambda() {
        return 1e-3;
    }

    /** The closed-form augmented objective L~ with penalty λa² (not a network). */
    public ToyObjective augmentedObjective(double lambda) {
        return new ToyObjective(lambda);
    }

    /** (θ₀, a = 0, b = 0). */
    @Override
    public double[] augmentedBadPoint() {
        return new double[] {THETA0, 0, 0};
    }
}
