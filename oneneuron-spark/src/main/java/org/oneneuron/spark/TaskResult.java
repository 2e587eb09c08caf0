package org.oneneuron.spark;

import java.io.Serializable;
import java.util.List;
import org.oneneuron.study.RunOutcome;

/**
 * What one task sends back to the driver: the outcome of each run it finished (all of its runs,
 * unless the time budget ran out), and where it ran, so the driver can warn when an executor's
 * JDK or BLAS back-end differs from the driver's (the last bits could differ).
 *
 * @param runIndices run index of each outcome
 * @param outcomes   the outcomes, as the run function returned them
 * @param executor   the executor's id and host
 * @param jdk        the executor's java.version
 * @param backend    the executor's BLAS back-end class
 */
record TaskResult(List<Integer> runIndices, List<RunOutcome> outcomes, String executor, String jdk,
                  String backend) implements Serializable {

    TaskResult {
        runIndices = List.copyOf(runIndices);
        outcomes = List.copyOf(outcomes);
        if (runIndices.size() != outcomes.size()) {
            throw new IllegalArgumentException(runIndices.size() + " run indices for " + outcomes.size()
                    + " outcomes");
        }
    }
}
