package org.oneneuron.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.study.RunSpec;

/** The cut of pending runs into tasks, checked on seeded random studies. */
class TaskPlanTest {

    private static final long SEED = 12L;
    private static final int CASES = 300;

    private static RunSpec run(int index) {
        return new RunSpec(index, "xor", List.of(4), "tanh", "none", "cubic-hinge", "mean", 0.1, "gd",
                0.1, 100, 10.0, "fan_in", index, 7L, 0.25);
    }

    @Test
    void everyPendingRunIsInOneTaskOfItsOwnKeyAndBatchesShareTheSlots() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int c = 0; c < CASES; c++) {
            List<RunSpec> pending = new ArrayList<>();
            Map<Integer, Optional<String>> keys = new HashMap<>();
            int groups = 1 + random.nextInt(4);
            for (int i = 0, n = random.nextInt(1, 2000); i < n; i++) {
                if (random.nextInt(4) > 0) { // some runs already journaled
                    pending.add(run(i));
                    keys.put(i, random.nextInt(3) == 0 ? Optional.empty()
                            : Optional.of("key" + random.nextInt(groups)));
                }
            }
            int slots = 1 + random.nextInt(64);
            String where = "case " + c + " (seed " + SEED + "): " + pending.size() + " runs, " + slots + " slots";
            List<List<RunSpec>> tasks = TaskPlan.cut(pending, r -> keys.get(r.runIndex()), slots);

            List<Integer> seen = tasks.stream().flatMap(List::stream).map(RunSpec::runIndex).sorted().toList();
            assertEquals(pending.stream().map(RunSpec::runIndex).toList(), seen, where + ": each run once");
            Map<String, Integer> groupSize = new HashMap<>();
            keys.values().forEach(k -> k.ifPresent(key -> groupSize.merge(key, 1, Integer::sum)));
            int previous = -1;
            for (List<RunSpec> task : tasks) {
                Optional<String> key = keys.get(task.get(0).runIndex());
                assertTrue(task.stream().allMatch(r -> keys.get(r.runIndex()).equals(key)), where + ": one key per task");
                if (key.isEmpty()) {
                    assertEquals(1, task.size(), where + ": a run trained alone is a task alone");
                } else {
                    long share = (long) slots * TaskPlan.TASKS_PER_SLOT;
                    long most = Math.min(TaskPlan.MAX_BATCH, (groupSize.get(key.get()) + share - 1) / share);
                    assertTrue(task.size() <= Math.max(1, most), where + ": batch of " + task.size() + " > " + most);
                }
                assertTrue(task.get(0).runIndex() > previous, where + ": tasks in run order");
                previous = task.get(0).runIndex();
            }
        }
    }
}
