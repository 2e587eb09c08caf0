package org.oneneuron.data;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.oneneuron.testing.Property;

/**
 * Every reader, fed random bytes or valid files with random damage, returns a valid Dataset or
 * throws a DataException: no other exception, no OutOfMemoryError.
 */
class ReaderFuzzTest {
    private static final String CSV = "a,\"b c\",label\n1.5,2,yes\n-3e2,4,no\n\n5,6,yes\n";
    private static final String LIBSVM = "# c\n+1 qid:1 1:0.5 3:2\n-1 2:1e-3 # x\n0 1:7\n";
    private static final String ARFF = "% c\n@relation 'r x'\n@attribute a numeric\n@attribute 'b b' real\n"
            + "@attribute class {p, 'q r'}\n@data\n1,2,p\n3,4,'q r'\n{0 5, 2 p}\n";
    private static final String[] INSERTS = {",", ";", "\t", " ", "\"", "'", "NaN", "Inf", "\n", ":", "{", "}",
        "%", "#", "@data", "?", "-", "e", "99999999999", "2000000000:1", "\u00e9", "\uFFFD", "\u0000"};

    private static void mustBeValidOrDataException(byte[] input, Function<byte[], Dataset> reader) {
        try {
            Dataset ds = reader.apply(input);
            for (double v : ds.x()) {
                assertTrue(Double.isFinite(v), "non-finite feature");
            }
            for (double v : ds.y()) {
                assertTrue(Double.isFinite(v), "target " + v);
            }
            switch (ds.task()) {
                case BINARY -> {
                    boolean pos = false;
                    boolean neg = false;
                    for (double v : ds.y()) {
                        assertTrue(v == 1.0 || v == -1.0, "label " + v);
                        pos |= v > 0;
                        neg |= v < 0;
                    }
                    assertTrue(pos && neg, "both classes");
                }
                case MULTICLASS -> {
                    int[] count = new int[ds.labelNames().size()];
                    for (double v : ds.y()) {
                        count[(int) v]++;
                    }
                    for (int c : count) {
                        assertTrue(c > 0, "every class present");
                    }
                }
                case REGRESSION -> assertTrue(ds.labelNames().isEmpty(), "no class names for regression");
                default -> fail("unknown task");
            }
        } catch (DataException expected) {
            assertTrue(expected.getMessage().length() > 0);
        } catch (Throwable t) {
            fail("input (base64) " + Base64.getEncoder().encodeToString(input) + " raised " + t, t);
        }
    }

    /** Applies 1..count random byte flips, truncations and insertions of tricky text. */
    static byte[] mutate(byte[] valid, long seed, int count) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] b = valid.clone();
        for (int k = 0; k < count; k++) {
            int at = b.length == 0 ? 0 : rng.nextInt(b.length);
            switch (rng.nextInt(3)) {
                case 0 -> {
                    if (b.length > 0) {
                        b[at] ^= (byte) (1 << rng.nextInt(8));
                    }
                }
                case 1 -> b = java.util.Arrays.copyOf(b, at);
                default -> {
                    byte[] ins = INSERTS[rng.nextInt(INSERTS.length)].getBytes(StandardCharsets.UTF_8);
                    byte[] out = new byte[b.length + ins.length];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(ins, 0, out, at, ins.length);
                    System.arraycopy(b, at, out, at + ins.length, b.length - at);
                    b = out;
                }
            }
        }
        return b;
    }

    private static Dataset csv(byte[] in) {
        return CsvReader.read(new ByteArrayInputStream(in), "fuzz.csv", "fuzz", ReadOptions.defaults());
    }

    private static Dataset libsvm(byte[] in) {
        return LibsvmReader.read(new ByteArrayInputStream(in), "fuzz.svm", "fuzz",
                ReadOptions.defaults().withClasses("-1,1"));
    }

    private static Dataset arff(byte[] in) {
        return ArffReader.read(new ByteArrayInputStream(in), "fuzz.arff", "fuzz", ReadOptions.defaults());
    }

    private static Dataset idxImages(byte[] images) {
        return IdxReader.read(new ByteArrayInputStream(images), new ByteArrayInputStream(IdxReaderTest.labels()),
                "img", "lbl", "fuzz", ReadOptions.defaults().withClasses("4,9"), images.length, -1);
    }

    private static Dataset idxLabels(byte[] labels) {
        return IdxReader.read(new ByteArrayInputStream(IdxReaderTest.images()), new ByteArrayInputStream(labels),
                "img", "lbl", "fuzz", ReadOptions.defaults().withClasses("4,9"), -1, labels.length);
    }

    @Test
    void randomBytes() {
        Property.forAll(150, g -> {
            byte[] bytes = g.bytes("bytes", 300);
            mustBeValidOrDataException(bytes, ReaderFuzzTest::csv);
            mustBeValidOrDataException(bytes, ReaderFuzzTest::libsvm);
            mustBeValidOrDataException(bytes, ReaderFuzzTest::arff);
            mustBeValidOrDataException(bytes, ReaderFuzzTest::idxImages);
            mustBeValidOrDataException(bytes, ReaderFuzzTest::idxLabels);
        });
    }

    @Test
    void damagedTextFiles() {
        Property.forAll(300, g -> {
            long seed = g.seed("seed");
            int count = g.intIn("count", 1, 6);
            mustBeValidOrDataException(mutate(CSV.getBytes(StandardCharsets.UTF_8), seed, count),
                    ReaderFuzzTest::csv);
            mustBeValidOrDataException(mutate(LIBSVM.getBytes(StandardCharsets.UTF_8), seed, count),
                    ReaderFuzzTest::libsvm);
            mustBeValidOrDataException(mutate(ARFF.getBytes(StandardCharsets.UTF_8), seed, count),
                    ReaderFuzzTest::arff);
        });
    }

    @Test
    void damagedIdxFilesPlainAndGzip() {
        Property.forAll(200, g -> {
            long seed = g.seed("seed");
            int count = g.intIn("count", 1, 4);
            mustBeValidOrDataException(mutate(IdxReaderTest.images(), seed, count), ReaderFuzzTest::idxImages);
            mustBeValidOrDataException(mutate(IdxReaderTest.labels(), seed, count), ReaderFuzzTest::idxLabels);
            mustBeValidOrDataException(mutate(gzip(IdxReaderTest.images()), seed, count),
                    ReaderFuzzTest::idxImages);
            mustBeValidOrDataException(gzip(mutate(IdxReaderTest.labels(), seed, count)), ReaderFuzzTest::idxLabels);
        });
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }
}
