package org.oneneuron.study;

import java.util.Map;

/**
 * Trains one run to its stopping rule and judges where it ended. Must be deterministic given the
 * RunSpec (its seed is {@link RunSpec#runSeed()}) and must use one thread, so that serial and
 * parallel studies give the same numbers. Implementations are shared across worker threads.
 */
public interface RunFunction {

    /** Runs {@code run} and reports its outcome. */
    RunOutcome run(RunSpec run);

    /**
     * Checks every configuration of {@code spec} before any run starts (unknown words, unreadable
     * data), so that a bad spec fails at once rather than part-way.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    default void check(StudySpec spec) {
    }

    /** A short name and version of the implementation, stored in study.json. */
    String name();

    /** sha256 of each data set the spec names, stored in study.json to detect changed data. */
    Map<String, String> dataHashes(StudySpec spec);
}
