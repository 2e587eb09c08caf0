package org.oneneuron.landscape;

import java.util.Locale;

/**
 * What the theorem's escape found at an augmented point (θ, a₀, w₀, b₀) that curvature alone would
 * call a bad local minimum. The path: set a to 0 (the loss changes by {@code barrier}); at a = 0
 * the neuron's (w, b) do not change the loss, so move them to the search's best (w, b); then step
 * along a to a = -g/κ, halved until the loss falls below its value at a = 0 where that full step
 * overshoots (as {@code escape} does). {@code decrease} = L~(point) - L~(end of the path), measured on the exact
 * objective at the step used. PAPER.md §4: at a true local minimum no such decrease exists.
 *
 * @param escapes         decrease > tolerance (and the barrier is below the decrease)
 * @param decrease        L~(θ) - L~(θ'), θ' the end of the path (at {@code stepUsed})
 * @param slope           g = ∂L~/∂a at a = 0 with the best (w, b): the direction's slope
 * @param kappa           κ = ∂²L~/∂a² there
 * @param step            a = -g/κ, the full step
 * @param barrier         L~(θ with a = 0) - L~(θ): the rise on the path's first leg (may be < 0)
 * @param wDistance       ‖(w, b) - (w₀, b₀)‖, how far the flat leg moves the neuron
 * @param directionsTried random directions evaluated by the search
 * @param ascentSteps     at most this many ascent steps on g²/(2κ) from the best of them
 * @param seed            the search's seed
 * @param tolerance       round-off bound a decrease must exceed: 1e-12·max(1, |L~|)
 * @param escapePoint     θ', the end of the path
 * @param output          the output whose neuron the path moves (K outputs, PAPER.md §10: the one
 *                        with the largest predicted decrease); -1 for a one-output model
 * @param stepUsed        the a of θ': {@code step}, or it halved {@code halvings} times
 * @param halvings        how often the full step was halved (0: kept; 40: no tried step lowered the loss)
 */
public record EscapeEvidence(boolean escapes, double decrease, double slope, double kappa, double step,
                             double barrier, double wDistance, int directionsTried, int ascentSteps,
                             long seed, double tolerance, double[] escapePoint, int output, double stepUsed,
                             int halvings) {

    public EscapeEvidence {
        escapePoint = escapePoint.clone();
    }

    /** The evidence of a one-output model. */
    public EscapeEvidence(boolean escapes, double decrease, double slope, double kappa, double step, double barrier,
                          double wDistance, int directionsTried, int ascentSteps, long seed, double tolerance,
                          double[] escapePoint) {
        this(escapes, decrease, slope, kappa, step, barrier, wDistance, directionsTried, ascentSteps, seed, tolerance,
                escapePoint, -1, step, 0);
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
        if (escapes) {
            return String.format(Locale.ROOT, "the theorem's escape lowers L~ by %.3e (%sslope ∂L~/∂a = %.3e, "
                    + "κ = %.3e, a = %.3e%s; (w, b) moved %.3g along the flat a = 0 set; rise setting a = 0: %.3e; %s)",
                    decrease, output >= 0 ? "the neuron of output " + output + ", " : "", slope, kappa, stepUsed,
                    halvings == 0 ? "" : String.format(Locale.ROOT, ", -g/κ = %.3e halved %d times", step, halvings),
                    wDistance, barrier, effort());
        }
        // a decrease above round-off fails only by not exceeding the path's first rise
        String against = decrease > tolerance
                ? String.format(Locale.ROOT, "not above the rise setting a = 0, %.3e", barrier)
                : String.format(Locale.ROOT, "<= %.1e", tolerance);
        return String.format(Locale.ROOT, "no escape found (best decrease %.3e %s, slope %.3e%s%s%s; %s)",
                decrease, against, slope, output >= 0 ? " at output " + output + " of every output tried" : "",
                halvings == 0 ? "" : String.format(Locale.ROOT, ", at a = -g/κ and %d halvings of it", halvings),
                barrier > 0.0 && decrease <= tolerance
                        ? String.format(Locale.ROOT, ", rise setting a = 0: %.3e", barrier) : "",
                effort());
    }
}
