package org.oneneuron.linalg;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Splits a kernel's row panels across {@link Backends#threads()} threads: the caller runs the first
 * chunk itself, the others go to a shared daemon pool. Work below {@link #MIN_WORK_PER_THREAD}
 * multiply-adds per thread stays on the caller (waking a thread costs more than it saves).
 */
final class RowSplitter {

    /** Multiply-adds one extra thread must get before splitting pays. */
    static final long MIN_WORK_PER_THREAD = 1L << 19;

    private static ForkJoinPool pool;
    private static int poolSize;

    /** A range of row panels [from, to). */
    interface Body {
        void run(int from, int to);
    }

    private RowSplitter() {
    }

    /** Threads {@link #run} uses for this many panels and multiply-adds (1: the caller alone). */
    static int threadsFor(int panels, long work) {
        return (int) Math.min(Math.min(Backends.threads(), panels), Math.max(1, work / MIN_WORK_PER_THREAD));
    }

    static void run(int panels, long work, Body body) {
        int threads = threadsFor(panels, work);
        if (threads <= 1) {
            body.run(0, panels);
            return;
        }
        ForkJoinPool workers = pool(threads - 1);
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[threads - 1];
        for (int t = 1; t < threads; t++) {
            int from = (int) ((long) panels * t / threads);
            int to = (int) ((long) panels * (t + 1) / threads);
            tasks[t - 1] = workers.submit(() -> body.run(from, to));
        }
        body.run(0, (int) ((long) panels / threads));
        for (ForkJoinTask<?> task : tasks) {
            task.join();
        }
    }

    private static synchronized ForkJoinPool pool(int size) {
        if (pool == null || poolSize < size) {
            if (pool != null) {
                pool.shutdown();
            }
            pool = new ForkJoinPool(size);
            poolSize = size;
        }
        return pool;
    }
}
