package org.oneneuron.landscape;

import java.util.Locale;
import java.util.Objects;

/**
 * What is known of the least loss min_θ L(θ) a network reaches on its data: the reference a
 * {@code bad_local_minimum} verdict needs (PAPER.md §9). The per-sample floor Σ_i min_q ℓ(q; y_i)
 * (0 for squared, Huber and the hinge family; {@link DataFloor} on conflicting labels) is only a
 * lower bound: a network that cannot interpolate its data stays above it at its global minima
 * (least squares on noisy data). So "above the floor" alone decides nothing, and the problem says
 * what it knows:
 * <ul>
 * <li>{@link Kind#EXACT}: min L = {@code value} (a construction's global loss; the least-squares
 *     fit of a linear model);</li>
 * <li>{@link Kind#BELOW}: some θ reaches a loss strictly below {@code value} (a recipe's bad point
 *     that a better point is known to beat), so a point at {@code value} is not a global minimum;</li>
 * <li>{@link Kind#CONVEX}: L is convex in θ (a linear model with a loss convex in its score), so
 *     every stationary point is a global minimum ({@code value} NaN);</li>
 * <li>{@link Kind#THEOREM}: the exponential neuron with a skip connection (PAPER.md §2, §10): at
 *     every local minimum of L~ each sample's loss is at its floor, so {@code value} is the floor
 *     (NaN for softmax cross-entropy and logistic, whose floor is never attained: then L~ has no
 *     local minimum at all) and a local minimum above it contradicts the theorem;</li>
 * <li>{@link Kind#UNKNOWN}: user data under a network with hidden layers: nothing beyond the floor.</li>
 * </ul>
 *
 * @param kind  what is known
 * @param value the least loss (EXACT), a loss some point beats (BELOW), the floor the theorem
 *              puts every local minimum at (THEOREM; NaN when none is attained); NaN otherwise
 * @param basis one phrase on where the knowledge comes from, e.g. "construction A1"
 */
public record LeastLoss(Kind kind, double value, String basis) {

    /** What a problem knows of its least loss. */
    public enum Kind {
        /** The least loss is {@code value}. */
        EXACT,
        /** Some point reaches a loss strictly below {@code value}. */
        BELOW,
        /** L is convex: every stationary point is a global minimum. */
        CONVEX,
        /** The theorem: every local minimum of L~ sits at the floor {@code value} (NaN: none exists). */
        THEOREM,
        /** Nothing beyond the per-sample floor (a lower bound). */
        UNKNOWN;

        /** The snake_case word of JSON output. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public LeastLoss {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(basis, "basis");
        boolean valued = kind == Kind.EXACT || kind == Kind.BELOW;
        if (valued && !Double.isFinite(value) || kind == Kind.THEOREM && Double.isInfinite(value)) {
            throw new IllegalArgumentException(kind.word() + " least loss needs a finite value, got " + value);
        }
        if ((kind == Kind.CONVEX || kind == Kind.UNKNOWN) && !Double.isNaN(value)) {
            throw new IllegalArgumentException(kind.word() + " least loss carries no value, got " + value);
        }
    }

    /** Nothing known beyond the per-sample floor. */
    public static LeastLoss unknown() {
        return new LeastLoss(Kind.UNKNOWN, Double.NaN,
                "user data: the least loss this network reaches is not known");
    }

    /** min L = value, known from {@code basis}. */
    public static LeastLoss exact(double value, String basis) {
        return new LeastLoss(Kind.EXACT, value, basis);
    }

    /** Some θ reaches a loss strictly below {@code value}, known from {@code basis}. */
    public static LeastLoss below(double value, String basis) {
        return new LeastLoss(Kind.BELOW, value, basis);
    }

    /**
     * The theorem's reference for the exponential neuron with a skip connection: the per-sample
     * floor (NaN when the loss never attains it).
     */
    public static LeastLoss theorem(double floor) {
        return new LeastLoss(Kind.THEOREM, floor, Double.isNaN(floor)
                ? "the theorem (PAPER.md §10): this loss never attains its floor, so L~ has no local minimum"
                : "the theorem (PAPER.md §2, §10): every local minimum of L~ has each sample's loss at its floor");
    }

    /** L convex in θ: every stationary point is a global minimum. */
    public static LeastLoss convex(String basis) {
        return new LeastLoss(Kind.CONVEX, Double.NaN, basis);
    }

    /**
     * Whether a point at {@code loss} is known not to be a global minimum: above the exact least
     * loss by more than {@code tolerance}, or at or above a loss some point beats (up to round-off).
     */
    public boolean beaten(double loss, double tolerance) {
        return switch (kind) {
            case EXACT -> loss - value > tolerance;
            case BELOW -> loss >= value - 1e-12 * Math.max(1.0, Math.abs(value));
            case THEOREM -> Double.isNaN(value) || loss - value > tolerance;
            case CONVEX, UNKNOWN -> false;
        };
    }

    /** Whether a point at {@code loss} is at the exact least loss, within {@code tolerance}. */
    public boolean reached(double loss, double tolerance) {
        return kind == Kind.EXACT && loss - value <= tolerance;
    }

    /** One phrase for a certificate's reason. */
    public String describe() {
        return switch (kind) {
            case EXACT -> String.format(Locale.ROOT, "least loss %.6g (%s)", value, basis);
            case BELOW -> String.format(Locale.ROOT, "some point is below %.6g (%s)", value, basis);
            case CONVEX -> "the loss is convex in θ (" + basis + "): every stationary point is a global minimum";
            case THEOREM -> basis;
            case UNKNOWN -> basis;
        };
    }
}
