package org.oneneuron.data;

import java.util.Arrays;

/** A growable array of ints for readers that do not know sizes in advance. */
final class IntList {
    private int[] values = new int[64];
    private int size;

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8L, size * 2L));
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    int get(int i) {
        return values[i];
    }
}
