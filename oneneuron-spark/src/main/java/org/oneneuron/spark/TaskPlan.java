package org.oneneuron.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.oneneuron.study.RunSpec;

/**
 * The unfinished runs of a study cut into Spark tasks. A run the run function trains alone is one
 * task; runs it may train together (equal batch key: tiny networks on the batched path) go in
 * batches of at most {@link #MAX_BATCH}, small enough that every task slot gets
 * {@link #TASKS_PER_SLOT} of them, so that a lost executor costs little and the slots finish
 * together. A run's numbers never depend on its batch, so any cut gives the same journal.
 */
final class TaskPlan {

    /** Most runs in one task (the in-process runner's batch limit). */
    static final int MAX_BATCH = 256;

    /** Batched tasks per task slot, at least. */
    static final int TASKS_PER_SLOT = 4;

    private TaskPlan() {
    }

    /**
     * @param pending  the runs to do, in run order
     * @param batchKey the run function's batch key of a run
     * @param slots    the cluster's task slots (cores), >= 1
     * @return the tasks, ordered by their first run index
     */
    static List<List<RunSpec>> cut(List<RunSpec> pending, Function<RunSpec, Optional<String>> batchKey,
                                   int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be >= 1, got " + slots);
        }
        Map<String, List<RunSpec>> groups = new LinkedHashMap<>();
        List<List<RunSpec>> tasks = new ArrayList<>();
        for (RunSpec run : pending) {
            Optional<String> key = batchKey.apply(run);
            if (key.isPresent()) {
                groups.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(run);
            } else {
                tasks.add(List.of(run));
            }
        }
        long share = (long) slots * TASKS_PER_SLOT;
        for (List<RunSpec> group : groups.values()) {
            int size = (int) Math.max(1, Math.min(MAX_BATCH, (group.size() + share - 1) / share));
            for (int from = 0; from < group.size(); from += size) {
                tasks.add(List.copyOf(group.subList(from, Math.min(group.size(), from + size))));
            }
        }
        tasks.sort(Comparator.comparingInt(t -> t.get(0).runIndex()));
        return tasks;
    }
}
