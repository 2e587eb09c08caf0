package org.oneneuron.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    static final byte[] LABELS = {4, 9, 1, 9, 4, 4};

    @TempDir
    Path dir;

    /** IDX bytes: magic 0x0000 08 ndims, the dims, then the payload. */
    static byte[] idx(int[] dims, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + payload.length);
        b.put((byte) 0).put((byte) 0).put((byte) 8).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.put(payload).array();
    }

    /** Six 2x2 images; image i has pixels 10i, 10i+1, 10i+2, 255. */
    static byte[] images() {
        byte[] px = new byte[LABELS.length * 4];
        for (int i = 0; i < LABELS.length; i++) {
            px[4 * i] = (byte) (10 * i);
            px[4 * i + 1] = (byte) (10 * i + 1);
            px[4 * i + 2] = (byte) (10 * i + 2);
            px[4 * i + 3] = (byte) 255;
        }
        return idx(new int[] {LABELS.length, 2, 2}, px);
    }

    static byte[] labels() {
        return idx(new int[] {LABELS.length}, LABELS);
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    private Path pair(String suffix, byte[] images, byte[] labels) throws IOException {
        Path sub = Files.createDirectories(dir.resolve("d" + suffix.hashCode() + Arrays.hashCode(images)));
        Files.write(sub.resolve("train-labels-idx1-ubyte" + suffix), labels);
        Path img = sub.resolve("train-images-idx3-ubyte" + suffix);
        Files.write(img, images);
        return img;
    }

    @Test
    void readsClassPairScaledInFileOrder() throws IOException {
        Path img = pair("", images(), labels());
        Dataset ds = IdxReader.read(img, ReadOptions.defaults().withClasses("4,9"));
        assertEquals(5, ds.n());
        assertEquals(4, ds.d());
        assertArrayEquals(new double[] {-1, 1, 1, -1, -1}, ds.y());
        assertArrayEquals(new double[] {10 / 255.0, 11 / 255.0, 12 / 255.0, 1.0}, Arrays.copyOfRange(ds.x(), 4, 8));
        assertEquals(List.of("4", "9"), ds.labelNames());
        assertEquals("pixel_1_1", ds.featureNames().get(3));
        Dataset limited = IdxReader.read(img, ReadOptions.defaults().withClasses("4,9").withLimit(3));
        assertArrayEquals(new double[] {-1, 1, 1}, limited.y());
        assertArrayEquals(Arrays.copyOf(ds.x(), 12), limited.x());
    }

    @Test
    void twoDigitsReadAsAMultiClassTaskKeepTwoOutputs() throws IOException {
        Dataset two = IdxReader.read(pair("", images(), labels()),
                ReadOptions.defaults().withClasses("4,9").withTask(Task.MULTICLASS));
        assertEquals(Task.MULTICLASS, two.task(), "--task multiclass --classes 4,9 is not read as binary");
        assertEquals(2, two.outputs());
        assertArrayEquals(new double[] {0, 1, 1, 0, 0}, two.y());
    }

    @Test
    void gzipAndDirectoryGiveTheSameData() throws IOException {
        Dataset plain = IdxReader.read(pair("", images(), labels()), ReadOptions.defaults().withClasses("9,1"));
        Path gz = pair(".gz", gzip(images()), gzip(labels()));
        Dataset zipped = Datasets.load(gz.getParent(), ReadOptions.defaults().withClasses("9,1"));
        assertArrayEquals(plain.x(), zipped.x());
        assertArrayEquals(plain.y(), zipped.y());
        assertArrayEquals(new double[] {-1, 1, -1}, zipped.y());
    }

    @Test
    void keepsEveryDigitByDefaultAndNeedsAChoiceForBinary() throws IOException {
        Path img = pair("", images(), labels());
        Dataset all = IdxReader.read(img, ReadOptions.defaults());
        assertEquals(Task.MULTICLASS, all.task());
        assertEquals(List.of("1", "4", "9"), all.labelNames());
        DataException e = assertThrows(DataException.class,
                () -> IdxReader.read(img, ReadOptions.defaults().withTask(Task.BINARY)));
        assertTrue(e.getMessage().contains("3 classes found ('1', '4', '9')"), e.getMessage());
    }

    @Test
    void maliciousHeadersFailWithoutAllocating() throws IOException {
        byte[] hugeCount = idx(new int[] {Integer.MAX_VALUE}, LABELS);
        DataException plain = assertThrows(DataException.class, () -> IdxReader.read(pair("", images(), hugeCount),
                ReadOptions.defaults().withClasses("4,9")));
        assertTrue(plain.getMessage().contains("header announces"), plain.getMessage());
        DataException zipped = assertThrows(DataException.class, () -> IdxReader.read(
                pair(".gz", gzip(images()), gzip(hugeCount)), ReadOptions.defaults().withClasses("4,9")));
        assertTrue(zipped.getMessage().contains("file ends after 6 of 2147483647 labels"), zipped.getMessage());
        byte[] hugeImage = idx(new int[] {LABELS.length, 65536, 65536}, new byte[8]);
        DataException image = assertThrows(DataException.class, () -> IdxReader.read(
                pair(".gz", gzip(hugeImage), gzip(labels())), ReadOptions.defaults().withClasses("4,9")));
        assertTrue(image.getMessage().contains("each image has 4294967296 values"), image.getMessage());
    }

    @Test
    void truncatedOrMismatchedFiles() throws IOException {
        byte[] full = images();
        byte[] cut = Arrays.copyOf(full, full.length - 3);
        DataException gz = assertThrows(DataException.class, () -> IdxReader.read(pair(".gz", gzip(cut), gzip(labels())),
                ReadOptions.defaults().withClasses("4,9")));
        assertTrue(gz.getMessage().contains("file ends inside image 6 of 6"), gz.getMessage());
        byte[] fewer = idx(new int[] {5}, Arrays.copyOf(LABELS, 5));
        DataException count = assertThrows(DataException.class, () -> IdxReader.read(pair("", images(), fewer),
                ReadOptions.defaults().withClasses("4,9")));
        assertTrue(count.getMessage().contains("holds 6 images but"), count.getMessage());
        byte[] floats = images();
        floats[2] = 0x0D;
        DataException type = assertThrows(DataException.class, () -> IdxReader.read(pair("", floats, labels()),
                ReadOptions.defaults().withClasses("4,9")));
        assertTrue(type.getMessage().contains("element type 0x0d is not supported"), type.getMessage());
        DataException notIdx = assertThrows(DataException.class, () -> IdxReader.read(
                new ByteArrayInputStream("hello".getBytes()), new ByteArrayInputStream(labels()), "i", "l", "x",
                ReadOptions.defaults().withClasses("4,9"), -1, -1));
        assertTrue(notIdx.getMessage().contains("not an IDX file"), notIdx.getMessage());
        Path lonely = Files.write(dir.resolve("x-images-idx3-ubyte"), images());
        DataException noLabels = assertThrows(DataException.class, () -> IdxReader.read(lonely, ReadOptions.defaults()));
        assertTrue(noLabels.getMessage().contains("labels file not found"), noLabels.getMessage());
    }
}
