package org.oneneuron.spark;

import java.io.Serializable;
import java.util.Map;
import org.oneneuron.data.Dataset;

/**
 * What every executor needs for a study, sent once per executor as a Spark broadcast: the data
 * sets the driver read (so executors never read the user's files and need no shared file system),
 * their sha256 from study.json, the run function's name, and the time budget's end.
 *
 * @param data           data set name to the raw set, as the driver read it
 * @param dataHashes     data set name to sha256, as in study.json
 * @param runFunction    the driver's run function name (study.json's run_function)
 * @param deadlineMillis wall-clock time (ms since the epoch) after which no run starts; Long.MAX_VALUE for none
 */
record StudyPayload(Map<String, Dataset> data, Map<String, String> dataHashes, String runFunction,
                    long deadlineMillis) implements Serializable {

    StudyPayload {
        data = Map.copyOf(data);
        dataHashes = Map.copyOf(dataHashes);
    }

    /** True while new runs may start (the in-process runner's budget rule). */
    boolean carryOn() {
        return System.currentTimeMillis() <= deadlineMillis;
    }
}
