package org.oneneuron.linalg;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the chunks of one parallel pass: chunk 0 on the caller, chunks 1.. on persistent daemon
 * workers that spin for up to {@link #SPIN_NANOS} after each chunk before they park. A training
 * step hands out work every millisecond or so, and waking a parked thread costs 80–120 µs on a
 * virtual machine (measured here), a tenth of the step; a spinning worker starts within a
 * microsecond. The workers are shared by the process; a caller that finds them busy (another
 * pass running in parallel, or a pass started from inside one of its chunks) uses the common
 * fork-join pool instead, so passes never wait for each other. Which thread runs a chunk never
 * changes a result: every chunk has its own buffers and the owner adds the results in chunk order.
 * This is the one executor of parallel passes: the objectives' sample chunks and the Vector API
 * GEMM's row panels ({@link #runRanges}) both run here.
 */
public final class ChunkWorkers {

    /** How long an idle worker spins before parking. */
    static final long SPIN_NANOS = 2_000_000L;

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static Worker[] workers = new Worker[0];

    private ChunkWorkers() {
    }

    /**
     * Runs {@code chunks[0..count)}: the first here, the others in parallel; returns when all
     * have finished and rethrows the first failure in chunk order.
     */
    public static void run(Runnable[] chunks, int count) {
        if (count <= 1) {
            chunks[0].run();
            return;
        }
        // A pass started from inside a chunk of another pass (the lock is reentrant) must not
        // hand work to the workers that are running that pass.
        if (LOCK.isHeldByCurrentThread() || !LOCK.tryLock()) {
            runOnCommonPool(chunks, count);
            return;
        }
        try {
            Worker[] team = team(count - 1);
            for (int c = 1; c < count; c++) {
                team[c - 1].submit(chunks[c]);
            }
            Throwable failure = null;
            try {
                chunks[0].run();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            for (int c = 1; c < count; c++) {
                Throwable e = team[c - 1].await();
                if (failure == null) {
                    failure = e;
                }
            }
            rethrow(failure);
        } finally {
            LOCK.unlock();
        }
    }

    /** A body over a contiguous range [from, to) of items. */
    public interface RangeBody {
        /** Runs items [from, to). */
        void run(int from, int to);
    }

    /**
     * Cuts [0, items) into {@code parts} contiguous ranges (range t is [t·items/parts,
     * (t+1)·items/parts)) and runs them as the chunks of one pass ({@link #run}).
     */
    public static void runRanges(int items, int parts, RangeBody body) {
        if (parts <= 1) {
            body.run(0, items);
            return;
        }
        Runnable[] chunks = new Runnable[parts];
        for (int t = 0; t < parts; t++) {
            int from = (int) ((long) items * t / parts);
            int to = (int) ((long) items * (t + 1) / parts);
            chunks[t] = () -> body.run(from, to);
        }
        run(chunks, parts);
    }

    /** At least {@code size} started workers (called with the lock held). */
    private static Worker[] team(int size) {
        if (workers.length < size) {
            Worker[] grown = new Worker[size];
            System.arraycopy(workers, 0, grown, 0, workers.length);
            for (int i = workers.length; i < size; i++) {
                grown[i] = new Worker(i + 1);
            }
            workers = grown;
        }
        return workers;
    }

    private static void runOnCommonPool(Runnable[] chunks, int count) {
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[count - 1];
        for (int c = 1; c < count; c++) {
            tasks[c - 1] = ForkJoinPool.commonPool().submit(chunks[c]);
        }
        Throwable failure = null;
        try {
            chunks[0].run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (ForkJoinTask<?> task : tasks) {
            try {
                task.join();
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        rethrow(failure);
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** One daemon thread with a one-task mailbox. */
    private static final class Worker implements Runnable {

        private final Thread thread;
        private volatile Runnable task;
        private volatile boolean done = true;
        private Throwable failure;

        Worker(int index) {
            thread = new Thread(this, "oneneuron-chunk-" + index);
            thread.setDaemon(true);
            thread.start();
        }

        void submit(Runnable chunk) {
            failure = null;
            done = false;
            task = chunk;
            LockSupport.unpark(thread);
        }

        /** Waits for the submitted chunk (spinning, then yielding) and returns its failure, if any. */
        Throwable await() {
            long start = System.nanoTime();
            while (!done) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            return failure;
        }

        @Override
        public void run() {
            while (true) {
                Runnable chunk = next();
                try {
                    chunk.run();
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                task = null;
                done = true;
            }
        }

        /** The next task: spins for {@link #SPIN_NANOS}, then parks until one is submitted. */
        private Runnable next() {
            long start = System.nanoTime();
            while (true) {
                Runnable chunk = task;
                if (chunk != null) {
                    return chunk;
                }
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }
    }
}
