package org.oneneuron.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
    @TempDir
    Path dir;

    private static long positives(Dataset ds) {
        return Arrays.stream(ds.y()).filter(v -> v > 0).count();
    }

    @Test
    void tableColumnsComeFromTheHeaderAloneAsTheReaderTakesThem() throws IOException {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "a,species,b\n1,setosa,x\n"); // values no reader would take
        TableColumns last = Datasets.tableColumns(csv, ReadOptions.defaults(), true).orElseThrow();
        assertEquals(List.of("a", "species"), last.featureNames());
        assertEquals("b", last.labelName());
        TableColumns named = Datasets.tableColumns(csv, ReadOptions.defaults().withLabelColumn("species"), true)
                .orElseThrow();
        assertEquals(List.of("a", "b"), named.featureNames());
        assertEquals(List.of("a", "species", "b"),
                Datasets.tableColumns(csv, ReadOptions.defaults(), false).orElseThrow().featureNames());
        Path bare = dir.resolve("bare.csv");
        Files.writeString(bare, "1,2,3\n4,5,6\n");
        TableColumns headerless = Datasets.tableColumns(bare, ReadOptions.defaults(), true).orElseThrow();
        assertEquals(new TableColumns(List.of("x1", "x2", "x3"), false, 2), headerless);
        Path arff = dir.resolve("t.arff");
        Files.writeString(arff, "@relation r\n@attribute a numeric\n@attribute c {p,q}\n@data\nzz,p\n");
        assertEquals(new TableColumns(List.of("a", "c"), true, 1),
                Datasets.tableColumns(arff, ReadOptions.defaults(), true).orElseThrow());
        Path libsvm = dir.resolve("t.libsvm");
        Files.writeString(libsvm, "+1 1:2\n");
        assertTrue(Datasets.tableColumns(libsvm, ReadOptions.defaults(), true).isEmpty());
    }

    @Test
    void embeddedWdbcIs569By30With212Malignant() {
        Dataset ds = Datasets.builtin("wdbc");
        assertEquals(569, ds.n());
        assertEquals(30, ds.d());
        assertEquals(212, positives(ds));
        assertEquals("radius_mean", ds.featureNames().get(0));
        assertEquals(List.of("-1", "1"), ds.labelNames());
        assertEquals(17.99, ds.x(0, 0));
        assertTrue(Datasets.class.getResource("/org/oneneuron/data/wdbc-NOTICE.md") != null, "attribution ships");
    }

    @Test
    void sharedWdbcCsvReadsTheSameAsTheEmbeddedCopy() {
        Path file = Path.of("src/main/resources/org/oneneuron/data/wdbc.csv");
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("shared/data/wdbc.csv"))) {
                file = p.resolve("shared/data/wdbc.csv");
                break;
            }
        }
        Dataset ds = Datasets.load(file, ReadOptions.defaults());
        assertEquals(569, ds.n());
        assertEquals(30, ds.d());
        assertEquals(212, positives(ds));
        assertArrayEquals(Datasets.wdbc().x(), ds.x());
    }

    @Test
    void listsEveryBuiltinAndEachLoads() {
        List<String> names = Datasets.builtins().stream().map(BuiltinDataset::name).toList();
        assertEquals(List.of("wdbc", "xor", "moons", "circles", "blobs", "construction-a", "construction-b"), names);
        for (BuiltinDataset b : Datasets.builtins()) {
            Dataset ds = Datasets.builtin(b.defaultSpec());
            assertTrue(ds.n() >= 3, b.name());
            assertTrue(Arrays.stream(ds.x()).allMatch(Double::isFinite), b.name());
            assertTrue(!b.description().isBlank(), b.name());
        }
        assertEquals("moons:n=200,noise=0.1,seed=0", Datasets.builtins().get(2).defaultSpec());
    }

    @Test
    void constructionsHavePaperNumbers() {
        Dataset a = Datasets.builtin("construction-a");
        assertArrayEquals(new double[] {1, 0, 0, 1, 0.5, 0.5}, a.x());
        assertArrayEquals(new double[] {-1, -1, 1}, a.y());
        Dataset b = Datasets.builtin("construction-b");
        assertArrayEquals(a.x(), b.x());
        assertArrayEquals(new double[] {0, 0, 1}, b.y());
        assertEquals(List.of(), b.labelNames());
    }

    @Test
    void syntheticSetsAreSeededBalancedAndParameterised() {
        Dataset m1 = Datasets.builtin("moons:n=101,noise=0.2,seed=7");
        Dataset m2 = Synthetic.moons(101, 0.2, 7);
        assertArrayEquals(m1.x(), m2.x());
        assertEquals(51, positives(m1));
        assertNotEquals(Arrays.hashCode(m1.x()), Arrays.hashCode(Synthetic.moons(101, 0.2, 8).x()));
        Dataset noiseless = Synthetic.circles(8, 0, 0.5, 1);
        for (int i = 0; i < 8; i++) {
            double r = Math.hypot(noiseless.x(i, 0), noiseless.x(i, 1));
            assertEquals(noiseless.y()[i] < 0 ? 1.0 : 0.5, r, 1e-12);
        }
        Dataset xor = Synthetic.xor(8, 0, 3);
        for (int i = 0; i < 8; i++) {
            assertEquals(xor.x(i, 0) * xor.x(i, 1) < 0 ? 1.0 : -1.0, xor.y()[i]);
        }
        assertEquals(5, Datasets.builtin("blobs:d=5,n=10").d());
    }

    @Test
    void badSpecsAndPathsAreDataExceptions() {
        DataException unknown = assertThrows(DataException.class, () -> Datasets.builtin("iris"));
        assertTrue(unknown.getMessage().contains("known: wdbc, xor"), unknown.getMessage());
        DataException key = assertThrows(DataException.class, () -> Datasets.builtin("moons:m=3"));
        assertTrue(key.getMessage().contains("KEY one of [n, noise, seed]"), key.getMessage());
        DataException value = assertThrows(DataException.class, () -> Datasets.builtin("xor:n=1"));
        assertTrue(value.getMessage().contains("n must be >= 2"), value.getMessage());
        DataException twice = assertThrows(DataException.class, () -> Datasets.builtin("blobs:n=10,n=20"));
        assertTrue(twice.getMessage().contains("parameter 'n' is given twice"), twice.getMessage());
        DataException fixed = assertThrows(DataException.class, () -> Datasets.builtin("wdbc:n=3"));
        assertTrue(fixed.getMessage().contains("takes no parameters"), fixed.getMessage());
        DataException type = assertThrows(DataException.class,
                () -> Datasets.load(dir.resolve("data.xlsx"), ReadOptions.defaults()));
        assertTrue(type.getMessage().contains("unknown file type"), type.getMessage());
        DataException none = assertThrows(DataException.class,
                () -> Datasets.resolve(dir.resolve("nope.csv").toString(), ReadOptions.defaults()));
        assertTrue(none.getMessage().contains("no such file"), none.getMessage());
    }

    @Test
    void resolvePrefersFilesAndChoosesReadersByExtension() throws IOException {
        Path svm = Files.writeString(dir.resolve("t.svmlight"), "1 1:2\n-1 2:3\n");
        assertArrayEquals(new double[] {2, 0, 0, 3}, Datasets.resolve(svm.toString(), ReadOptions.defaults()).x());
        Path tsv = Files.writeString(dir.resolve("t.tsv"), "a\ty\n1\tp\n2\tq\n");
        assertEquals(List.of("a"), Datasets.load(tsv, ReadOptions.defaults()).featureNames());
        Path arff = Files.writeString(dir.resolve("t.arff"), "@relation r\n@attribute a real\n@attribute c {u,v}\n"
                + "@data\n1,u\n2,v\n");
        assertArrayEquals(new double[] {-1, 1}, Datasets.load(arff, ReadOptions.defaults()).y());
        assertEquals("xor", Datasets.resolve("xor:n=4", ReadOptions.defaults()).name());
        Path libsvmTxt = Files.writeString(dir.resolve("a1a.txt"), "# header comment\n-1 3:1 11:1\n+1 5:1\n");
        Dataset sparse = Datasets.load(libsvmTxt, ReadOptions.defaults());
        assertEquals(11, sparse.d(), ".txt in LIBSVM form is read as LIBSVM");
        Path csvTxt = Files.writeString(dir.resolve("plain.txt"), "1 2 1\n3 4 0\n");
        assertEquals(2, Datasets.load(csvTxt, ReadOptions.defaults()).d());
        DataException idx = assertThrows(DataException.class,
                () -> Datasets.load(dir.resolve("t10k-images-idx3-ubyte"), ReadOptions.defaults()));
        assertTrue(idx.getMessage().endsWith("t10k-images-idx3-ubyte: file not found"), idx.getMessage());
    }

    @Test
    void aNullNameOrPathSaysWhichArgumentIsMissing() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Datasets.resolve(null, ReadOptions.defaults()));
        assertEquals("Datasets.resolve needs pathOrBuiltin, a file path or a built-in data set's name (e.g."
                + " \"wdbc\"), not null", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> Datasets.builtin(null));
        assertTrue(e.getMessage().startsWith("Datasets.builtin needs spec"), e.getMessage());
        e = assertThrows(NullPointerException.class, () -> Datasets.load(null, ReadOptions.defaults()));
        assertTrue(e.getMessage().startsWith("Datasets.load needs path"), e.getMessage());
    }
}
