package org.oneneuron.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a call spent its time: named phases in the order they first ran, each with its wall time
 * and the CPU time of the thread that ran it (a {@link PhaseClock} measures both). CPU time is the
 * figure to compare on a loaded machine; with several worker threads it leaves out the workers'
 * share (wall time does not).
 *
 * @param phases the phases, names unique, in order
 */
public record Timings(List<Phase> phases) {

    /**
     * One phase.
     *
     * @param name       snake_case word, e.g. {@code optimizer}
     * @param seconds    wall time, ≥ 0
     * @param cpuSeconds CPU time of the calling thread, ≥ 0 (0 where the JVM cannot measure it)
     */
    public record Phase(String name, double seconds, double cpuSeconds) {

        public Phase {
            Objects.requireNonNull(name, "name");
            if (!(seconds >= 0) || !(cpuSeconds >= 0)) {
                throw new IllegalArgumentException("phase " + name + ": times must be >= 0, got "
                        + seconds + " s and " + cpuSeconds + " s CPU");
            }
        }
    }

    public Timings {
        phases = List.copyOf(phases);
        if (phases.stream().map(Phase::name).distinct().count() != phases.size()) {
            throw new IllegalArgumentException("phase names repeat: " + phases);
        }
    }

    /** No phases. */
    public static Timings none() {
        return new Timings(List.of());
    }

    /** These phases followed by {@code later}'s; a name in both is summed, in its first place. */
    public Timings then(Timings later) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Phase p : phases) {
            add(sums, p);
        }
        for (Phase p : later.phases) {
            add(sums, p);
        }
        List<Phase> out = new ArrayList<>();
        sums.forEach((name, t) -> out.add(new Phase(name, t[0], t[1])));
        return new Timings(out);
    }

    private static void add(Map<String, double[]> sums, Phase p) {
        double[] t = sums.computeIfAbsent(p.name(), k -> new double[2]);
        t[0] += p.seconds();
        t[1] += p.cpuSeconds();
    }

    /** Wall seconds of the named phase (0 when absent). */
    public double seconds(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).mapToDouble(Phase::seconds).sum();
    }

    /** CPU seconds of the named phase (0 when absent). */
    public double cpuSeconds(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).mapToDouble(Phase::cpuSeconds).sum();
    }

    /** Wall seconds of all phases. */
    public double totalSeconds() {
        return phases.stream().mapToDouble(Phase::seconds).sum();
    }

    /** CPU seconds of all phases. */
    public double totalCpuSeconds() {
        return phases.stream().mapToDouble(Phase::cpuSeconds).sum();
    }
}
