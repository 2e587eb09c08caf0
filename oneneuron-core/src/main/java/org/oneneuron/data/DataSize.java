package org.oneneuron.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * n x d of a text data file estimated before reading it, from its size and its first
 * {@value #SAMPLE_BYTES} bytes: d from the sample's rows (CSV fields less the label, the largest
 * LIBSVM index, the ARFF attributes less the class), n as the file's data bytes divided by the
 * sample's bytes per row (exact when the sample is the whole file). For {@link HeapCheck}; any
 * surprise in the sample gives no estimate, and the reader then reports the problem itself.
 */
final class DataSize {

    /** Bytes read ahead. */
    static final int SAMPLE_BYTES = 1 << 16;

    /** The text formats the estimate knows. */
    enum Format { CSV, LIBSVM, ARFF }

    /**
     * An estimate.
     *
     * @param n     samples
     * @param d     features
     * @param exact whether the sample was the whole file
     */
    record Estimate(long n, long d, boolean exact) {
    }

    private DataSize() {
    }

    static Optional<Estimate> of(Path file, Format format, ReadOptions options) {
        try {
            long size = Files.size(file);
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(SAMPLE_BYTES);
            }
            boolean whole = head.length >= size;
            List<String> lines = new ArrayList<>();
            List<Integer> ends = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < head.length; i++) {
                if (head[i] == '\n' || (whole && i == head.length - 1)) {
                    lines.add(new String(head, start, i + 1 - start, StandardCharsets.UTF_8).strip());
                    ends.add(i + 1);
                    start = i + 1;
                }
            }
            return estimate(format, options, lines, ends, size, whole);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Estimate> estimate(Format format, ReadOptions options, List<String> lines,
                                               List<Integer> ends, long size, boolean whole) {
        long d = 0;
        int rows = 0;
        int headerEnd = 0;
        boolean inData = format != Format.ARFF;
        List<String> sample = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            if (line.isEmpty() || (format == Format.LIBSVM && line.startsWith("#"))
                    || (format == Format.ARFF && line.startsWith("%"))) {
                continue;
            }
            if (!inData) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("@attribute")) {
                    d++;
                } else if (lower.startsWith("@data")) {
                    inData = true;
                    headerEnd = ends.get(k);
                    d--;
                }
                continue;
            }
            rows++;
            if (format == Format.CSV && sample.size() < 5) {
                sample.add(line);
            } else if (format == Format.LIBSVM) {
                d = Math.max(d, largestIndex(line));
            }
        }
        if (format == Format.CSV && !sample.isEmpty()) {
            d = new CsvTokenizer(options.delimiter() != null ? options.delimiter()
                    : CsvTokenizer.detect(sample)).split(sample.get(0), "sample", 1).size() - 1L;
        }
        if (format == Format.LIBSVM && options.dimension() > 0) {
            d = options.dimension();
        }
        int sampled = ends.isEmpty() ? 0 : ends.get(ends.size() - 1) - headerEnd;
        if (!inData || rows == 0 || d <= 0 || sampled <= 0) {
            return Optional.empty();
        }
        long n = whole ? rows : Math.round(rows * ((double) (size - headerEnd) / sampled));
        return Optional.of(new Estimate(n, d, whole));
    }

    private static long largestIndex(String line) {
        long largest = 0;
        for (String token : line.split("\\s+")) {
            int colon = token.indexOf(':');
            if (colon > 0 && Character.isDigit(token.charAt(0))) {
                largest = Math.max(largest, Long.parseLong(token.substring(0, colon)));
            }
        }
        return largest;
    }
}
