package org.oneneuron.spark;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.Success$;
import org.apache.spark.TaskEndReason;
import org.apache.spark.TaskKilled;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.oneneuron.study.RunSpec;

/**
 * What the cluster does to a study, told on the driver as warnings in words (Spark's own log is
 * kept to errors): an executor that leaves (its unfinished tasks are run again elsewhere) and a
 * task that fails (Spark retries it, up to spark.task.maxFailures attempts).
 */
final class ClusterEvents extends SparkListener {

    private static final System.Logger LOG = System.getLogger(ClusterEvents.class.getName());

    private final List<List<RunSpec>> tasks;
    private final AtomicInteger executors = new AtomicInteger();
    private final AtomicInteger lostExecutors = new AtomicInteger();
    private final AtomicInteger failedTasks = new AtomicInteger();

    /** @param tasks the job's partitions, to name a failed task's runs */
    ClusterEvents(List<List<RunSpec>> tasks) {
        this.tasks = List.copyOf(tasks);
    }

    @Override
    public void onExecutorAdded(SparkListenerExecutorAdded added) {
        executors.incrementAndGet();
        LOG.log(System.Logger.Level.DEBUG, "executor {0} joined on {1} with {2} core(s)",
                added.executorId(), added.executorInfo().executorHost(), added.executorInfo().totalCores());
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        executors.decrementAndGet();
        lostExecutors.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, "executor {0} left ({1}); Spark runs its unfinished"
                + " tasks again on the others", removed.executorId(), Failures.firstLine(removed.reason()));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskEndReason reason = end.reason();
        if (reason instanceof Success$ || end.taskInfo() == null) {
            return;
        }
        failedTasks.incrementAndGet();
        int index = end.taskInfo().index();
        String runs = index >= 0 && index < tasks.size() ? describe(tasks.get(index)) : "task " + index;
        LOG.log(System.Logger.Level.WARNING, "{0}, attempt {1} on executor {2}: {3}", runs,
                end.taskInfo().attemptNumber() + 1, end.taskInfo().executorId(), words(reason));
    }

    /** Executors that joined and have not left. */
    int executors() {
        return executors.get();
    }

    /** Executors that left during the study. */
    int lostExecutors() {
        return lostExecutors.get();
    }

    /** Task attempts that did not succeed. */
    int failedTasks() {
        return failedTasks.get();
    }

    private static String describe(List<RunSpec> runs) {
        return runs.size() == 1 ? "run " + runs.get(0).runIndex()
                : String.format(Locale.ROOT, "runs %d..%d (%d)", runs.get(0).runIndex(),
                        runs.get(runs.size() - 1).runIndex(), runs.size());
    }

    private static String words(TaskEndReason reason) {
        if (reason instanceof ExecutorLostFailure lost) {
            return "its executor was lost, so Spark runs it again"
                    + (lost.exitCausedByApp() ? " (counts as a failed attempt)" : "");
        }
        if (reason instanceof ExceptionFailure failure) {
            return "failed: " + Failures.firstLine(failure.description()) + "; Spark retries it up to"
                    + " spark.task.maxFailures attempts";
        }
        if (reason instanceof TaskKilled killed) {
            return "stopped (" + Failures.firstLine(killed.reason()) + ")";
        }
        return "did not finish (" + Failures.firstLine(reason.toString()) + "); Spark runs it again";
    }
}
