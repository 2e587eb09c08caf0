package org.oneneuron.landscape;

import java.util.Locale;

/**
 * What the theorem's escape found at an augmented point (θ, a₀, w₀, b₀) that curvature alone would
 * call a bad local minimum. The path: set a to 0 (the loss changes by {@code barrier}), reaching θ₀;
 * at a = 0 the neuron's (w, b) do not change the loss, so move them to the search's best (w, b);
 * then step along a to a = -g/κ, halved until the loss falls below its value at a = 0 where that
 * full step overshoots (as {@code escape} does). Decreases are measured on the exact objective at
 * the step used. PAPER.md §4: a local minimum has a = 0 (when λ > 0), and at an a = 0 local minimum
 * no such decrease exists; so the escape is judged from θ₀, and θ itself, when a₀ ≠ 0, is ruled
 * out by the identity ({@code lambdaASquared} > 0).
 *
 * @param escapes         decreaseFromAZero > tolerance, where θ₀'s escape bears on θ (θ = θ₀ to the
 *                        loss's bits, or lambdaASquared > 0; never at a ≠ 0 with λ = 0)
 * @param decrease        L~(θ) - L~(θ'), θ' the end of the path (at {@code stepUsed}); below 0 where
 *                        the end is above θ (a rise setting a = 0 that the escape does not win back)
 * @param slope           g = ∂L~/∂a at a = 0 with the best (w, b): the direction's slope
 * @param kappa           κ = ∂²L~/∂a² there
 * @param step            a = -g/κ, the full step
 * @param barrier         L~(θ with a = 0) - L~(θ): the rise on the path's first leg (may be < 0)
 * @param wDistance       ‖(w, b) - (w₀, b₀)‖, how far the flat leg moves the neuron
 * @param directionsTried random directions evaluated by the search
 * @param ascentSteps     at most this many ascent steps on g²/(2κ) from the best of them
 * @param seed            the search's seed
 * @param tolerance       round-off bound the decrease from θ₀ must exceed: 1e-12·max(1, |L~(θ₀)|)
 * @param escapePoint     θ', the end of the path
 * @param output          the output whose neuron the path moves (K outputs, PAPER.md §10: the one
 *                        with the largest predicted decrease); -1 for a one-output model
 * @param stepUsed        the a of θ': {@code step}, or it halved {@code halvings} times
 * @param halvings        how often the full step was halved (0: kept; 40: no tried step lowered the loss)
 * @param decreaseFromAZero L~(θ₀) - L~(θ') = barrier + decrease: the escape's own decrease
 * @param lambdaASquared  λ·max_k a_k² at θ, the identity a_k·∂L~/∂a_k - ∂L~/∂b_k = λa_k²'s right-hand
 *                        side: above 0, ∇L~(θ) ≠ 0 exactly, so θ is no local minimum
 */
public record EscapeEvidence(boolean escapes, double decrease, double slope, double kappa, double step,
                             double barrier, double wDistance, int directionsTried, int ascentSteps,
                             long seed, double tolerance, double[] escapePoint, int output, double stepUsed,
                             int halvings, double decreaseFromAZero, double lambdaASquared) {

    public EscapeEvidence {
        escapePoint = escapePoint.clone();
    }

    /** The evidence of a one-output model at an a = 0 point (no barrier). */
    public EscapeEvidence(boolean escapes, double decrease, double slope, double kappa, double step,
                          double wDistance, int directionsTried, int ascentSteps, long seed, double tolerance,
                          double[] escapePoint) {
        this(escapes, decrease, slope, kappa, step, 0.0, wDistance, directionsTried, ascentSteps, seed, tolerance,
                escapePoint, -1, step, 0, decrease, 0.0);
    }

    @Override
    public double[] escapePoint() {
        return escapePoint.clone();
    }

    /** The search effort in words. */
    public String effort() {
        return String.format(Locale.ROOT, "%d random directions w + up to %d ascent steps on g²/(2κ), seed %d",
                directionsTried, ascentSteps, seed);
    }

    /** One clause for a verdict's reason. */
    public String describe() {
        String found = String.format(Locale.ROOT, "%sslope ∂L~/∂a = %.3e, κ = %.3e, a = %.3e%s; (w, b) moved %.3g "
                + "along the flat a = 0 set; %s", output >= 0 ? "the neuron of output " + output + ", " : "", slope,
                kappa, stepUsed, halvings == 0 ? "" : String.format(Locale.ROOT, ", -g/κ = %.3e halved %d times",
                        step, halvings), wDistance, effort());
        if (escapes && barrier == 0.0) {
            return String.format(Locale.ROOT, "the theorem's escape lowers L~ by %.3e (%s)", decrease, found);
        }
        if (escapes) {
            return String.format(Locale.ROOT, "a ≠ 0 here, so ∇L~ ≠ 0 exactly (a·∂L~/∂a - ∂L~/∂b = λa² = %.3e, "
                    + "PAPER.md §4: a local minimum has a = 0), and at the a = 0 point beside it (L~ %+.3e from "
                    + "here) the theorem's escape lowers L~ by %.3e, ending %s (%s)", lambdaASquared, barrier,
                    decreaseFromAZero, decrease >= 0.0 ? String.format(Locale.ROOT, "%.3e below here", decrease)
                            : String.format(Locale.ROOT, "%.3e above here", -decrease), found);
        }
        if (barrier != 0.0 && !(lambdaASquared > 0.0) && !Double.isNaN(decrease)) {
            return String.format(Locale.ROOT, "no escape claimed: a ≠ 0 here and λ = 0, so nothing forces a = 0 at "
                    + "a local minimum and the escape of the a = 0 point (decrease %.3e there) says nothing of "
                    + "this one (%s)", decreaseFromAZero, effort());
        }
        return String.format(Locale.ROOT, "no escape found (best decrease %.3e from the a = 0 point, <= %.1e; "
                + "slope %.3e%s%s%s; %s)", decreaseFromAZero, tolerance, slope,
                output >= 0 ? " at output " + output + " of every output tried" : "",
                halvings == 0 ? "" : String.format(Locale.ROOT, ", at a = -g/κ and %d halvings of it", halvings),
                barrier != 0.0 ? String.format(Locale.ROOT, ", rise setting a = 0: %.3e", barrier) : "", effort());
    }
}
