package org.oneneuron.run;

import java.util.Locale;

/**
 * What happens to the special neuron by the end of a fit: the neuron as an optimization aid
 * (a scaffold) that is gone from the shipped model, or kept (docs/SCAFFOLD in RESULTS.md §6).
 * A step budget T (the train config's max steps) is shared by the phases:
 * <ul>
 *   <li>{@code keep}: train the augmented network for T steps and ship it with its neuron (an
 *       explicit choice: out of distribution a·exp(wᵀx + b) can dwarf the network);</li>
 *   <li>{@code drop}: train the augmented network for share·T steps, drop the neuron (θ's plain
 *       block), fine-tune the plain network for the rest;</li>
 *   <li>{@code lambda} (λ continuation): the augmented phase of share·T steps in {@code rounds}
 *       equal rounds; after each round, when max_i |a·E_i| on the training data is below
 *       {@code tolerance} the phase ends, else λ ← growth·λ and training continues from the same
 *       point (for gd and sgd λ stops at 1/η, beyond which the penalty alone makes the step
 *       unstable; a round that diverges ends the phase at the previous round's point); then the
 *       neuron is dropped and the plain network fine-tuned for the rest. Raising λ
 *       makes a costlier (the penalty (λ/2)a²), pushing the fit back into the network before the
 *       drop.</li>
 *   <li>{@code none}: the plain network for T steps (what a model without a neuron does anyway).</li>
 * </ul>
 *
 * @param mode      keep, drop, lambda or none
 * @param tolerance the neuron counts as gone when max_i |a·E_i| is below this (score units)
 * @param growth    λ's factor per round (lambda mode), > 1
 * @param rounds    rounds of the augmented phase (lambda mode), >= 1
 * @param share     the augmented phase's share of the step budget, in (0, 1]
 */
public record Scaffold(Mode mode, double tolerance, double growth, int rounds, double share) {

    /** The four modes. */
    public enum Mode {
        KEEP, DROP, LAMBDA, NONE;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The default tolerance on max_i |a·E_i| at the drop (and for a shipped model), 1e-3. */
    public static final double TOLERANCE = 1e-3;

    public Scaffold {
        java.util.Objects.requireNonNull(mode, "mode");
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("scaffold tolerance must be positive and finite, got " + tolerance);
        }
        if (!(growth > 1) || !Double.isFinite(growth)) {
            throw new IllegalArgumentException("scaffold growth must be > 1, got " + growth);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("scaffold rounds must be >= 1, got " + rounds);
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("scaffold share must be in (0, 1], got " + share);
        }
    }

    /** The mode with the default knobs: tolerance 1e-3, growth 10, 4 rounds, half the budget augmented. */
    public static Scaffold of(Mode mode) {
        return new Scaffold(mode, TOLERANCE, 10.0, 4, 0.5);
    }

    /** Parses keep, drop, lambda or none (default knobs). */
    public static Scaffold parse(String word) {
        for (Mode m : Mode.values()) {
            if (m.word().equals(word.trim().toLowerCase(Locale.ROOT))) {
                return of(m);
            }
        }
        throw new IllegalArgumentException("unknown scaffold '" + word + "'; expected keep, drop, lambda or none");
    }

    /**
     * The mode a fit gets when the user names none: the library's and {@code train}'s default,
     * chosen from the measured comparison in docs/RESULTS.md §6. Plain networks get {@code none}.
     */
    public static final Mode DEFAULT = Mode.LAMBDA;

    /** The default schedule for a network: {@link #DEFAULT} with a special neuron, else none. */
    public static Scaffold defaultFor(boolean hasNeuron) {
        return of(hasNeuron ? DEFAULT : Mode.NONE);
    }

    /** Whether the shipped model keeps the neuron. */
    public boolean keepsNeuron() {
        return mode == Mode.KEEP;
    }

    public Scaffold withTolerance(double value) {
        return new Scaffold(mode, value, growth, rounds, share);
    }

    public Scaffold withGrowth(double value) {
        return new Scaffold(mode, tolerance, value, rounds, share);
    }

    public Scaffold withRounds(int value) {
        return new Scaffold(mode, tolerance, growth, value, share);
    }

    public Scaffold withShare(double value) {
        return new Scaffold(mode, tolerance, growth, rounds, value);
    }

    /** The schedule in words, e.g. for a model's provenance. */
    public String describe() {
        return switch (mode) {
            case KEEP -> "keep: the augmented network, neuron kept";
            case NONE -> "none: the plain network";
            case DROP -> String.format(Locale.ROOT, "drop: augmented for %.2g of the steps, neuron dropped, "
                    + "plain fine-tune for the rest", share);
            case LAMBDA -> String.format(Locale.ROOT, "lambda: augmented for %.2g of the steps in %d rounds, "
                    + "λ x%.3g per round until max|a·E_i| < %.1e, neuron dropped, plain fine-tune for the rest",
                    share, rounds, growth, tolerance);
        };
    }
}
