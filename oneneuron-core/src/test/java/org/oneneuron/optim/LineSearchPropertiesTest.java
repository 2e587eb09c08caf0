package org.oneneuron.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.oneneuron.testing.Property;

/** The accepted step satisfies the strong Wolfe conditions it promises. */
class LineSearchPropertiesTest {

    @Test
    void acceptedStepsSatisfyStrongWolfe() {
        Property.forAll(60, g -> searchAndCheck(g.intIn("dimension", 2, 8), g.seed("seed"),
                g.intIn("exponent", -3, 3)));
    }

    private static void searchAndCheck(int dimension, long seed, int exponent) {
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
