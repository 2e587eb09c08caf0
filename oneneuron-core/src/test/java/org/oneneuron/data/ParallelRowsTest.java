package org.oneneuron.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.testing.Gen;
import org.oneneuron.testing.Property;

/**
 * A CSV read on several threads is the serial read: the same data set bit for bit, or the same
 * error (message, line and column) — over many batches and rounds, with blank lines, quoted
 * rows, CRLF endings, bad cells, ragged rows and bytes that are not UTF-8 anywhere in the file.
 */
class ParallelRowsTest {

    @Test
    void everyThreadCountReadsWhatOneThreadReads() {
        Property.forAll(100, ParallelRowsTest::sameAsSerial);
    }

    @Test
    void theDefaultBatchesGiveTheSameDataSet() {
        byte[] csv = csv(new SplittableRandom(5), 4000, 12, false);
        Dataset serial = read(csv, 1, ParallelRows.BATCH_CHARS);
        Dataset parallel = read(csv, 3, ParallelRows.BATCH_CHARS);
        assertArrayEquals(serial.x(), parallel.x());
        assertArrayEquals(serial.y(), parallel.y());
        assertEquals(4000, parallel.n());
    }

    @Test
    void threadsBelowOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ReadOptions.defaults().withThreads(0));
    }

    private static void sameAsSerial(Gen g) {
        SplittableRandom rng = new SplittableRandom(g.seed("seed"));
        int n = g.intIn("n", 1, 400);
        int d = g.intIn("d", 1, 6);
        boolean spoil = g.bool("spoil");
        int threads = g.intIn("threads", 2, 4);
        int batchChars = g.intIn("batchChars", 1, 600);
        byte[] csv = csv(rng, n, d, spoil);
        Object serial = outcome(csv, 1, batchChars);
        Object parallel = outcome(csv, threads, batchChars);
        if (serial instanceof Dataset s && parallel instanceof Dataset p) {
            assertArrayEquals(s.x(), p.x());
            assertArrayEquals(s.y(), p.y());
            assertEquals(s.labelNames(), p.labelNames());
            assertEquals(s.featureNames(), p.featureNames());
        } else {
            assertEquals(serial, parallel);
        }
    }

    /** The data set, or the error's message. */
    private static Object outcome(byte[] csv, int threads, int batchChars) {
        try {
            return read(csv, threads, batchChars);
        } catch (DataException e) {
            return e.getMessage();
        }
    }

    private static Dataset read(byte[] csv, int threads, int batchChars) {
        return CsvReader.read(new ByteArrayInputStream(csv), "p.csv", "p", ReadOptions.defaults().withThreads(threads),
                batchChars);
    }

    /** A header, n rows of d numbers and a label; spoilt files get a few bad lines anywhere. */
    private static byte[] csv(SplittableRandom rng, int n, int d, boolean spoil) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder header = new StringBuilder();
        for (int j = 0; j < d; j++) {
            header.append("x").append(j).append(',');
        }
        write(out, header.append("label\n").toString());
        for (int i = 0; i < n; i++) {
            if (rng.nextInt(20) == 0) {
                write(out, rng.nextBoolean() ? "\n" : "  \r\n");
            }
            StringBuilder row = new StringBuilder();
            boolean quoted = rng.nextInt(10) == 0;
            for (int j = 0; j < d; j++) {
                String v = String.format(Locale.ROOT, rng.nextBoolean() ? "%.6g" : "%.17g", rng.nextGaussian());
                row.append(quoted ? "\"" + v + "\"" : v).append(',');
            }
            row.append(i % 2 == 0 ? "yes" : "no");
            if (spoil && rng.nextInt(60) == 0) {
                switch (rng.nextInt(4)) {
                    case 0 -> row.append(",7");
                    case 1 -> row.replace(0, row.indexOf(","), "NaN");
                    case 2 -> row.setLength(row.lastIndexOf(",") + 1);
                    default -> {
                        write(out, row.toString());
                        out.write(0xC3); // a lone lead byte: not UTF-8
                        out.write('\n');
                        continue;
                    }
                }
            }
            write(out, row.append(rng.nextInt(3) == 0 ? "\r\n" : "\n").toString());
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
