package org.oneneuron.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibsvmAndArffReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private DataException libsvmFails(String content, ReadOptions options) throws IOException {
        Path p = write("bad.svm", content);
        return assertThrows(DataException.class, () -> LibsvmReader.read(p, options));
    }

    private DataException arffFails(String content) throws IOException {
        Path p = write("bad.arff", content);
        return assertThrows(DataException.class, () -> ArffReader.read(p, ReadOptions.defaults()));
    }

    @Test
    void libsvmSparseRowsBecomeDense() throws IOException {
        Path p = write("a.libsvm", "# a comment line\n+1 qid:3 1:0.5 3:2 # trailing\n-1\n\n0 2:-1e1\n");
        Dataset ds = LibsvmReader.read(p, ReadOptions.defaults().withClasses("-1,0"));
        assertEquals(2, ds.n());
        assertEquals(List.of("f1", "f2", "f3"), ds.featureNames());
        assertArrayEquals(new double[] {0, 0, 0, 0, -10, 0}, ds.x());
        assertArrayEquals(new double[] {-1, 1}, ds.y());
        Dataset all = LibsvmReader.read(write("b.svm", "1 1:0.5 3:2\n-1 2:1\n"), ReadOptions.defaults().withDimension(5));
        assertEquals(5, all.d());
        assertArrayEquals(new double[] {0.5, 0, 2, 0, 0, 0, 1, 0, 0, 0}, all.x());
        assertArrayEquals(new double[] {1, -1}, all.y());
    }

    @Test
    void libsvmBadInputs() throws IOException {
        DataException order = libsvmFails("1 1:1 3:1\n-1 3:1 2:1\n", ReadOptions.defaults());
        assertEquals(2, order.line());
        assertEquals("2", order.column());
        assertTrue(order.getMessage().contains("strictly increasing"), order.getMessage());
        DataException zero = libsvmFails("1 0:1\n", ReadOptions.defaults());
        assertTrue(zero.getMessage().contains("1-based"), zero.getMessage());
        DataException pair = libsvmFails("1 1:1\n-1 2=5\n", ReadOptions.defaults());
        assertEquals(2, pair.line());
        assertTrue(pair.getMessage().contains("line 2: bad pair '2=5' (pair 1 after the label); expected INDEX:VALUE"),
                pair.getMessage());
        DataException noValue = libsvmFails("1 1:1 2:\n", ReadOptions.defaults());
        assertTrue(noValue.getMessage().contains("line 1: bad pair '2:' (pair 2 after the label)"), noValue.getMessage());
        DataException zeroLater = libsvmFails("1 1:1\n-1 2:1 0:2\n", ReadOptions.defaults());
        assertTrue(zeroLater.getMessage().contains("line 2: index 0 out of range (pair 2 after the label)"),
                zeroLater.getMessage());
        for (String big : List.of("99999999999", "2147483640", "99999999999999999999999")) {
            DataException tooLarge = libsvmFails("1 1:1\n-1 2:1 " + big + ":2\n", ReadOptions.defaults());
            assertTrue(tooLarge.getMessage().endsWith("line 2: index " + big + " is too large (pair 2 after the label);"
                    + " indices are at most 2147483639"), tooLarge.getMessage());
        }
        assertEquals(2, LibsvmReader.read(write("zeros.libsvm", "1 0000000000000000000001:1 0002:3\n-1 1:2\n"),
                ReadOptions.defaults()).d(), "leading zeros");
        DataException word = libsvmFails("1 x:1\n", ReadOptions.defaults());
        assertTrue(word.getMessage().contains("line 1: bad index 'x' (pair 1 after the label)"), word.getMessage());
        DataException nan = libsvmFails("1 1:1\n-1 1:nan\n", ReadOptions.defaults());
        assertTrue(nan.getMessage().contains("line 2, column 1: value 'nan' is not finite"), nan.getMessage());
        DataException noLabel = libsvmFails("1:1 2:3\n", ReadOptions.defaults());
        assertTrue(noLabel.getMessage().contains("expected a label"), noLabel.getMessage());
        DataException tooBig = libsvmFails("1 1:1 7:1\n-1 2:1\n", ReadOptions.defaults().withDimension(5));
        assertTrue(tooBig.getMessage().contains("exceeds the given dimension 5"), tooBig.getMessage());
        DataException empty = libsvmFails("# nothing\n\n", ReadOptions.defaults());
        assertTrue(empty.getMessage().contains("empty file"), empty.getMessage());
        DataException single = libsvmFails("1 1:1\n+1 1:2\n", ReadOptions.defaults());
        assertTrue(single.getMessage().contains("only one class '1'"), single.getMessage());
        DataException huge = libsvmFails("1 2000000000:1\n-1 1:1\n", ReadOptions.defaults());
        assertTrue(huge.getMessage().contains("values one dense data set can hold"), huge.getMessage());
    }

    @Test
    void arffDenseWithQuotedNamesCommentsAndNominalClass() throws IOException {
        Path p = write("d.arff", """
                % comment
                @RELATION 'toy data'
                @attribute 'petal width' numeric
                @Attribute len REAL
                @attribute class {'Iris-setosa', Iris-virginica, other}

                @DATA
                % rows
                1.5, 2, 'Iris-setosa'
                3,4,Iris-virginica
                5,6,other
                """);
        Dataset ds = ArffReader.read(p, ReadOptions.defaults().withClasses("Iris-setosa", "Iris-virginica"));
        assertEquals(List.of("petal width", "len"), ds.featureNames());
        assertArrayEquals(new double[] {1.5, 2, 3, 4}, ds.x());
        assertArrayEquals(new double[] {-1, 1}, ds.y());
        assertEquals(List.of("Iris-setosa", "Iris-virginica"), ds.labelNames());
    }

    @Test
    void arffSparseRowsAndClassByName() throws IOException {
        Path p = write("s.arff", """
                @relation s
                @attribute y {no, yes}
                @attribute a numeric
                @attribute b numeric
                @data
                {0 yes, 2 7}
                {1 3}
                """);
        Dataset ds = ArffReader.read(p, ReadOptions.defaults().withLabelColumn("y"));
        assertArrayEquals(new double[] {0, 7, 3, 0}, ds.x());
        assertArrayEquals(new double[] {1, -1}, ds.y(), "an omitted nominal value is the first declared");
    }

    @Test
    void arffBadInputs() throws IOException {
        String head = "@relation r\n@attribute a numeric\n@attribute c {p, q}\n@data\n";
        DataException ragged = arffFails(head + "1,p\n2,3,q\n");
        assertEquals(6, ragged.line());
        assertTrue(ragged.getMessage().contains("ragged row: 3 values, expected 2"), ragged.getMessage());
        DataException undeclared = arffFails(head + "1,p\n2,z\n");
        assertEquals(6, undeclared.line());
        assertEquals("'c'", undeclared.column());
        assertTrue(undeclared.getMessage().contains("not one of the declared [p, q]"), undeclared.getMessage());
        DataException missing = arffFails(head + "?,p\n2,q\n");
        assertTrue(missing.getMessage().contains("line 5, column 'a': missing value '?'"), missing.getMessage());
        DataException string = arffFails("@relation r\n@attribute s string\n@attribute c {p,q}\n@data\n");
        assertTrue(string.getMessage().contains("type 'string' is not supported"), string.getMessage());
        DataException nominalFeature = arffFails("@relation r\n@attribute f {u,v}\n@attribute c {p,q}\n@data\nu,p\n");
        assertTrue(nominalFeature.getMessage().contains("only the class attribute may be nominal"),
                nominalFeature.getMessage());
        DataException classFirst = arffFails("@relation r\n@attribute kind {u,v}\n@attribute a numeric\n"
                + "@attribute b numeric\n@data\nu,1,2\n");
        assertTrue(classFirst.getMessage().endsWith("column 'kind': attribute is nominal; only the class attribute may"
                + " be nominal, and the class attribute is the last one ('b') unless --label names another: if 'kind'"
                + " is the class, pass --label kind; else convert it to numbers"), classFirst.getMessage());
        Path chosen = dir.resolve("chosen.arff");
        Files.writeString(chosen, "@relation r\n@attribute kind {u,v}\n@attribute 'my kind' {u,v}\n"
                + "@attribute b numeric\n@data\nu,u,2\n");
        DataException withLabel = assertThrows(DataException.class,
                () -> ArffReader.read(chosen, ReadOptions.defaults().withLabelColumn("kind")));
        assertTrue(withLabel.getMessage().endsWith("column 'my kind': attribute is nominal; only the class attribute"
                + " may be nominal (convert it to numbers)"), withLabel.getMessage());
        DataException quoted = assertThrows(DataException.class, () -> ArffReader.read(chosen, ReadOptions.defaults()));
        assertTrue(quoted.getMessage().contains("if 'kind' is the class, pass --label kind;"), quoted.getMessage());
        DataException noData = arffFails("@relation r\n@attribute a numeric\n");
        assertTrue(noData.getMessage().contains("no @data"), noData.getMessage());
        DataException empty = arffFails("");
        assertTrue(empty.getMessage().contains("empty file"), empty.getMessage());
        DataException single = arffFails(head + "1,p\n2,p\n");
        assertTrue(single.getMessage().contains("only one class 'p'"), single.getMessage());
        DataException junk = arffFails("@relation r\nhello\n");
        assertEquals(2, junk.line());
    }

    @Test
    void missingOrNonFiniteLabelsAreErrorsAtTheirLine() throws IOException {
        DataException missing = libsvmFails("1 1:2\n? 1:3 2:4\n-1 1:1\n", ReadOptions.defaults());
        assertTrue(missing.getMessage().contains("bad.svm, line 2, column label: missing label '?'"), missing.getMessage());
        DataException na = libsvmFails("1 1:2\n-1 1:1\nNA 1:3\n", ReadOptions.defaults());
        assertEquals(3, na.line());
        assertTrue(na.getMessage().contains("missing label 'NA'"), na.getMessage());
        DataException overflow = libsvmFails("1 1:2\n1e999 1:3 2:4\n-1 1:1\n", ReadOptions.defaults());
        assertEquals(2, overflow.line());
        assertTrue(overflow.getMessage().contains("value '1e999' overflows a double"), overflow.getMessage());
        DataException nan = libsvmFails("1 1:2\n-1 1:1\nnan 1:3\n", ReadOptions.defaults().withTask(Task.REGRESSION));
        assertEquals(3, nan.line());
        assertTrue(nan.getMessage().contains("value 'nan' is not finite"), nan.getMessage());
        String numericClass = "@relation r\n@attribute a numeric\n@attribute y numeric\n@data\n1,0.5\n2,Inf\n3,1.5\n";
        DataException arff = arffFails(numericClass);
        assertTrue(arff.getMessage().contains("line 6, column 'y': value 'Inf' is not finite"), arff.getMessage());
    }

    @Test
    void arffNumericClassHoldsNumbersNotClassNames() throws IOException {
        DataException text = arffFails("@relation r\n@attribute a numeric\n@attribute class numeric\n@data\n"
                + "1,0\n2,abc\n3,1\n");
        assertEquals(6, text.line());
        assertEquals("'class'", text.column());
        assertTrue(text.getMessage().contains("bad.arff, line 6, column 'class': value 'abc' is not a number"),
                text.getMessage());
        DataException sparse = arffFails("@relation r\n@attribute class numeric\n@attribute a numeric\n@data\n"
                + "{0 1, 1 2}\n{0 yes}\n{1 3}\n");
        assertEquals(6, sparse.line());
        assertTrue(sparse.getMessage().contains("value 'yes' is not a number"), sparse.getMessage());
    }
}
