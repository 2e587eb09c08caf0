package org.oneneuron.study;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Trains one run to its stopping rule and judges where it ended. Must be deterministic given the
 * RunSpec (its seed is {@link RunSpec#runSeed()}) and must use one thread, so that serial and
 * parallel studies give the same numbers. Implementations are shared across worker threads.
 */
public interface RunFunction {

    /** Runs {@code run} and reports its outcome. */
    RunOutcome run(RunSpec run);

    /**
     * The key of the runs that {@link #runBatch} may take together with this one, or empty when
     * the run is run alone. The default runs every run alone.
     */
    default Optional<String> batchKey(RunSpec run) {
        return Optional.empty();
    }

    /**
     * Runs several runs that share one {@link #batchKey} (or a single run), on the calling
     * thread, and hands each finished run to {@code finished} in order. Each outcome must equal
     * {@link #run} of the same RunSpec in every reproducible number, whatever else is in the
     * batch. Before each hand-over it asks {@code carryOn}; once that says false, the remaining
     * runs are dropped.
     */
    default void runBatch(List<RunSpec> runs, BiConsumer<RunSpec, RunOutcome> finished,
                          BooleanSupplier carryOn) {
        for (RunSpec run : runs) {
            if (!carryOn.getAsBoolean()) {
                return;
            }
            finished.accept(run, run(run));
        }
    }

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
