package org.oneneuron.data;

import java.util.Locale;

/**
 * Will a data set of n samples x d features fit the Java heap? Asked before the data are read
 * (IDX headers give n x d exactly, text files are estimated from their size and first rows,
 * {@link DataSize}), and again while a text file is read, so a data set that cannot fit fails at
 * once with a {@link HeapLimitException} that gives its size, the memory needed and how to raise
 * the limit, instead of an OutOfMemoryError minutes later.
 *
 * <p>The rule, measured for {@code oneneuron train} with the launcher's serial collector
 * (docs/DATA.md gives the measurements and the commands): the smallest -Xmx that works is about
 * {@value #BASE_MB} MB plus {@value #TEXT_COPIES} copies of the n·d values as 8-byte doubles for
 * text formats (the reader's block buffer, its result, the standardized copy, the collector's
 * slack) and {@value #IDX_COPIES} copies for IDX (read straight into one array).
 */
public final class HeapCheck {

    /** Peak heap of reading a text file and training on it, in copies of the n·d doubles. */
    public static final double TEXT_COPIES = 5.6;

    /** The same for IDX files. */
    public static final double IDX_COPIES = 3.8;

    /** Heap a command needs besides the data (classes, the network, buffers), in MB. */
    public static final long BASE_MB = 8;

    private HeapCheck() {
    }

    /** Heap bytes that reading and training n x d values need, by the measured rule. */
    public static long bytesNeeded(long n, long d, double copies) {
        return BASE_MB * (1L << 20) + (long) (copies * Double.BYTES * (double) n * (double) d);
    }

    /**
     * Throws when n x d values will not fit this JVM's heap ({@link Runtime#maxMemory()}).
     *
     * @param source the file, as messages name it
     * @param how    where n and d come from, e.g. "from its IDX header"
     * @param copies {@link #TEXT_COPIES} or {@link #IDX_COPIES}
     * @throws HeapLimitException naming the size, the need, the limit and the fix
     */
    public static void require(String source, long n, long d, String how, double copies) {
        require(source, n, d, how, copies, Runtime.getRuntime().maxMemory());
    }

    /** The same against a given heap limit in bytes. */
    static void require(String source, long n, long d, String how, double copies, long maxHeap) {
        long needed = bytesNeeded(n, d, copies);
        if (needed > maxHeap) {
            throw new HeapLimitException(String.format(Locale.ROOT, "%s: %,d samples x %,d features"
                    + " (%s) take %s as doubles; reading and training them need about %s of heap, but the"
                    + " Java heap is limited to %s. Raise the limit: ONENEURON_JAVA_OPTS=-Xmx%s"
                    + " (the machine needs that much free memory), or use a subset of the data",
                    source, n, d, how, size(Double.BYTES * n * d), size(needed), size(maxHeap), xmx(needed)));
        }
    }

    /** Checks a text file before reading it, from {@link DataSize}'s estimate (none: no check). */
    static void beforeReading(java.nio.file.Path file, DataSize.Format format, ReadOptions options) {
        DataSize.of(file, format, options)
                .filter(e -> (double) e.n() * e.d() <= LabeledRows.MAX_DENSE_VALUES) // else the reader says so
                .ifPresent(e -> require(file.toString(), e.n(), e.d(),
                        e.exact() ? "counted" : "estimated from the file's size", TEXT_COPIES));
    }

    /** Checks while a text reader collects rows: {@code rows} read so far of {@code d} values. */
    static void whileReading(String source, long rows, long d) {
        require(source, rows, d, "counted so far while reading", TEXT_COPIES);
    }

    /** A byte count for people: "512 MB", "1.5 GB". */
    public static String size(long bytes) {
        double mb = bytes / (double) (1L << 20);
        return mb < 1024 ? String.format(Locale.ROOT, "%.0f MB", Math.ceil(mb))
                : String.format(Locale.ROOT, "%.1f GB", mb / 1024);
    }

    /** An -Xmx value of at least {@code bytes}, rounded up to whole GB (or 256 MB steps below 1 GB). */
    public static String xmx(long bytes) {
        long mb = (bytes + (1L << 20) - 1) >> 20;
        if (mb <= 1024) {
            return ((mb + 255) / 256 * 256) + "m";
        }
        return ((mb + 1023) / 1024) + "g";
    }
}
