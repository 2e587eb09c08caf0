package org.oneneuron.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataChecksTest {
    private static Dataset data(double[] x, double[] y, int d) {
        List<String> names = java.util.stream.IntStream.range(0, d).mapToObj(j -> "x" + j).toList();
        return new Dataset("t", x, y, d, names, List.of("-1", "1"));
    }

    @Test
    void findsGroupsOfIdenticalInputsWithDifferentLabels() {
        Dataset ds = data(new double[] {1, 2, 0, 0, 1, 2, -0.0, 0, 1, 2, 5, 5}, new double[] {1, -1, -1, 1, 1, 1}, 2);
        List<DataChecks.Conflict> found = DataChecks.conflicts(ds);
        assertEquals(2, found.size());
        assertArrayEquals(new int[] {0, 2, 4}, found.get(0).samples());
        assertArrayEquals(new double[] {1, -1, 1}, found.get(0).targets());
        assertArrayEquals(new int[] {1, 3}, found.get(1).samples(), "-0.0 equals 0.0");
        DataException e = assertThrows(DataException.class, () -> DataChecks.requireNoConflicts(ds, "t.csv"));
        assertTrue(e.getMessage().startsWith("t.csv: 2 groups of identical inputs with conflicting labels, e.g."
                + " samples 0, 2, 4 (0-based)"), e.getMessage());
        Dataset one = data(new double[] {1, 2, 1, 2, 5, 5}, new double[] {1, -1, 1}, 2);
        e = assertThrows(DataException.class, () -> DataChecks.requireNoConflicts(one, "t.csv"));
        assertTrue(e.getMessage().startsWith("t.csv: 1 group of identical inputs with conflicting labels, e.g."),
                e.getMessage());
    }

    @Test
    void consistentDuplicatesAreNotConflicts() {
        Dataset ds = data(new double[] {1, 1, 2, 2}, new double[] {1, 1, -1, -1}, 1);
        assertEquals(List.of(), DataChecks.conflicts(ds));
        DataChecks.requireNoConflicts(ds, "t");
        assertEquals(List.of(), DataChecks.conflicts(Datasets.wdbc()), "WDBC is consistent");
    }

    @Test
    void dimensionMismatchNamesBoth() {
        Dataset ds = data(new double[] {1, 2, 3, 4}, new double[] {1, -1}, 2);
        DataChecks.checkDimension(2, ds, "model.json");
        DataException e = assertThrows(DataException.class, () -> DataChecks.checkDimension(30, ds, "model.json"));
        assertEquals("model.json: the model expects 30 features per sample, but t has 2", e.getMessage());
    }
}
