package org.oneneuron.data;

import java.util.Arrays;

/**
 * A growable array of doubles for readers that do not know n in advance, kept in blocks of
 * {@link #BLOCK} values: growing never copies what is stored (doubling one array copied and
 * first-touched about twice the data again, a quarter of a large CSV's reading time). The first
 * block starts small and doubles up to a full block, so a short file stays small.
 */
final class DoubleList {
    private static final int SHIFT = 16;
    /** Values per block (512 KB). */
    static final int BLOCK = 1 << SHIFT;

    private double[][] blocks = {new double[64]};
    /** The block being filled, blocks[count - 1]. */
    private double[] current = blocks[0];
    private int count = 1;
    private int fill;
    private int size;

    void add(double v) {
        if (fill == current.length) {
            grow();
        }
        current[fill++] = v;
        size++;
    }

    /** Adds src[offset, offset + length). */
    void addAll(double[] src, int offset, int length) {
        while (length > 0) {
            if (fill == current.length) {
                grow();
            }
            int run = Math.min(length, current.length - fill);
            System.arraycopy(src, offset, current, fill, run);
            fill += run;
            size += run;
            offset += run;
            length -= run;
        }
    }

    private void grow() {
        if (current.length < BLOCK) {
            current = Arrays.copyOf(current, Math.min(BLOCK, current.length * 2));
            blocks[count - 1] = current;
            return;
        }
        if (size > Integer.MAX_VALUE - 8 - BLOCK) {
            throw new IllegalStateException("more values than one Java array holds");
        }
        if (count == blocks.length) {
            blocks = Arrays.copyOf(blocks, 2 * count);
        }
        current = new double[BLOCK];
        blocks[count++] = current;
        fill = 0;
    }

    int size() {
        return size;
    }

    double get(int i) {
        return blocks[i >>> SHIFT][i & (BLOCK - 1)];
    }

    /** Copies values [from, from + length) into dst from dstOffset. */
    void copyTo(int from, double[] dst, int dstOffset, int length) {
        while (length > 0) {
            int b = from >>> SHIFT;
            int offset = from & (BLOCK - 1);
            int run = Math.min(length, blocks[b].length - offset);
            System.arraycopy(blocks[b], offset, dst, dstOffset, run);
            from += run;
            dstOffset += run;
            length -= run;
        }
    }

    double[] toArray() {
        double[] out = new double[size];
        copyTo(0, out, 0, size);
        return out;
    }
}
