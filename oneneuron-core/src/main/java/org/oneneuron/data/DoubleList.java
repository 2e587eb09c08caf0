package org.oneneuron.data;

import java.util.Arrays;

/** A growable array of doubles for readers that do not know n in advance. */
final class DoubleList {
    private double[] values = new double[64];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8L, size * 2L)));
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    double get(int i) {
        return values[i];
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
