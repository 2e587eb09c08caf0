package org.oneneuron.study;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a study on local cores: one single-threaded run per worker, each finished run appended to
 * DIR/journal.jsonl at once. Re-running in the same directory resumes: finished runs are skipped,
 * unfinished ones redone. A time budget stops handing out new runs once spent (runs already
 * started finish and are journaled).
 */
public final class StudyRunner {

    /** The journal's file name inside the study directory. */
    public static final String JOURNAL = "journal.jsonl";

    private final RunFunction function;
    private final int threads;
    private final Duration budget;
    private final StudyListener listener;

    /**
     * @param function runs one RunSpec
     * @param threads  worker threads, >= 1 (one run per thread)
     * @param budget   wall-time budget for starting new runs; Duration.ZERO for none
     * @param listener progress
     */
    public StudyRunner(RunFunction function, int threads, Duration budget, StudyListener listener) {
        this.function = Objects.requireNonNull(function, "function");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (budget.isNegative()) {
            throw new IllegalArgumentException("budget must not be negative, got " + budget);
        }
        this.threads = threads;
        this.budget = budget;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Runs (or resumes) {@code spec} in {@code dir}; returns every finished run. */
    public StudyResult run(StudySpec spec, Path dir) {
        function.check(spec);
        StudyManifest.of(spec, function).writeOrCheck(dir);
        List<RunSpec> runs = spec.expand();
        long deadline = budget.isZero() ? Long.MAX_VALUE : System.nanoTime() + budget.toNanos();
        try (Journal journal = Journal.open(dir.resolve(JOURNAL))) {
            for (int index : journal.entries().keySet()) {
                if (index >= runs.size() || !runs.get(index).equals(journal.entries().get(index).run())) {
                    throw new IllegalStateException(dir.resolve(JOURNAL) + ": run " + index
                            + " does not match the study spec; use a new --out directory");
                }
            }
            int resumed = journal.entries().size();
            listener.started(runs.size(), resumed);
            AtomicInteger done = new AtomicInteger(resumed);
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "study-worker");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (RunSpec run : runs) {
                    if (journal.contains(run.runIndex())) {
                        continue;
                    }
                    futures.add(pool.submit(() -> {
                        if (System.nanoTime() > deadline) {
                            return;
                        }
                        JournalEntry entry = new JournalEntry(run, function.run(run));
                        journal.append(entry);
                        listener.finished(entry, done.incrementAndGet(), runs.size());
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("study interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("a run failed: " + cause, cause);
            } finally {
                pool.shutdownNow();
            }
            List<JournalEntry> entries = List.copyOf(journal.entries().values());
            return new StudyResult(spec, entries, runs.size(), resumed);
        }
    }

    /** Replays run {@code runIndex} of {@code spec} alone, without touching any journal. */
    public JournalEntry replay(StudySpec spec, int runIndex) {
        function.check(spec);
        List<RunSpec> runs = spec.expand();
        if (runIndex < 0 || runIndex >= runs.size()) {
            throw new IllegalArgumentException("--only-run " + runIndex + " is outside 0.."
                    + (runs.size() - 1));
        }
        RunSpec run = runs.get(runIndex);
        return new JournalEntry(run, function.run(run));
    }
}
