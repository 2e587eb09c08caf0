package org.oneneuron.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.oneneuron.study.StudySpec;

/**
 * {@code ScalingBenchmark rounds:K}: K rounds of in-process:1, in-process:2, standalone:1 and
 * standalone:2 on one cluster of two one-core workers, in rotating order, with the scaling ratios
 * taken within each round (see {@link ScalingBenchmark}).
 *
 * <p>The summary line's ratios, each per round and as the median over rounds:
 * <ul>
 *   <li>{@code one_vs_in_process}: one executor's steady runs/s over the in-process runner's
 *       (1 thread); the issue asks for it within 10%.</li>
 *   <li>{@code two_vs_one}: two executors' over one's; the issue asks for ≥ 1.8.</li>
 *   <li>{@code in_process_two_vs_one}: the in-process runner with 2 threads over 1: what the
 *       machine gives two trainings at once with nothing else running (a ceiling for two_vs_one).</li>
 *   <li>{@code two_vs_one_cpu}: {@link StudyMeasure#cpuScaling} of the two-executor study, the
 *       wall-free counterpart of two_vs_one: 2 × the training threads' share of all CPU the
 *       driver, master, workers and executors used in its steady window.</li>
 *   <li>{@code one_vs_in_process_train_cpu}: in-process training CPU a run over the executor's:
 *       whether a run costs the same CPU in an executor.</li>
 * </ul>
 */
final class ScalingRounds {

    private static final String[] MODES = {"in-process:1", "in-process:2", "standalone:1", "standalone:2"};

    private ScalingRounds() {
    }

    static void run(int rounds, StudySpec oneSlot, StudySpec twoSlots, Path work) throws Exception {
        ScalingBenchmark.sparkProperties();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        try (StandaloneCluster cluster = StandaloneCluster.start(work.resolve("cluster"), 2)) {
            for (int r = 0; r < rounds; r++) {
                Map<String, StudyMeasure> m = new HashMap<>();
                for (int j = 0; j < MODES.length; j++) {
                    String mode = MODES[(j + r) % MODES.length];
                    StudySpec spec = mode.endsWith(":1") ? oneSlot : twoSlots;
                    String load = ScalingBenchmark.loadAverage();
                    long begin = System.nanoTime();
                    StudyMeasure measure;
                    if (mode.startsWith("standalone")) {
                        System.setProperty("spark.cores.max", mode.substring(mode.indexOf(':') + 1));
                        measure = ScalingBenchmark.standalone(mode, spec, work, cluster);
                    } else {
                        measure = ScalingBenchmark.inProcessOrLocal(mode, spec, work);
                    }
                    m.put(mode, measure);
                    ScalingBenchmark.print(mode, spec, "\"round\":" + (r + 1) + "," + measure.json(), load, begin);
                }
                add(ratios, "one_vs_in_process", m.get("standalone:1").slotRunsPerS()
                        / m.get("in-process:1").slotRunsPerS());
                add(ratios, "two_vs_one", m.get("standalone:2").slotRunsPerS() / m.get("standalone:1").slotRunsPerS());
                add(ratios, "in_process_two_vs_one", m.get("in-process:2").slotRunsPerS()
                        / m.get("in-process:1").slotRunsPerS());
                add(ratios, "two_vs_one_cpu", m.get("standalone:2").cpuScaling(Runtime.getRuntime().availableProcessors()));
                add(ratios, "one_vs_in_process_train_cpu", m.get("in-process:1").trainPerRun()
                        / m.get("standalone:1").trainPerRun());
            }
        } finally {
            System.clearProperty("spark.cores.max");
        }
        List<String> fields = new ArrayList<>();
        ratios.forEach((name, values) -> {
            fields.add(String.format(Locale.ROOT, "\"%s\":[%s],\"%s_median\":%.3f", name, values.stream()
                    .map(v -> String.format(Locale.ROOT, "%.3f", v)).collect(Collectors.joining(",")), name,
                    median(values)));
            System.err.printf(Locale.ROOT, "%-28s median %.3f  rounds %s%n", name, median(values), values.stream()
                    .map(v -> String.format(Locale.ROOT, "%.3f", v)).collect(Collectors.joining(" ")));
        });
        System.out.printf(Locale.ROOT, "{\"mode\":\"rounds:%d\",\"summary\":true,\"runs_one_slot\":%d,"
                + "\"runs_two_slots\":%d,%s}%n", rounds, oneSlot.expand().size(), twoSlots.expand().size(),
                String.join(",", fields));
    }

    private static void add(Map<String, List<Double>> ratios, String name, double value) {
        ratios.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
