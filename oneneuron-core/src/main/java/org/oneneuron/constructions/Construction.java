package org.oneneuron.constructions;


/**
 * A problem with a known bad local minimum (PAPER.md §6): the bad point, a global point, their
 * losses, and the λ of the demonstrations. A network construction's objectives are built by the
 * run floor ({@code org.oneneuron.run.Problem}); case C is its own closed-form objective.
 */
public sealed interface Construction permits NetworkConstruction, ToyConstruction {

    /** Registry name: {@code A1}, {@code A2}, {@code B}, {@code B-leaky}, {@code C}. */
    String name();

    /** One line on what the case shows. */
    String description();

    /** θ of the bad local minimum of the plain problem (a copy). */
    double[] badPoint();

    /** θ of a global minimum of the plain problem (a copy). */
    double[] globalPoint();

    /** Plain loss at the bad point. */
    double badLoss();

    /** Plain loss at the global point. */
    double globalLoss();

    /** λ of the PAPER.md §6 demonstrations on this case; the landscape commands' default. */
    double lambda();

    /** The bad point embedded in the augmented parameter space with a = 0 (w, b as the case fixes them). */
    double[] augmentedBadPoint();
}
