package org.oneneuron.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * For {@link ScalingBenchmark}: every successful task's executor, its finish time on the driver's
 * clock and Spark's own task metrics (the task thread's CPU time, its run time, the JVM's GC time
 * during it). Registered through {@code spark.extraListeners}, so it sees the study's Spark
 * context without the runner knowing; the records are static because Spark builds the listener.
 */
public final class TaskTimes extends SparkListener {

    /** One finished task. */
    record Task(String executor, long finishMillis, long cpuNanos, long runMillis, long gcMillis) {
    }

    private static final ConcurrentLinkedQueue<Task> TASKS = new ConcurrentLinkedQueue<>();

    /** For spark.extraListeners. */
    public TaskTimes() {
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (!(end.reason() instanceof Success$) || end.taskInfo() == null || end.taskMetrics() == null) {
            return;
        }
        TASKS.add(new Task(end.taskInfo().executorId(), end.taskInfo().finishTime(),
                end.taskMetrics().executorCpuTime(), end.taskMetrics().executorRunTime(),
                end.taskMetrics().jvmGCTime()));
    }

    /** The tasks seen so far, and forgets them. */
    static List<Task> drain() {
        List<Task> out = new ArrayList<>();
        for (Task t; (t = TASKS.poll()) != null; ) {
            out.add(t);
        }
        return out;
    }
}
