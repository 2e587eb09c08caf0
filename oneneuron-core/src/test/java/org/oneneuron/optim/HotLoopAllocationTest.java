package org.oneneuron.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** GD, SGD and Adam steps allocate nothing once started (STYLE habit 4). */
class HotLoopAllocationTest {

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static void assertStepsDoNotAllocate(Optimizer optimizer) {
        double[] theta = new double[6];
        double[] other = new double[6];
        optimizer.start(theta);
        for (int k = 0; k < 10_000; k++) {
            optimizer.step(theta);
            optimizer.stepInto(theta, other);     // and back, as the trainer steps
            optimizer.stepInto(other, theta);
        }
        long before = allocatedBytes();
        for (int k = 0; k < 5_000; k++) {
            optimizer.stepInto(theta, other);
            optimizer.stepInto(other, theta);
        }
        long allocated = allocatedBytes() - before;
        assertTrue(allocated < 4096, optimizer.name() + " allocated " + allocated
                + " bytes in 10000 steps");
    }

    @Test
    void firstOrderStepsAllocateNothing() {
        Quadratic quadratic = new Quadratic(6, 40, 11);
        assertStepsDoNotAllocate(new GradientDescent(quadratic, 0.01, 1.0));
        assertStepsDoNotAllocate(new StochasticGradient(quadratic, 0.01, 8, 0.9, true, 1.0,
                new SplittableRandom(1)));
        assertStepsDoNotAllocate(new Adam(quadratic, 0.01, 8, 0.9, 0.999, 1e-8, 1.0,
                new SplittableRandom(2)));
    }
}
