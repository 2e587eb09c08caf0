package org.oneneuron.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks on a whole data set that readers cannot make row by row. */
public final class DataChecks {
    private DataChecks() {
    }

    /**
     * Samples with identical inputs but different targets: no function of x can fit them all, so a
     * zero training loss (and the theorem's "every local minimum is global") is out of reach.
     *
     * @param samples 0-based sample indices sharing one input, in data order
     * @param targets their targets, in the same order
     */
    public record Conflict(int[] samples, double[] targets) {
        public Conflict {
            samples = samples.clone();
            targets = targets.clone();
        }

        @Override
        public int[] samples() {
            return samples.clone();
        }

        @Override
        public double[] targets() {
            return targets.clone();
        }

        /** e.g. "samples 3, 17 (0-based) share one input with targets -1, 1". */
        public String describe() {
            StringBuilder sb = new StringBuilder("samples ");
            for (int k = 0; k < samples.length; k++) {
                sb.append(k == 0 ? "" : ", ").append(samples[k]);
            }
            sb.append(" (0-based) share one input with targets ");
            for (int k = 0; k < targets.length; k++) {
                sb.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s", targets[k]));
            }
            return sb.toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Conflict c && Arrays.equals(samples, c.samples) && Arrays.equals(targets, c.targets);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(samples) + Arrays.hashCode(targets);
        }

        @Override
        public String toString() {
            return "Conflict[" + describe() + "]";
        }
    }

    /**
     * Groups of samples with equal inputs (compared with ==, so 0.0 equals -0.0) and more than one
     * distinct target, in order of their first sample. Empty when the data are consistent.
     */
    public static List<Conflict> conflicts(Dataset data) {
        Map<Row, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < data.n(); i++) {
            groups.computeIfAbsent(new Row(data.x(), i * data.d(), data.d()), r -> new ArrayList<>()).add(i);
        }
        List<Conflict> out = new ArrayList<>();
        double[] y = data.y();
        for (List<Integer> members : groups.values()) {
            boolean differ = false;
            for (int i : members) {
                differ |= y[i] != y[members.get(0)];
            }
            if (differ) {
                int[] samples = members.stream().mapToInt(Integer::intValue).toArray();
                double[] targets = new double[samples.length];
                for (int k = 0; k < samples.length; k++) {
                    targets[k] = y[samples[k]];
                }
                out.add(new Conflict(samples, targets));
            }
        }
        return out;
    }

    /**
     * Throws when {@link #conflicts(Dataset)} finds any (for commands that need a fittable data set).
     *
     * @throws DataException naming the number of groups and the first few
     */
    public static void requireNoConflicts(Dataset data, String source) {
        List<Conflict> found = conflicts(data);
        if (!found.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            sb.append(found.size()).append(found.size() == 1 ? " group" : " groups")
                    .append(" of identical inputs with conflicting labels, e.g. ");
            for (int k = 0; k < Math.min(3, found.size()); k++) {
                sb.append(k == 0 ? "" : "; ").append(found.get(k).describe());
            }
            throw new DataException(source, sb.toString());
        }
    }

    /**
     * Checks that a model built for {@code expected} features fits the data.
     *
     * @throws DataException naming both dimensions and the source
     */
    public static void checkDimension(int expected, Dataset data, String source) {
        if (data.d() != expected) {
            throw new DataException(source, "the model expects " + expected + " features per sample, but "
                    + data.name() + " has " + data.d());
        }
    }

    /** One row of a row-major array, hashed and compared by value (== on doubles). */
    private record Row(double[] x, int offset, int d) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Row r) || r.d != d) {
                return false;
            }
            for (int j = 0; j < d; j++) {
                if (x[offset + j] != r.x[r.offset + j]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (int j = 0; j < d; j++) {
                h = 31 * h + Double.hashCode(x[offset + j] + 0.0);
            }
            return h;
        }
    }
}
