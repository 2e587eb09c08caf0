package org.oneneuron.spark;

import java.util.Map;
import java.util.TreeMap;
import org.oneneuron.study.StudyData;
import org.oneneuron.study.TrainerRunFunction;

/**
 * The run function on an executor, built once per executor JVM and study from the broadcast
 * payload: the same {@link TrainerRunFunction} the in-process runner uses, over the driver's data
 * sets, checked against study.json's hashes and run function name before the first run.
 */
final class ExecutorStudy {

    private static long broadcastId = -1;
    private static TrainerRunFunction function;

    private ExecutorStudy() {
    }

    /**
     * The run function for the study of broadcast {@code id}; the previous study's is dropped.
     *
     * @throws IllegalStateException when the data or the run function differ from the driver's
     */
    static synchronized TrainerRunFunction function(long id, StudyPayload payload) {
        if (id != broadcastId) {
            function = null;
            StudyData data = new StudyData(payload.data());
            TrainerRunFunction built = new TrainerRunFunction(data);
            if (!built.name().equals(payload.runFunction())) {
                throw new IllegalStateException("this executor's run function is " + built.name()
                        + ", the driver's " + payload.runFunction() + ": the cluster runs another"
                        + " version of oneneuron (spark.jars / --jars)");
            }
            Map<String, String> hashes = new TreeMap<>();
            payload.data().keySet().forEach(name -> hashes.put(name, data.hash(name)));
            if (!hashes.equals(new TreeMap<>(payload.dataHashes()))) {
                throw new IllegalStateException("the data sets arrived changed (sha256 " + hashes
                        + ", study.json has " + new TreeMap<>(payload.dataHashes()) + ")");
            }
            function = built;
            broadcastId = id;
        }
        return function;
    }

    /** Drops the cached study (the driver calls it at the end: in local mode it is this JVM). */
    static synchronized void clear() {
        broadcastId = -1;
        function = null;
    }
}
