package org.oneneuron.landscape;

/**
 * Settings of {@link Slices}.
 *
 * @param grid    points per axis, >= 2
 * @param extent  random-direction slices cover [-extent, extent]; slices through given points
 *                cover [-extent, 1 + extent], so the points sit at 0 and 1
 * @param threads worker threads (each evaluates with its own {@code Objective.copy()})
 * @param seed    seed of random directions
 */
public record SliceConfig(int grid, double extent, int threads, long seed) {

    public SliceConfig {
        if (grid < 2) {
            throw new IllegalArgumentException("grid must be >= 2 points per axis, got " + grid);
        }
        if (!(extent > 0.0) || !Double.isFinite(extent)) {
            throw new IllegalArgumentException("extent must be positive and finite, got " + extent);
        }
        if (!Double.isFinite(1.0 + 2.0 * extent)) { // the widest axis, [-extent, 1 + extent], must have a finite span
            throw new IllegalArgumentException("extent " + extent + " is too large: the grid's span 1 + 2·extent"
                    + " exceeds the largest double; give at most " + Double.MAX_VALUE / 4);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** 41 points per axis, extent 0.5, all available processors, seed 5. */
    public static SliceConfig defaults() {
        return new SliceConfig(41, 0.5, Runtime.getRuntime().availableProcessors(), 5L);
    }

    public SliceConfig withGrid(int points) {
        return new SliceConfig(points, extent, threads, seed);
    }

    public SliceConfig withThreads(int count) {
        return new SliceConfig(grid, extent, count, seed);
    }
}
