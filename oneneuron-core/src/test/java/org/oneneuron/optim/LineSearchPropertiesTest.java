package org.oneneuron.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The accepted step satisfies the strong Wolfe conditions it promises. */
class LineSearchPropertiesTest {

    @Property(tries = 60)
    void acceptedStepsSatisfyStrongWolfe(@ForAll @IntRange(min = 2, max = 8) int dimension,
                                         @ForAll long seed,
                                         @ForAll @IntRange(min = -3, max = 3) int exponent) {
        double initial = Math.pow(10, exponent);
        Quadratic quadratic = new Quadratic(dimension, 5, seed);
        double[] theta = new double[dimension];
        double[] gradient = new double[dimension];
        double f0 = quadratic.valueAndGradient(theta, gradient);
        double[] direction = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            direction[i] = -gradient[i];
        }
        double slope = Vectors.dot(gradient, direction);
        StrongWolfeLineSearch search = new StrongWolfeLineSearch(quadratic);
        assertTrue(search.search(theta, f0, slope, direction, initial), "search failed");
        double slopeAtStep = Vectors.dot(search.gradient, direction);
        assertTrue(search.value <= f0 + 1e-4 * search.alpha * slope, "sufficient decrease");
        assertTrue(Math.abs(slopeAtStep) <= 0.9 * Math.abs(slope), "curvature");
    }
}
