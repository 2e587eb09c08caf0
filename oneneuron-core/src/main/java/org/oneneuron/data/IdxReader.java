package org.oneneuron.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX image/label file pairs (MNIST, Fashion-MNIST), plain or gzip (told apart by the magic
 * bytes). Header: two zero bytes, the element type (only 0x08, unsigned byte, is read), the number
 * of dimensions, then each dimension as a big-endian int; then the elements. Images become
 * features scaled by 1/255; the class pair comes from {@link ReadOptions} (e.g. classes 4,9:
 * 4 is -1, 9 is +1) and {@link ReadOptions#limit()} keeps the first N samples of the pair.
 *
 * <p>Nothing is allocated from header numbers alone: labels are read as they come, an image is at
 * most {@value #MAX_IMAGE_VALUES} values, and plain files must have exactly the size the header
 * announces, so a corrupt or malicious header gives a DataException, not an OutOfMemoryError. Once
 * the labels say how many images the class selection keeps, {@link HeapCheck} refuses a data set
 * that will not fit the heap before a single image is read.
 */
public final class IdxReader {
    /** Largest number of values in one image (4096 x 4096). */
    static final int MAX_IMAGE_VALUES = 1 << 24;
    private static final int TYPE_UNSIGNED_BYTE = 0x08;
    /** b / 255.0 for every byte value b (the same bits as dividing). */
    private static final double[] BYTE_SCALED = new double[256];

    static {
        for (int b = 0; b < 256; b++) {
            BYTE_SCALED[b] = b / 255.0;
        }
    }

    private IdxReader() {
    }

    /** An IDX header: the element type and the dimensions (the first is the sample count). */
    private record Header(int[] dims, long headerBytes) {
        int n() {
            return dims[0];
        }

        long valuesPerSample() {
            long p = 1;
            for (int k = 1; k < dims.length; k++) {
                p *= dims[k];
            }
            return p;
        }
    }

    /**
     * Reads from a directory (its train-images/train-labels pair) or from an images file whose
     * labels file lies beside it (name with "images" replaced by "labels", idx3 by idx1).
     */
    public static Dataset read(Path imagesOrDirectory, ReadOptions options) {
        if (!Files.exists(imagesOrDirectory)) {
            throw new DataException(imagesOrDirectory.toString(), "file not found");
        }
        Path images = Files.isDirectory(imagesOrDirectory) ? imagesIn(imagesOrDirectory) : imagesOrDirectory;
        return read(images, labelsBeside(images), options);
    }

    /** Reads an explicit images/labels pair. */
    public static Dataset read(Path images, Path labels, ReadOptions options) {
        try (InputStream li = TextLines.open(labels); InputStream ii = TextLines.open(images)) {
            long labelsSize = Files.size(labels);
            long imagesSize = Files.size(images);
            return read(ii, li, images.toString(), labels.toString(), CsvReader.fileName(images), options,
                    imagesSize, labelsSize);
        } catch (IOException e) {
            throw new DataException(images.toString(), "cannot read: " + e.getMessage());
        }
    }

    /**
     * Reads streams (not closed here).
     *
     * @param imagesSize the images file's size in bytes when it is a plain file, else -1 (unknown)
     * @param labelsSize the same for the labels file
     */
    public static Dataset read(InputStream images, InputStream labels, String imagesSource, String labelsSource,
                               String name, ReadOptions options, long imagesSize, long labelsSize) {
        try {
            Opened lo = ungzip(labels, labelsSource);
            DataInputStream lin = new DataInputStream(lo.in());
            boolean labelsPlain = !lo.gzip();
            Header lh = header(lin, labelsSource, 1);
            if (labelsPlain && labelsSize >= 0) {
                requireSize(labelsSize, lh.headerBytes() + lh.n(), labelsSource);
            }
            byte[] labelBytes = readLabels(lin, lh.n(), labelsSource);
            Set<String> classes = new LinkedHashSet<>();
            for (byte b : labelBytes) {
                classes.add(Integer.toString(b & 0xff));
            }
            boolean ignore = options.classRule() == ReadOptions.ClassRule.IGNORE;
            TargetCoding coding = ignore ? new TargetCoding(Task.REGRESSION, List.of(), null, "labels ignored")
                    : TargetCoding.decide(classes, options, labelsSource, "label");
            if (coding.task() == Task.REGRESSION && !ignore) {
                throw new DataException(labelsSource, 0, "label", "IDX labels are classes; regression is not available");
            }
            java.util.Map<String, Double> codes = coding.codes();
            int limit = options.limit() == 0 ? Integer.MAX_VALUE : options.limit();
            List<Integer> chosen = new ArrayList<>();
            for (int i = 0; i < labelBytes.length && chosen.size() < limit; i++) {
                String label = Integer.toString(labelBytes[i] & 0xff);
                if (ignore || codes.containsKey(label)) {
                    chosen.add(i);
                } else if (options.classRule() == ReadOptions.ClassRule.FIXED) {
                    throw LabeledRows.notAClass(label, coding, labelsSource + " (label " + (i + 1) + ")", 0, "label");
                }
            }

            Opened io = ungzip(images, imagesSource);
            DataInputStream iin = new DataInputStream(io.in());
            boolean imagesPlain = !io.gzip();
            Header ih = header(iin, imagesSource, 2);
            long per = ih.valuesPerSample();
            if (per <= 0 || per > MAX_IMAGE_VALUES) {
                throw new DataException(imagesSource, "each image has " + per + " values; expected 1 to "
                        + MAX_IMAGE_VALUES);
            }
            if (ih.n() != lh.n()) {
                throw new DataException(imagesSource, "holds " + ih.n() + " images but " + labelsSource + " holds "
                        + lh.n() + " labels");
            }
            if (imagesPlain && imagesSize >= 0) {
                requireSize(imagesSize, ih.headerBytes() + (long) ih.n() * per, imagesSource);
            }
            int d = (int) per;
            if ((long) chosen.size() * d > LabeledRows.MAX_DENSE_VALUES) {
                throw new DataException(imagesSource, chosen.size() + " images of " + d + " values exceed the "
                        + LabeledRows.MAX_DENSE_VALUES + " values one dense data set can hold; use a limit");
            }
            HeapCheck.require(imagesSource, chosen.size(), d, "from its IDX header", HeapCheck.IDX_COPIES);
            double[] x = new double[chosen.size() * d];
            double[] y = new double[chosen.size()];
            byte[] buffer = new byte[d];
            int next = 0;
            long position = 0;
            for (int k = 0; k < chosen.size(); k++) {
                int i = chosen.get(k);
                try {
                    // images of other classes are skipped, not read (a seek in a plain file)
                    iin.skipNBytes((i - position) * d);
                    iin.readFully(buffer);
                } catch (EOFException e) {
                    throw new DataException(imagesSource, "file ends inside image " + (i + 1) + " of " + ih.n());
                }
                position = i + 1L;
                int base = next * d;
                for (int j = 0; j < d; j++) {
                    x[base + j] = BYTE_SCALED[buffer[j] & 0xff];
                }
                y[next] = ignore ? 0 : codes.get(Integer.toString(labelBytes[i] & 0xff));
                next++;
            }
            if (options.classRule() == ReadOptions.ClassRule.PICK) {
                LabeledRows.requireEveryClass(y, coding, labelsSource, "label");
            }
            return new Dataset(name, x, y, d, featureNames(ih.dims()), coding.classes(), shape(ih.dims()), coding.task());
        } catch (IOException e) {
            throw new DataException(imagesSource, "cannot read: " + e.getMessage());
        }
    }

    /** A stream ready to read IDX bytes, and whether it was gzip. */
    private record Opened(InputStream in, boolean gzip) {
    }

    private static Opened ungzip(InputStream in, String source) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark(2);
        int b0 = b.read();
        int b1 = b.read();
        b.reset();
        if (b0 != 0x1f || b1 != 0x8b) {
            return new Opened(b, false);
        }
        try {
            return new Opened(new BufferedInputStream(new GZIPInputStream(b, 1 << 16), 1 << 16), true);
        } catch (IOException e) {
            throw new DataException(source, "bad gzip header: " + e.getMessage());
        }
    }

    private static Header header(DataInputStream in, String source, int minDims) throws IOException {
        try {
            int z0 = in.readUnsignedByte();
            int z1 = in.readUnsignedByte();
            int type = in.readUnsignedByte();
            int ndims = in.readUnsignedByte();
            if (z0 != 0 || z1 != 0) {
                throw new DataException(source, String.format(java.util.Locale.ROOT,
                        "not an IDX file: magic starts with 0x%02x%02x, expected 0x0000", z0, z1));
            }
            if (type != TYPE_UNSIGNED_BYTE) {
                throw new DataException(source, String.format(java.util.Locale.ROOT,
                        "element type 0x%02x is not supported; expected unsigned bytes (0x08)", type));
            }
            if (ndims < minDims) {
                throw new DataException(source, "has " + ndims + " dimensions; expected at least " + minDims
                        + (minDims == 1 ? " (labels)" : " (images: count, then the image shape)"));
            }
            int[] dims = new int[ndims];
            for (int k = 0; k < ndims; k++) {
                dims[k] = in.readInt();
                if (dims[k] < 0 || (k > 0 && dims[k] == 0)) {
                    throw new DataException(source, "dimension " + (k + 1) + " is " + dims[k]
                            + "; expected a positive size");
                }
            }
            if (minDims == 1 && ndims != 1) {
                throw new DataException(source, "has " + ndims + " dimensions; a labels file has 1");
            }
            return new Header(dims, 4L + 4L * ndims);
        } catch (EOFException e) {
            throw new DataException(source, "file ends inside the IDX header");
        } catch (java.util.zip.ZipException e) {
            throw new DataException(source, "corrupt gzip data: " + e.getMessage());
        }
    }

    private static byte[] readLabels(DataInputStream in, int n, String source) throws IOException {
        byte[] labels = new byte[Math.min(n, 1 << 16)];
        int read = 0;
        try {
            while (read < n) {
                if (read == labels.length) {
                    labels = Arrays.copyOf(labels, (int) Math.min(n, 2L * labels.length));
                }
                int got = in.read(labels, read, labels.length - read);
                if (got < 0) {
                    throw new DataException(source, "file ends after " + read + " of " + n + " labels");
                }
                read += got;
            }
        } catch (java.util.zip.ZipException e) {
            throw new DataException(source, "corrupt gzip data: " + e.getMessage());
        }
        return labels;
    }

    private static void requireSize(long actual, long expected, String source) {
        if (actual != expected) {
            throw new DataException(source, "file has " + actual + " bytes but its IDX header announces "
                    + expected);
        }
    }

    /** An image file (n × H × W) gives 1×H×W samples, n × C × H × W gives C×H×W; others are vectors. */
    private static Shape shape(int[] dims) {
        return switch (dims.length) {
            case 3 -> new Shape(1, dims[1], dims[2]);
            case 4 -> new Shape(dims[1], dims[2], dims[3]);
            default -> null;
        };
    }

    private static List<String> featureNames(int[] dims) {
        int d = (int) new Header(dims, 0).valuesPerSample();
        List<String> names = new ArrayList<>(d);
        if (dims.length == 3) {
            for (int r = 0; r < dims[1]; r++) {
                for (int c = 0; c < dims[2]; c++) {
                    names.add("pixel_" + r + "_" + c);
                }
            }
        } else {
            for (int j = 0; j < d; j++) {
                names.add("v" + j);
            }
        }
        return names;
    }

    private static Path imagesIn(Path dir) {
        for (String candidate : List.of("train-images-idx3-ubyte", "train-images-idx3-ubyte.gz",
                "train-images.idx3-ubyte")) {
            if (Files.isRegularFile(dir.resolve(candidate))) {
                return dir.resolve(candidate);
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> images = files.filter(p -> CsvReader.fileName(p).contains("images")).sorted().toList();
            if (images.size() == 1) {
                return images.get(0);
            }
            throw new DataException(dir.toString(), images.isEmpty()
                    ? "no IDX images file (train-images-idx3-ubyte[.gz]) in this directory"
                    : "several images files " + images.stream().map(CsvReader::fileName).toList()
                    + "; name the one to read");
        } catch (IOException e) {
            throw new DataException(dir.toString(), "cannot list: " + e.getMessage());
        }
    }

    /** The labels file beside an images file: "images" becomes "labels" and "idx3" becomes "idx1". */
    static Path labelsBeside(Path images) {
        String name = CsvReader.fileName(images);
        if (!name.contains("images")) {
            throw new DataException(images.toString(), "cannot tell the labels file: the name has no 'images'");
        }
        Path labels = images.resolveSibling(name.replace("images", "labels").replace("idx3", "idx1"));
        if (!Files.isRegularFile(labels)) {
            throw new DataException(images.toString(), "labels file not found: expected " + labels);
        }
        return labels;
    }
}
