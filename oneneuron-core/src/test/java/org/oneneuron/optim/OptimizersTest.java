package org.oneneuron.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.objective.Objective;

class OptimizersTest {

    private static final Quadratic QUADRATIC = new Quadratic(6, 40, 11);

    /** Runs at most {@code steps} iterations or until ‖g‖ ≤ tolerance; returns θ. */
    static double[] run(Optimizer optimizer, double[] start, int steps, double tolerance) {
        double[] theta = start.clone();
        optimizer.start(theta);
        for (int k = 0; k < steps && optimizer.gradientNorm() > tolerance; k++) {
            if (!optimizer.step(theta)) {
                break;
            }
        }
        return theta;
    }

    private static double distance(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - y[i]) * (x[i] - y[i]);
        }
        return Math.sqrt(s);
    }

    private static void assertReachesMinimizer(Optimizer optimizer, int steps, double tolerance) {
        double[] theta = run(optimizer, new double[6], steps, 0);
        double error = distance(theta, QUADRATIC.minimizer());
        assertTrue(error < tolerance, optimizer.name() + " ended " + error + " from the minimizer");
    }

    @Test
    void gradientDescentReachesTheQuadraticMinimizer() {
        assertReachesMinimizer(new GradientDescent(QUADRATIC, 0.02, Double.POSITIVE_INFINITY),
                20000, 1e-8);
    }

    @Test
    void clippedGradientDescentStillReachesIt() {
        assertReachesMinimizer(new GradientDescent(QUADRATIC, 0.02, 0.5), 20000, 1e-8);
    }

    @Test
    void minibatchSgdWithMomentumReachesIt() {
        assertReachesMinimizer(new StochasticGradient(QUADRATIC, 0.01, 8, 0.9, false,
                Double.POSITIVE_INFINITY, new SplittableRandom(1)), 20000, 1e-8);
    }

    @Test
    void nesterovSgdReachesIt() {
        assertReachesMinimizer(new StochasticGradient(QUADRATIC, 0.01, 8, 0.9, true,
                Double.POSITIVE_INFINITY, new SplittableRandom(2)), 20000, 1e-8);
    }

    @Test
    void adamReachesIt() {
        assertReachesMinimizer(new Adam(QUADRATIC, 0.01, 0, 0.9, 0.999, 1e-8,
                Double.POSITIVE_INFINITY, new SplittableRandom(3)), 20000, 1e-4);
    }

    @Test
    void lbfgsReachesItToGradientNormOneInTenBillion() {
        Lbfgs lbfgs = new Lbfgs(QUADRATIC, 5);
        double[] theta = run(lbfgs, new double[6], 200, 1e-12);
        assertTrue(lbfgs.gradientNorm() <= 1e-10, "gradient norm " + lbfgs.gradientNorm());
        assertArrayEquals(QUADRATIC.minimizer(), theta, 1e-9);
    }

    @Test
    void newtonCgReachesItToGradientNormOneInTenBillion() {
        NewtonCg newton = new NewtonCg(QUADRATIC, 1.0, 50);
        double[] theta = run(newton, new double[6], 200, 1e-12);
        assertTrue(newton.gradientNorm() <= 1e-10, "gradient norm " + newton.gradientNorm());
        assertArrayEquals(QUADRATIC.minimizer(), theta, 1e-9);
    }

    @Test
    void secondOrderMethodsSolveRosenbrock() {
        Objective rosenbrock = new Rosenbrock(4);
        double[] start = {-1.2, 1, -1.2, 1};
        for (Optimizer optimizer : new Optimizer[] {new Lbfgs(rosenbrock, 8),
                new NewtonCg(rosenbrock, 1.0, 20)}) {
            double[] theta = run(optimizer, start, 2000, 1e-11);
            assertTrue(optimizer.gradientNorm() <= 1e-10,
                    optimizer.name() + " gradient norm " + optimizer.gradientNorm());
            assertArrayEquals(new double[] {1, 1, 1, 1}, theta, 1e-8, optimizer.name());
        }
    }

    @Test
    void steppingIntoAnotherArrayIsSteppingInPlaceAndLeavesTheStartAlone() {
        java.util.function.Supplier<java.util.List<Optimizer>> all = () -> java.util.List.of(
                new GradientDescent(QUADRATIC, 0.02, 0.5),
                new StochasticGradient(QUADRATIC, 0.01, 8, 0, false, 0.7, new SplittableRandom(1)),
                new StochasticGradient(QUADRATIC, 0.01, 8, 0.9, true, Double.POSITIVE_INFINITY, new SplittableRandom(1)),
                new Adam(QUADRATIC, 0.01, 8, 0.9, 0.999, 1e-8, 0.5, new SplittableRandom(2)),
                new Lbfgs(QUADRATIC, 5),
                new NewtonCg(QUADRATIC, 1.0, 50));
        java.util.List<Optimizer> inPlace = all.get();
        java.util.List<Optimizer> into = all.get();
        for (int k = 0; k < inPlace.size(); k++) {
            Optimizer a = inPlace.get(k);
            Optimizer b = into.get(k);
            double[] theta = new double[6];
            double[] from = new double[6];
            double[] to = new double[6];
            a.start(theta);
            b.start(from);
            for (int s = 0; s < 12; s++) {
                double[] before = from.clone();
                boolean movedA = a.step(theta);
                boolean movedB = b.stepInto(from, to);
                String what = a.name() + " step " + s;
                assertEquals(movedA, movedB, what);
                assertArrayEquals(theta, to, 0.0, what);
                assertArrayEquals(before, from, 0.0, what + ": the start is left alone");
                assertEquals(Double.doubleToLongBits(a.loss()), Double.doubleToLongBits(b.loss()), what);
                double[] t = from;
                from = to;
                to = t;
            }
        }
    }

    @Test
    void sgdBatchOrderDependsOnlyOnTheSeed() {
        double[] first = run(new StochasticGradient(QUADRATIC, 0.01, 3, 0, false,
                Double.POSITIVE_INFINITY, new SplittableRandom(5)), new double[6], 50, 0);
        double[] again = run(new StochasticGradient(QUADRATIC, 0.01, 3, 0, false,
                Double.POSITIVE_INFINITY, new SplittableRandom(5)), new double[6], 50, 0);
        double[] other = run(new StochasticGradient(QUADRATIC, 0.01, 3, 0, false,
                Double.POSITIVE_INFINITY, new SplittableRandom(6)), new double[6], 50, 0);
        assertArrayEquals(first, again, 0.0);
        assertTrue(distance(first, other) > 0);
    }

    @Test
    void clippingCapsTheFirstStep() {
        GradientDescent clipped = new GradientDescent(QUADRATIC, 1.0, 0.25);
        double[] theta = new double[6];
        clipped.start(theta);
        clipped.step(theta);
        assertEquals(0.25, Vectors.norm(theta), 1e-12);
    }

    @Test
    void badArgumentsNameTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GradientDescent(QUADRATIC, -1, 1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StochasticGradient(QUADRATIC, 0.1,
                4, 0, true, 1, new SplittableRandom(0)));
        assertThrows(IllegalArgumentException.class, () -> new StochasticGradient(
                new Rosenbrock(2), 0.1, 4, 0, false, 1, new SplittableRandom(0)));
        assertThrows(IllegalArgumentException.class, () -> new Lbfgs(QUADRATIC, 0));
        assertThrows(IllegalArgumentException.class, () -> new NewtonCg(QUADRATIC, 0, 5));
        assertEquals(OptimizerKind.NEWTON_CG, OptimizerKind.parse("Newton-CG"));
        assertThrows(IllegalArgumentException.class, () -> OptimizerKind.parse("bfgs"));
    }
}
