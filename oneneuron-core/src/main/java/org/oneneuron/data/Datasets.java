package org.oneneuron.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one entry point for getting data: files by extension, IDX directories, and built-in data
 * sets by name. Every failure is a {@link DataException}, except a data set too large for the
 * heap, refused before it is read with a {@link HeapLimitException} ({@link HeapCheck}).
 */
public final class Datasets {
    /** Where the embedded WDBC copy lives on the class path (its NOTICE sits beside it). */
    static final String WDBC_RESOURCE = "/org/oneneuron/data/wdbc.csv";

    private static final java.util.regex.Pattern LIBSVM_LINE =
            java.util.regex.Pattern.compile("[^\\s:]+(\\s+(qid|\\d+):\\S+)+");

    private static final List<BuiltinDataset> BUILTINS = List.of(
            new BuiltinDataset("wdbc", "Breast Cancer Wisconsin (Diagnostic): 569 samples x 30 features,"
                    + " malignant = +1 (212), benign = -1 (357); UCI, CC BY 4.0; standardize before training",
                    Map.of()),
            new BuiltinDataset("xor", "XOR: four Gaussian clusters at (+-1, +-1), +1 where the signs differ",
                    params("n", "200", "noise", "0.25", "seed", "0")),
            new BuiltinDataset("moons", "two interleaved half circles (as scikit-learn's make_moons)",
                    params("n", "200", "noise", "0.1", "seed", "0")),
            new BuiltinDataset("circles", "two concentric circles, the inner one (+1) of radius factor",
                    params("n", "200", "noise", "0.05", "factor", "0.5", "seed", "0")),
            new BuiltinDataset("blobs", "two Gaussian blobs around (-1, ..., -1) and (1, ..., 1) in d dimensions",
                    params("n", "200", "d", "2", "noise", "1.0", "seed", "0")),
            new BuiltinDataset("construction-a", "PAPER §6 case A: x = (1,0), (0,1), (1/2,1/2), y = (-1, -1, +1)",
                    Map.of()),
            new BuiltinDataset("construction-b", "PAPER §6 case B: the same x with real targets t = (0, 0, 1)",
                    Map.of()));

    private Datasets() {
    }

    /** The built-in data sets with descriptions and parameter defaults, in listing order. */
    public static List<BuiltinDataset> builtins() {
        return BUILTINS;
    }

    /**
     * A built-in data set: a bare name ("wdbc", "moons") or a name with parameters
     * ("moons:n=500,noise=0.2,seed=7"); unset parameters take the defaults of {@link #builtins()}.
     *
     * @throws DataException for an unknown name, an unknown parameter or a bad value
     */
    public static Dataset builtin(String spec) {
        Objects.requireNonNull(spec, "Datasets.builtin needs spec, a built-in data set's name (e.g. \"wdbc\"),"
                + " not null");
        int colon = spec.indexOf(':');
        String name = (colon < 0 ? spec : spec.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        String source = "built-in '" + spec + "'";
        BuiltinDataset entry = BUILTINS.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new DataException(source, "unknown built-in data set; known: "
                        + String.join(", ", BUILTINS.stream().map(BuiltinDataset::name).toList())));
        Map<String, String> p = new HashMap<>(entry.parameters());
        Set<String> given = new HashSet<>();
        if (colon >= 0 && !spec.substring(colon + 1).isBlank()) {
            for (String kv : spec.substring(colon + 1).split(",", -1)) {
                String[] parts = kv.split("=", 2);
                String key = parts[0].trim();
                if (parts.length != 2 || !p.containsKey(key)) {
                    throw new DataException(source, "bad parameter '" + kv + "'; " + (entry.parameters().isEmpty()
                            ? name + " takes no parameters" : "expected KEY=VALUE with KEY one of "
                            + entry.parameters().keySet()));
                }
                if (!given.add(key)) {
                    throw new DataException(source, "parameter '" + key + "' is given twice; give each once");
                }
                p.put(key, parts[1].trim());
            }
        }
        try {
            if (p.containsKey("n")) {
                HeapCheck.require(source, integer(p, "n"), p.containsKey("d") ? integer(p, "d") : 2,
                        "from its parameters", HeapCheck.IDX_COPIES);
            }
            return switch (name) {
                case "wdbc" -> wdbc();
                case "xor" -> Synthetic.xor(integer(p, "n"), real(p, "noise"), seed(p));
                case "moons" -> Synthetic.moons(integer(p, "n"), real(p, "noise"), seed(p));
                case "circles" -> Synthetic.circles(integer(p, "n"), real(p, "noise"), real(p, "factor"), seed(p));
                case "blobs" -> Synthetic.blobs(integer(p, "n"), integer(p, "d"), real(p, "noise"), seed(p));
                case "construction-a" -> Synthetic.constructionA();
                default -> Synthetic.constructionB();
            };
        } catch (IllegalArgumentException e) {
            throw new DataException(source, e.getMessage());
        }
    }

    /**
     * A file (by extension) or, when no such file exists and the text names a built-in data set,
     * that built-in (built-ins ignore {@code options}; their parameters go in the spec).
     */
    public static Dataset resolve(String pathOrBuiltin, ReadOptions options) {
        Objects.requireNonNull(pathOrBuiltin, "Datasets.resolve needs pathOrBuiltin, a file path or a built-in"
                + " data set's name (e.g. \"wdbc\"), not null");
        Path path;
        try {
            path = Path.of(pathOrBuiltin);
        } catch (java.nio.file.InvalidPathException e) {
            path = null;
        }
        if (path != null && Files.exists(path)) {
            return load(path, options);
        }
        String name = pathOrBuiltin.split(":", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (BUILTINS.stream().anyMatch(b -> b.name().equals(name))) {
            return builtin(pathOrBuiltin);
        }
        throw new DataException(pathOrBuiltin, "no such file, and not a built-in data set (known: "
                + String.join(", ", BUILTINS.stream().map(BuiltinDataset::name).toList()) + ")");
    }

    /**
     * Reads a file, choosing the reader by extension: .csv, .tsv, .txt (CSV, except a .txt whose
     * first data line reads "LABEL INDEX:VALUE ...", which is LIBSVM); .libsvm, .svm, .svmlight (LIBSVM); .arff (ARFF); a directory, or a name with "-ubyte" or ".idx" (IDX, plain
     * or .gz, labels file beside it).
     */
    public static Dataset load(Path path, ReadOptions options) {
        Objects.requireNonNull(path, "Datasets.load needs path, the file to read, not null");
        Objects.requireNonNull(options, "Datasets.load needs options, e.g. ReadOptions.defaults(), not null");
        if (Files.isDirectory(path)) {
            return IdxReader.read(path, options);
        }
        String name = CsvReader.fileName(path).toLowerCase(Locale.ROOT);
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        if (base.contains("-ubyte") || base.contains(".idx")) {
            return IdxReader.read(path, options);
        }
        if (!name.equals(base)) {
            throw new DataException(path.toString(), "gzip is read for IDX files only; unpack it first");
        }
        if (base.endsWith(".txt") && looksLikeLibsvm(path)) {
            HeapCheck.beforeReading(path, DataSize.Format.LIBSVM, options);
            return LibsvmReader.read(path, options);
        }
        if (base.endsWith(".csv") || base.endsWith(".tsv") || base.endsWith(".txt")) {
            HeapCheck.beforeReading(path, DataSize.Format.CSV, options);
            return CsvReader.read(path, options);
        }
        if (base.endsWith(".libsvm") || base.endsWith(".svm") || base.endsWith(".svmlight")) {
            HeapCheck.beforeReading(path, DataSize.Format.LIBSVM, options);
            return LibsvmReader.read(path, options);
        }
        if (base.endsWith(".arff")) {
            HeapCheck.beforeReading(path, DataSize.Format.ARFF, options);
            return ArffReader.read(path, options);
        }
        throw new DataException(path.toString(), "unknown file type; expected .csv, .tsv, .txt, .libsvm, .svm,"
                + " .svmlight, .arff, or IDX (*-ubyte[.gz] or a directory of them)");
    }

    /**
     * Whether {@link #load} reads {@code path} as a table with a label column (CSV and ARFF), where
     * a {@link ReadOptions#labelColumn} applies; IDX and LIBSVM carry their labels elsewhere.
     */
    public static boolean hasLabelColumn(Path path) {
        return labelsNotAColumn(path).isEmpty();
    }

    /**
     * The format of a file whose labels are not a column, where a {@link ReadOptions#labelColumn}
     * does not apply: "IDX" (a labels file beside the images) or "LIBSVM" (the label first on each
     * row); empty for CSV and ARFF.
     */
    public static Optional<String> labelsNotAColumn(Path path) {
        if (Files.isDirectory(path)) {
            return Optional.of("IDX");
        }
        String name = CsvReader.fileName(path).toLowerCase(Locale.ROOT);
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        if (base.contains("-ubyte") || base.contains(".idx")) {
            return Optional.of("IDX");
        }
        if (base.endsWith(".libsvm") || base.endsWith(".svm") || base.endsWith(".svmlight")
                || base.endsWith(".txt") && looksLikeLibsvm(path)) {
            return Optional.of("LIBSVM");
        }
        return Optional.empty();
    }

    /**
     * The columns {@link #load} will read from a CSV or ARFF file, found from its header alone (see
     * {@link TableColumns}); empty for formats without named columns (IDX, LIBSVM) and for what
     * is not a file of a known table type. {@code labeled}: whether one column is the label (a CSV
     * may be read without one, {@link CsvReader#readUnlabeled}; ARFF always has its class).
     */
    public static Optional<TableColumns> tableColumns(Path path, ReadOptions options, boolean labeled) {
        if (!Files.isRegularFile(path) || !hasLabelColumn(path)) {
            return Optional.empty();
        }
        String name = CsvReader.fileName(path).toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return Optional.of(CsvReader.tableColumns(path, options, labeled));
        }
        if (name.endsWith(".arff") && labeled) {
            return Optional.of(ArffReader.tableColumns(path, options));
        }
        return Optional.empty();
    }

    /**
     * Whether a .txt file's first data line reads like LIBSVM ("LABEL INDEX:VALUE ..."): many
     * LIBSVM data sets ship as .txt.
     */
    private static boolean looksLikeLibsvm(Path path) {
        try (InputStream in = TextLines.open(path)) {
            TextLines lines = new TextLines(in, path.toString());
            String line;
            while ((line = lines.next()) != null) {
                int hash = line.indexOf('#');
                String t = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (!t.isEmpty()) {
                    return LIBSVM_LINE.matcher(t).matches();
                }
            }
            return false;
        } catch (IOException e) {
            throw new DataException(path.toString(), "cannot read: " + e.getMessage());
        }
    }

    /**
     * sha256 over n, d, x and y (big-endian longs and doubles, x row-major), as hex: a data set's
     * fingerprint, so a study or a model's held-out split can tell whether it sees the same data.
     */
    public static String sha256(Dataset data) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 16); // streamed: the same bytes, digest
            buf.putLong(data.n()).putLong(data.d());
            for (double[] values : new double[][] {data.x(), data.y()}) {
                for (double v : values) {
                    if (!buf.hasRemaining()) {
                        md.update(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putDouble(v);
                }
            }
            md.update(buf.array(), 0, buf.position());
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JDK", e);
        }
    }

    /** The embedded WDBC copy (read with the default options: last column, +1 = malignant). */
    public static Dataset wdbc() {
        String source = "wdbc (built-in)";
        try (InputStream in = Datasets.class.getResourceAsStream(WDBC_RESOURCE)) {
            if (in == null) {
                throw new DataException(source, "resource " + WDBC_RESOURCE + " is missing from the class path");
            }
            return CsvReader.read(in, source, "wdbc", ReadOptions.defaults());
        } catch (IOException e) {
            throw new DataException(source, "cannot read: " + e.getMessage());
        }
    }

    private static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static int integer(Map<String, String> p, String key) {
        try {
            return Integer.parseInt(p.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + p.get(key) + "'");
        }
    }

    private static double real(Map<String, String> p, String key) {
        String v = p.get(key);
        if (!Numbers.isNumber(v)) {
            throw new IllegalArgumentException(key + " must be a finite number, got '" + v + "'");
        }
        return Double.parseDouble(v);
    }

    private static long seed(Map<String, String> p) {
        try {
            return Long.parseLong(p.get("seed"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed must be an integer, got '" + p.get("seed") + "'");
        }
    }
}
