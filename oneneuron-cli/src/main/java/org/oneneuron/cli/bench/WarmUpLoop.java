package org.oneneuron.cli.bench;

/**
 * Runs one workload step untimed until its speed is stable, as a JMH warm-up does: at least
 * {@code minSteps} steps, then until {@link #STABLE} consecutive steps each took at most 1.3× the
 * fastest step seen, at most {@link #MAX_SECONDS} seconds. The JIT compiles the Vector API kernels
 * asynchronously; until it has, they run two to three orders of magnitude slower.
 */
final class WarmUpLoop {

    static final int STABLE = 20;
    static final double MAX_SECONDS = 10;

    /** One unit of work. */
    interface Step {
        void run() throws Exception;
    }

    /**
     * @param steps   steps run
     * @param seconds wall time of the warm-up
     */
    record Outcome(int steps, double seconds) {
    }

    private WarmUpLoop() {
    }

    static Outcome run(int minSteps, Step step) throws Exception {
        if (minSteps <= 0) {
            return new Outcome(0, 0);
        }
        long start = System.nanoTime();
        long best = Long.MAX_VALUE;
        int stable = 0;
        int steps = 0;
        while ((System.nanoTime() - start) * 1e-9 < MAX_SECONDS) {
            long t0 = System.nanoTime();
            step.run();
            long took = System.nanoTime() - t0;
            steps++;
            best = Math.min(best, took);
            stable = took <= best + 3 * best / 10 ? stable + 1 : 0;
            if (steps >= minSteps && stable >= STABLE) {
                break;
            }
        }
        return new Outcome(steps, (System.nanoTime() - start) * 1e-9);
    }
}
