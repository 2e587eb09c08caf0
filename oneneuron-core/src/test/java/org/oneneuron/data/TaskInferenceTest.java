package org.oneneuron.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task of a label column: inferred or given, every class kept, --classes subsets, bad targets. */
class TaskInferenceTest {

    @TempDir
    Path dir;

    private Dataset read(String content, ReadOptions options) throws IOException {
        Path p = dir.resolve("t.csv");
        Files.writeString(p, content);
        return CsvReader.read(p, options);
    }

    private DataException fails(String content, ReadOptions options) throws IOException {
        Path p = dir.resolve("t.csv");
        Files.writeString(p, content);
        return assertThrows(DataException.class, () -> CsvReader.read(p, options));
    }

    @Test
    void twoLabelsAreBinaryAsBefore() throws IOException {
        Dataset ds = read("a,y\n1,no\n2,yes\n3,no\n", ReadOptions.defaults());
        assertEquals(Task.BINARY, ds.task());
        assertArrayEquals(new double[] {-1, 1, -1}, ds.y());
    }

    @Test
    void textLabelsKeepEveryClassInSortedOrder() throws IOException {
        Dataset ds = read("a,y\n1,emu\n2,cat\n3,dog\n4,cat\n", ReadOptions.defaults());
        assertEquals(Task.MULTICLASS, ds.task());
        assertEquals(List.of("cat", "dog", "emu"), ds.labelNames());
        assertArrayEquals(new double[] {2, 0, 1, 0}, ds.y());
        assertEquals(3, ds.outputs());
    }

    @Test
    void smallIntegersAreClassesInNumericOrder() throws IOException {
        Dataset ds = read("a,y\n1,10\n2,2\n3,1\n4,2.0\n", ReadOptions.defaults());
        assertEquals(Task.MULTICLASS, ds.task());
        assertEquals(List.of("1", "2", "10"), ds.labelNames());
        assertArrayEquals(new double[] {2, 1, 0, 1}, ds.y());
    }

    @Test
    void realNumbersAreRegressionTargets() throws IOException {
        Dataset ds = read("a,y\n1,0.5\n2,-1.25\n3,3\n", ReadOptions.defaults());
        assertEquals(Task.REGRESSION, ds.task());
        assertTrue(ds.labelNames().isEmpty());
        assertArrayEquals(new double[] {0.5, -1.25, 3}, ds.y());
        Dataset forced = read("a,y\n1,1\n2,2\n3,3\n", ReadOptions.defaults().withTask(Task.REGRESSION));
        assertEquals(Task.REGRESSION, forced.task());
        assertArrayEquals(new double[] {1, 2, 3}, forced.y());
    }

    @Test
    void classesPickASubsetInTheGivenOrder() throws IOException {
        String csv = "a,y\n1,emu\n2,cat\n3,dog\n4,ant\n";
        Dataset three = read(csv, ReadOptions.defaults().withClasses("emu,ant,cat"));
        assertEquals(Task.MULTICLASS, three.task());
        assertEquals(List.of("emu", "ant", "cat"), three.labelNames());
        assertArrayEquals(new double[] {0, 2, 1}, three.y());
        Dataset two = read(csv, ReadOptions.defaults().withClasses("cat,dog"));
        assertEquals(Task.BINARY, two.task());
        assertArrayEquals(new double[] {-1, 1}, two.y());
        Dataset twoAsClasses = read(csv, ReadOptions.defaults().withClasses("cat,dog").withTask(Task.MULTICLASS));
        assertEquals(Task.MULTICLASS, twoAsClasses.task());
        assertArrayEquals(new double[] {0, 1}, twoAsClasses.y());
    }

    @Test
    void oneClassIsOneClearError() throws IOException {
        DataException e = fails("a,y\n1,cat\n2,cat\n", ReadOptions.defaults());
        assertTrue(e.getMessage().contains("only one class 'cat'"), e.getMessage());
        e = fails("a,y\n1,cat\n2,cat\n", ReadOptions.defaults().withTask(Task.MULTICLASS));
        assertTrue(e.getMessage().contains("only one class 'cat'"), e.getMessage());
    }

    @Test
    void nonNumericOrNaNRegressionTargetsNameTheirLine() throws IOException {
        DataException text = fails("a,y\n1,0.5\n2,high\n3,0.25\n", ReadOptions.defaults().withTask(Task.REGRESSION));
        assertEquals(3, text.line());
        assertTrue(text.getMessage().contains("'high' is not a number"), text.getMessage());
        DataException nan = fails("a,y\n1,0.5\n2,1.5\n3,NaN\n4,2.25\n", ReadOptions.defaults());
        assertEquals(4, nan.line());
        assertTrue(nan.getMessage().contains("not finite"), nan.getMessage());
    }

    @Test
    void multiclassRefusesRealValuedLabelsAndPointsToRegression() throws IOException {
        ReadOptions multiclass = ReadOptions.defaults().withTask(Task.MULTICLASS);
        DataException e = fails("a,y\n1,2\n2,0.37\n3,1.25\n4,2\n", multiclass);
        assertEquals(3, e.line());
        assertEquals("'y'", e.column());
        assertTrue(e.getMessage().contains("label '0.37' is not a whole number"), e.getMessage());
        assertTrue(e.getMessage().contains("--task regression"), e.getMessage());
        Path svm = dir.resolve("r.svm");
        Files.writeString(svm, "0.5 1:2\n1.5 1:1\n2.5 1:3\n");
        DataException sparse = assertThrows(DataException.class, () -> LibsvmReader.read(svm, multiclass));
        assertTrue(sparse.getMessage().contains("line 1, column label: label '0.5' is not a whole number"),
                sparse.getMessage());
    }

    @Test
    void multiclassKeepsWholeNumberTextNamedAndDeclaredClasses() throws IOException {
        ReadOptions multiclass = ReadOptions.defaults().withTask(Task.MULTICLASS);
        assertEquals(List.of("0", "1", "9"), read("a,y\n1,9\n2,0\n3,1.0\n", multiclass).labelNames());
        assertEquals(List.of("0.5", "cat", "dog"), read("a,y\n1,cat\n2,0.5\n3,dog\n", multiclass).labelNames());
        assertEquals(List.of("0.5", "1.5", "2.5"),
                read("a,y\n1,0.5\n2,1.5\n3,2.5\n", multiclass.withClasses("0.5,1.5,2.5")).labelNames());
        Path arff = dir.resolve("n.arff");
        Files.writeString(arff, "@relation r\n@attribute a numeric\n@attribute y {0.5, 1.5, 2.5}\n@data\n"
                + "1,0.5\n2,1.5\n3,2.5\n");
        assertEquals(List.of("0.5", "1.5", "2.5"), ArffReader.read(arff, multiclass).labelNames());
    }

    @Test
    void regressionRefusesAClassChoice() throws IOException {
        DataException e = fails("a,y\n1,0.5\n2,1.5\n", ReadOptions.defaults().withTask(Task.REGRESSION).withClasses("0.5,1.5"));
        assertTrue(e.getMessage().contains("regression"), e.getMessage());
    }

    /** --task regression on labels of exactly -1 and +1 is a regression on those values, kept by splits and scaling. */
    @Test
    void regressionIsKeptForPlusMinusOneTargets() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 24; i++) {
            csv.append(i).append(',').append(i % 5).append(',').append(i % 2 == 0 ? "1" : "-1").append('\n');
        }
        Dataset ds = read(csv.toString(), ReadOptions.defaults().withTask(Task.REGRESSION));
        assertEquals(Task.REGRESSION, ds.task());
        assertEquals(1, ds.outputs());
        assertEquals(List.of(), ds.labelNames());
        assertArrayEquals(new double[] {1, -1, 1, -1}, java.util.Arrays.copyOf(ds.y(), 4));
        Splits.Split split = Splits.trainTest(ds, 0.25, 7);
        assertEquals(Task.REGRESSION, split.train().task());
        assertEquals(Task.REGRESSION, split.test().task());
        assertEquals(Task.REGRESSION, Standardizer.fit(split.train()).apply(split.train()).task());
        assertEquals(Task.REGRESSION, Splits.kFold(ds, 3, 7).get(0).train().task());
        assertEquals(Task.REGRESSION, ds.withShape(Shape.vector(2)).task());
        assertEquals(Task.BINARY, read(csv.toString(), ReadOptions.defaults()).task(), "inferred: binary as before");
        Path svm = dir.resolve("pm.svm");
        Files.writeString(svm, "1 1:2\n-1 1:1\n+1 1:3\n-1 1:0.5\n");
        Dataset sparse = LibsvmReader.read(svm, ReadOptions.defaults().withTask(Task.REGRESSION));
        assertEquals(Task.REGRESSION, sparse.task());
        assertArrayEquals(new double[] {1, -1, 1, -1}, sparse.y());
    }

    @Test
    void aNonFiniteFeatureOrTargetIsRefusedNamingItsDataSetRowAndFeature() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {-1, 1, -1};
        x[3] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("hand", x, y, 2, List.of("u", "v"), List.of()));
        assertEquals("data set 'hand': row 1 (0-based), feature 'v' is NaN; features must be finite", e.getMessage());
        x[3] = 4;
        y[2] = Double.NEGATIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> new Dataset("hand", x, y, 2, null, List.of()));
        assertEquals("data set 'hand': the target of row 2 (0-based) is -Infinity; targets must be finite",
                e.getMessage());
    }

    @Test
    void aTaskGivenThatTheTargetsDoNotFitSaysHowToCodeThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dataset("hand",
                new double[] {1, 2, 3}, new double[] {0, 1, 0}, 1, null, List.of(), null, Task.BINARY));
        assertEquals("data set 'hand': targets of a regression task cannot be read as a binary task; binary targets"
                + " are -1 and +1 (e.g. 0/1 labels as 2y - 1), with two label names or none, or class indices 0 and 1"
                + " with two label names", e.getMessage());
    }

    /** A library data set of two named classes as indices 0/1 is binary, as the same two-class file is. */
    @Test
    void twoNamedClassesAsIndicesAreBinaryAsATwoClassFileIs() throws IOException {
        Dataset file = read("a,y\n1,no\n2,yes\n3,no\n", ReadOptions.defaults());
        double[] indices = {0, 1, 0};
        Dataset hand = new Dataset("hand", new double[] {1, 2, 3}, indices, 1, List.of("a"), List.of("no", "yes"));
        assertEquals(Task.BINARY, Dataset.inferTask(indices, List.of("no", "yes")));
        assertEquals(Task.BINARY, hand.task());
        assertEquals(1, hand.outputs());
        assertEquals(file.task(), hand.task());
        assertEquals(file.labelNames(), hand.labelNames());
        assertArrayEquals(file.y(), hand.y(), "the first name is -1, the second +1");
        assertArrayEquals(new double[] {0, 1, 0}, indices, "the caller's array is not recoded in place");
        Dataset stated = new Dataset("hand", new double[] {1, 2, 3}, indices, 1, null, List.of("no", "yes"), null,
                Task.BINARY);
        assertArrayEquals(file.y(), stated.y());
        Dataset twoOutputs = new Dataset("hand", new double[] {1, 2, 3}, indices, 1, null, List.of("no", "yes"), null,
                Task.MULTICLASS);
        assertEquals(Task.MULTICLASS, twoOutputs.task(), "asked for, as --task multiclass is");
        assertEquals(2, twoOutputs.outputs());
        assertArrayEquals(indices, twoOutputs.y());
        assertEquals(Task.MULTICLASS, new Dataset("abc", new double[] {1, 2}, new double[] {0, 1}, 1, null,
                List.of("a", "b", "c")).task(), "three names stay three classes");
    }
}
