package org.oneneuron.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.broadcast.Broadcast;
import org.oneneuron.linalg.Backends;
import org.oneneuron.study.RunOutcome;
import org.oneneuron.study.RunSpec;
import org.oneneuron.study.TrainerRunFunction;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * One Spark task, run on an executor: the runs of its partition through
 * {@link TrainerRunFunction#runBatch} (exactly what the in-process runner calls), their outcomes
 * sent back whole. It writes nothing: the driver alone writes the journal.
 */
final class RunTask extends AbstractFunction1<Iterator<List<RunSpec>>, TaskResult> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Broadcast<StudyPayload> payload;

    RunTask(Broadcast<StudyPayload> payload) {
        this.payload = payload;
    }

    @Override
    public TaskResult apply(Iterator<List<RunSpec>> partition) {
        StudyPayload study = payload.value();
        TrainerRunFunction function = ExecutorStudy.function(payload.id(), study);
        List<Integer> indices = new ArrayList<>();
        List<RunOutcome> outcomes = new ArrayList<>();
        while (partition.hasNext()) {
            List<RunSpec> runs = partition.next();
            if (!study.carryOn()) {
                break;
            }
            function.runBatch(runs, (run, outcome) -> {
                indices.add(run.runIndex());
                outcomes.add(outcome);
            }, study::carryOn);
        }
        SparkEnv env = SparkEnv.get();
        String executor = env == null ? "?" : env.executorId() + " on "
                + env.blockManager().blockManagerId().host();
        return new TaskResult(indices, outcomes, executor, System.getProperty("java.version"),
                Backends.active().getClass().getSimpleName());
    }
}
