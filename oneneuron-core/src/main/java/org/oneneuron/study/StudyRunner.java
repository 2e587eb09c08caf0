package org.oneneuron.study;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.oneneuron.io.WriterLock;

/**
 * Runs a study on local cores: one single-threaded task per worker, each finished run appended to
 * DIR/journal.jsonl at once. A task is one run, or a batch of runs the function trains together
 * ({@link RunFunction#batchKey}); a run's numbers do not depend on its batch, so serial, parallel
 * and resumed studies give the same journal. Re-running in the same directory resumes: finished runs are skipped,
 * unfinished ones redone. A time budget stops handing out new runs once spent (runs already
 * started finish and are journaled). One process at a time: the folder's {@link WriterLock} is
 * held for the whole run, so a second study on the same folder fails at once, having written
 * nothing. A failed journal append stops the study: no new run starts, runs in flight are
 * discarded, and the append's {@link org.oneneuron.io.WriteFailedException} is thrown.
 */
public final class StudyRunner {

    /** The journal's file name inside the study directory. */
    public static final String JOURNAL = "journal.jsonl";

    /** Most runs trained together in one batch. */
    static final int MAX_BATCH = 256;

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
    @SuppressWarnings("try") // the lock is held for the block and never read
    public StudyResult run(StudySpec spec, Path dir) {
        function.check(spec);
        try (WriterLock lock = WriterLock.folder(dir, "oneneuron study")) {
            StudyManifest.of(spec, function).writeOrCheck(dir);
            return runLocked(spec, dir);
        }
    }

    private StudyResult runLocked(StudySpec spec, Path dir) {
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
                List<RunSpec> pending = runs.stream().filter(r -> !journal.contains(r.runIndex())).toList();
                for (List<RunSpec> task : tasks(pending)) {
                    futures.add(pool.submit(() -> {
                        if (System.nanoTime() > deadline || journal.failed()) {
                            return;
                        }
                        function.runBatch(task, (run, outcome) -> {
                            JournalEntry entry = new JournalEntry(run, outcome);
                            journal.append(entry);
                            listener.finished(entry, done.incrementAndGet(), runs.size());
                        }, () -> System.nanoTime() <= deadline && !journal.failed());
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
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("a run failed: " + cause, cause);
            } finally {
                pool.shutdownNow();
            }
            List<JournalEntry> entries = List.copyOf(journal.entries().values());
            return new StudyResult(spec, entries, runs.size(), resumed);
        }
    }

    /**
     * The pending runs cut into tasks: runs with equal {@link RunFunction#batchKey} in batches of
     * at most ceil(count / threads) runs (and {@link #MAX_BATCH}), so that every worker gets a
     * share; every other run alone. Tasks are ordered by their first run index.
     */
    List<List<RunSpec>> tasks(List<RunSpec> pending) {
        Map<String, List<RunSpec>> groups = new LinkedHashMap<>();
        List<List<RunSpec>> tasks = new ArrayList<>();
        for (RunSpec run : pending) {
            Optional<String> key = function.batchKey(run);
            if (key.isPresent()) {
                groups.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(run);
            } else {
                tasks.add(List.of(run));
            }
        }
        for (List<RunSpec> group : groups.values()) {
            int size = Math.min(MAX_BATCH, (group.size() + threads - 1) / threads);
            for (int from = 0; from < group.size(); from += size) {
                tasks.add(List.copyOf(group.subList(from, Math.min(group.size(), from + size))));
            }
        }
        tasks.sort(Comparator.comparingInt(t -> t.get(0).runIndex()));
        return tasks;
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
