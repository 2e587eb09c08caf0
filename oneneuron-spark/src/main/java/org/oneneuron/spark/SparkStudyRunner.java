package org.oneneuron.spark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.oneneuron.cli.study.ClusterStudyRunner;
import org.oneneuron.data.Dataset;
import org.oneneuron.io.WriterLock;
import org.oneneuron.study.Journal;
import org.oneneuron.study.JournalEntry;
import org.oneneuron.study.RunSpec;
import org.oneneuron.study.StudyData;
import org.oneneuron.study.StudyListener;
import org.oneneuron.study.StudyManifest;
import org.oneneuron.study.StudyResult;
import org.oneneuron.study.StudyRunner;
import org.oneneuron.study.StudySpec;
import org.oneneuron.study.TrainerRunFunction;
import scala.collection.immutable.Range$;
import scala.runtime.BoxedUnit;
import scala.util.Failure;
import scala.util.Try;

/**
 * {@code oneneuron study --master URL}: the study's runs as Spark tasks, with the in-process
 * runner's promises. The driver owns the study folder: it takes the folder's lock, writes or
 * checks study.json, opens the journal, and appends each finished run as its task's result
 * arrives, on one driver thread (the runs that arrive together are written and forced to disk
 * once: a group commit), so that a driver killed at any moment leaves whole lines and a re-run
 * redoes only unfinished runs. Executors compute each run with the in-process
 * runner's {@link TrainerRunFunction} over the driver's data (a broadcast) and write nothing.
 * Spark calls a job's result handler once per partition however often a task is retried, and the
 * journal refuses a run it already holds, so every run is in the journal exactly once.
 */
public final class SparkStudyRunner implements ClusterStudyRunner {

    private static final System.Logger LOG = System.getLogger(SparkStudyRunner.class.getName());

    /** How long the driver waits for a first executor before it says so. */
    static final long NO_EXECUTOR_WARNING_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** For {@link java.util.ServiceLoader}. */
    public SparkStudyRunner() {
    }

    @Override
    public void check(String master) {
        MasterUrl url = MasterUrl.parse(master);
        ClusterManagers.requireSupport(url);
        url.probe();
    }

    @Override
    @SuppressWarnings("try") // the lock is held for the block and never read
    public StudyResult run(String master, StudySpec spec, Path dir, Duration budget, StudyListener listener) {
        MasterUrl url = MasterUrl.parse(master);
        ClusterManagers.requireSupport(url);
        if (budget.isNegative()) {
            throw new IllegalArgumentException("budget must not be negative, got " + budget);
        }
        if ("cluster".equals(System.getProperty("spark.submit.deployMode"))) {
            LOG.log(System.Logger.Level.WARNING, "spark-submit --deploy-mode cluster: the study folder {0}"
                    + " is on the node that runs the driver; unless that path is on a file system you share,"
                    + " submit in client mode to keep the journal where you can resume it", dir);
        }
        StudyData data = new StudyData(spec.readOptions());
        TrainerRunFunction function = new TrainerRunFunction(data);
        function.check(spec);
        try (WriterLock lock = WriterLock.folder(dir, "oneneuron study")) {
            StudyManifest manifest = StudyManifest.of(spec, function);
            manifest.writeOrCheck(dir);
            long deadline = budget.isZero() ? Long.MAX_VALUE : System.currentTimeMillis() + budget.toMillis();
            try (Journal journal = Journal.open(dir.resolve(StudyRunner.JOURNAL))) {
                List<RunSpec> runs = spec.expand();
                checkJournal(journal, runs, dir);
                int resumed = journal.entries().size();
                List<RunSpec> pending = runs.stream().filter(r -> !journal.contains(r.runIndex())).toList();
                if (pending.isEmpty()) {
                    listener.started(runs.size(), resumed);
                } else {
                    Map<String, Dataset> sets = new LinkedHashMap<>();
                    spec.data().forEach(name -> sets.put(name, data.raw(name)));
                    StudyPayload payload = new StudyPayload(sets, manifest.dataHashes(), function.name(), deadline);
                    url.probe();
                    try (SparkDriver driver = SparkDriver.start(url, spec.name())) {
                        listener.started(runs.size(), resumed);
                        new Submission(driver, function, payload, manifest, journal, runs, listener)
                                .run(pending, new AtomicInteger(resumed));
                    } finally {
                        ExecutorStudy.clear();
                    }
                }
                return new StudyResult(spec, List.copyOf(journal.entries().values()), runs.size(), resumed);
            }
        }
    }

    /** Every journaled run must be the spec's run of that index (the in-process runner's rule). */
    private static void checkJournal(Journal journal, List<RunSpec> runs, Path dir) {
        for (Map.Entry<Integer, JournalEntry> e : journal.entries().entrySet()) {
            int index = e.getKey();
            if (index >= runs.size() || !runs.get(index).equals(e.getValue().run())) {
                throw new IllegalStateException(dir.resolve(StudyRunner.JOURNAL) + ": run " + index
                        + " does not match the study spec; use a new --out directory");
            }
        }
    }

    /** One Spark job over the pending runs, its results journaled on the calling thread. */
    private static final class Submission {
        private final SparkDriver driver;
        private final TrainerRunFunction function;
        private final StudyPayload payload;
        private final StudyManifest manifest;
        private final Journal journal;
        private final List<RunSpec> runs;
        private final StudyListener listener;
        private final Map<String, Boolean> warnedExecutors = new LinkedHashMap<>();

        Submission(SparkDriver driver, TrainerRunFunction function, StudyPayload payload,
                   StudyManifest manifest, Journal journal, List<RunSpec> runs, StudyListener listener) {
            this.driver = driver;
            this.function = function;
            this.payload = payload;
            this.manifest = manifest;
            this.journal = journal;
            this.runs = runs;
            this.listener = listener;
        }

        void run(List<RunSpec> pending, AtomicInteger done) {
            var context = driver.context();
            List<List<RunSpec>> tasks = TaskPlan.cut(pending, function::batchKey, driver.slots());
            ClusterEvents events = new ClusterEvents(tasks);
            context.sc().addSparkListener(events);
            Broadcast<StudyPayload> shared = context.broadcast(payload);
            JavaRDD<List<RunSpec>> rdd = context.parallelize(tasks, tasks.size());
            BlockingQueue<TaskResult> arrivals = new LinkedBlockingQueue<>();
            SimpleFutureAction<BoxedUnit> job = context.sc().submitJob(rdd.rdd(), new RunTask(shared),
                    Range$.MODULE$.apply(0, tasks.size()), (index, result) -> {
                        arrivals.add(result);
                        return BoxedUnit.UNIT;
                    }, () -> BoxedUnit.UNIT);
            long start = System.nanoTime();
            boolean warnedIdle = false;
            try {
                List<TaskResult> arrived = new ArrayList<>();
                while (true) {
                    TaskResult result = arrivals.poll(200, TimeUnit.MILLISECONDS);
                    if (result != null) {
                        arrived.add(result);
                        arrivals.drainTo(arrived);
                        record(arrived, done);
                        arrived.clear();
                    } else if (job.isCompleted()) {
                        if (arrivals.isEmpty()) {
                            break;
                        }
                    } else if (!warnedIdle && events.executors() == 0 && driver.isCluster()
                            && System.nanoTime() - start > NO_EXECUTOR_WARNING_NANOS) {
                        warnedIdle = true;
                        LOG.log(System.Logger.Level.WARNING, "no executor has joined after {0} s: has the"
                                + " cluster free cores and the memory asked for (spark.executor.memory,"
                                + " 1g unless set)? Waiting.", NO_EXECUTOR_WARNING_NANOS / 1_000_000_000L);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("study interrupted", e);
            } finally {
                if (!job.isCompleted()) {
                    job.cancel();
                }
                shared.destroy();
            }
            Try<BoxedUnit> outcome = job.value().get();
            if (outcome instanceof Failure<BoxedUnit> failure) {
                throw failed(failure.exception());
            }
        }

        /**
         * Appends the runs of the tasks that arrived together to the journal, all forced to disk
         * with one force (a group commit: the driver keeps up with results arriving faster than
         * one force per run), then reports them.
         */
        private void record(List<TaskResult> arrived, AtomicInteger done) {
            List<JournalEntry> group = new ArrayList<>();
            Set<Integer> inGroup = new HashSet<>();
            for (TaskResult result : arrived) {
                warnOnDifferentExecutor(result);
                for (int i = 0; i < result.runIndices().size(); i++) {
                    int index = result.runIndices().get(i);
                    if (journal.contains(index) || !inGroup.add(index)) {
                        LOG.log(System.Logger.Level.WARNING, "run {0} arrived twice; the journal keeps the first", index);
                        continue;
                    }
                    group.add(new JournalEntry(runs.get(index), result.outcomes().get(i)));
                }
            }
            journal.appendAll(group);
            for (JournalEntry entry : group) {
                listener.finished(entry, done.incrementAndGet(), runs.size());
            }
        }

        private void warnOnDifferentExecutor(TaskResult result) {
            if ((result.jdk().equals(manifest.jdk()) && result.backend().equals(manifest.backend()))
                    || warnedExecutors.putIfAbsent(result.executor(), Boolean.TRUE) != null) {
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "executor {0} runs JDK {1} with {2}, the driver JDK {3}"
                    + " with {4}: the last bits of its runs may differ from an in-process study",
                    result.executor(), result.jdk(), result.backend(), manifest.jdk(), manifest.backend());
        }

        /** A failed job in words: a run's own error as it is (so bad input stays bad input), else Spark's reason. */
        private static RuntimeException failed(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IllegalArgumentException || t instanceof ArithmeticException
                        || (t instanceof IllegalStateException && t.getClass().getName().startsWith("java."))
                        || t instanceof java.io.UncheckedIOException) {
                    return (RuntimeException) t;
                }
            }
            return new IllegalStateException("the study's Spark job failed: " + Failures.words(e)
                    + "; the journal keeps every run that finished: re-run the same command to resume", e);
        }
    }
}
