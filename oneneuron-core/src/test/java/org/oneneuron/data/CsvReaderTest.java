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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private Dataset read(String content) throws IOException {
        return CsvReader.read(write("t.csv", content), ReadOptions.defaults());
    }

    private DataException fails(String content, ReadOptions options) throws IOException {
        Path p = write("bad.csv", content);
        return assertThrows(DataException.class, () -> CsvReader.read(p, options));
    }

    @Test
    void readsHeaderCommaAndZeroOneLabels() throws IOException {
        Dataset ds = read("a,b,label\n1,2,0\n3,4.5,1\n\n-5e-1,6,1\n");
        assertEquals(3, ds.n());
        assertEquals(2, ds.d());
        assertEquals(List.of("a", "b"), ds.featureNames());
        assertArrayEquals(new double[] {1, 2, 3, 4.5, -0.5, 6}, ds.x());
        assertArrayEquals(new double[] {-1, 1, 1}, ds.y());
        assertEquals(List.of("0", "1"), ds.labelNames());
        assertEquals("t.csv", ds.name());
    }

    @ParameterizedTest(name = "delimiter {0}")
    @CsvSource(delimiter = '|', value = {"';'|1;2;-1", "'\t'|1\t2\t-1", "' '|1   2  -1", "','|1 , 2 , -1"})
    void detectsDelimiters(String delimiter, String firstRow) throws IOException {
        String second = firstRow.replace("1", "7").replace("-7", "1");
        Dataset ds = read(firstRow + "\n" + second + "\n");
        assertEquals(2, ds.d(), "delimiter '" + delimiter + "'");
        assertArrayEquals(new double[] {1, 2, 7, 2}, ds.x());
        assertArrayEquals(new double[] {-1, 1}, ds.y());
        assertEquals(List.of("x1", "x2"), ds.featureNames());
    }

    @Test
    void quotedFieldsMayHoldTheDelimiterAndQuotes() throws IOException {
        Dataset ds = read("\"size, cm\",\"label \"\"kind\"\"\"\n\"1.5\",\"yes, sure\"\n2,no\n");
        assertEquals(List.of("size, cm"), ds.featureNames());
        assertEquals(List.of("no", "yes, sure"), ds.labelNames());
        assertArrayEquals(new double[] {1, -1}, ds.y());
    }

    @Test
    void stringLabelsSecondInSortedOrderIsPositive() throws IOException {
        Dataset ds = read("id_x,diagnosis\n1,M\n2,B\n3,M\n");
        assertEquals(List.of("B", "M"), ds.labelNames());
        assertArrayEquals(new double[] {1, -1, 1}, ds.y());
    }

    @Test
    void numericLabelOneIsPositiveAndEquivalentSpellingsAreOneClass() throws IOException {
        Dataset ds = read("1,+1.0\n2,-1\n3,1\n");
        assertArrayEquals(new double[] {1, -1, 1}, ds.y());
        Dataset other = read("1,2\n2,4\n");
        assertArrayEquals(new double[] {-1, 1}, other.y(), "without 1, the larger number is positive");
    }

    @Test
    void labelColumnByNameOrIndexAndPositiveOption() throws IOException {
        Path p = write("l.csv", "kind,a,b\nx,1,2\ny,3,4\n");
        Dataset byName = CsvReader.read(p, ReadOptions.defaults().withLabelColumn("kind").withPositive("x"));
        assertEquals(List.of("a", "b"), byName.featureNames());
        assertArrayEquals(new double[] {1, -1}, byName.y());
        assertEquals(List.of("y", "x"), byName.labelNames());
        Dataset byIndex = CsvReader.read(p, ReadOptions.defaults().withLabelColumn("1"));
        assertArrayEquals(new double[] {-1, 1}, byIndex.y());
        Path numericNames = write("n.csv", "10,20,y\n1,2,yes\n3,4,no\n");
        Dataset named = CsvReader.read(numericNames, ReadOptions.defaults().withLabelColumn("y"));
        assertEquals(List.of("10", "20"), named.featureNames(), "a first row naming the label column is a header");
        assertEquals(2, named.n());
    }

    @Test
    void classesOptionPicksTwoOfManyAndDropsTheRest() throws IOException {
        Path p = write("m.csv", "1,a\n2,b\n3,c\n4,a\n");
        Dataset ds = CsvReader.read(p, ReadOptions.defaults().withClasses("c,a"));
        assertArrayEquals(new double[] {1, 3, 4}, ds.x());
        assertArrayEquals(new double[] {1, -1, 1}, ds.y());
        assertEquals(List.of("c", "a"), ds.labelNames());
    }

    @Test
    void headerCanBeForcedAndLimitKeepsFirstRows() throws IOException {
        Path p = write("h.csv", "1,2,1\n3,4,-1\n5,6,1\n");
        Dataset ds = CsvReader.read(p, ReadOptions.defaults().withHeader(ReadOptions.Header.YES).withLimit(2));
        assertEquals(List.of("1", "2"), ds.featureNames());
        assertArrayEquals(new double[] {-1, 1}, ds.y());
        assertThrows(DataException.class, () -> CsvReader.read(p, ReadOptions.defaults().withLimit(1)),
                "limit 1 leaves one class");
        Dataset two = CsvReader.read(p, ReadOptions.defaults().withLimit(2).withDelimiter(','));
        assertEquals(2, two.n());
    }

    @Test
    void emptyFile() throws IOException {
        DataException e = fails("\n  \n", ReadOptions.defaults());
        assertTrue(e.getMessage().contains("empty file"), e.getMessage());
    }

    @Test
    void raggedRowNamesLineAndCounts() throws IOException {
        DataException e = fails("a,b,y\n1,2,1\n\n1,2,3,-1\n", ReadOptions.defaults());
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("4 fields, expected 3"), e.getMessage());
    }

    /** A spreadsheet's export: the header (and usually every row) ends in a comma. */
    @Test
    void trailingColumnsTheHeaderLeavesUnnamedAndEveryRowEmptyAreNotColumns() throws IOException {
        for (int threads : new int[] {1, 2}) {
            Path p = write("excel.csv", "a,b,y,\n1,2,0,\n3,4,1\n\n5,\"6\",1,\"\"\n");
            Dataset ds = CsvReader.read(p, ReadOptions.defaults().withThreads(threads));
            assertEquals(List.of("a", "b"), ds.featureNames(), "threads " + threads);
            assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, ds.x());
            assertArrayEquals(new double[] {-1, 1, 1}, ds.y());
            assertEquals(List.of("a", "b", "y"), CsvReader.columns(p, ReadOptions.defaults()));
        }
        Dataset two = read("a;b;y;;\n1;2;0;;\n3;4;1;;\n");
        assertEquals(List.of("a", "b"), two.featureNames(), "two unnamed trailing columns");
        Dataset unlabeled = CsvReader.readUnlabeled(write("rows.csv", "a,b,\n1,2,\n3,4\n"), ReadOptions.defaults());
        assertEquals(List.of("a", "b"), unlabeled.featureNames());
        assertArrayEquals(new double[] {1, 2, 3, 4}, unlabeled.x());
    }

    @Test
    void aValueUnderAnEmptyTrailingHeaderNameIsAnErrorNamingItsLineAndColumn() throws IOException {
        for (int threads : new int[] {1, 2}) {
            DataException e = fails("a,b,y,\n1,2,0,\n3,4,1,7\n", ReadOptions.defaults().withThreads(threads));
            assertEquals(3, e.line());
            assertEquals("4", e.column());
            assertEquals(dir.resolve("bad.csv") + ", line 3, column 4: value '7' in a column the header leaves without a name (the"
                    + " header ends in an empty field): a trailing column without a name must be empty on every row;"
                    + " name the column in the header, or remove the value", e.getMessage());
        }
        DataException unlabeled = assertThrows(DataException.class, () -> CsvReader.readUnlabeled(
                write("rows.csv", "a,b,\n1,2,x\n"), ReadOptions.defaults()));
        assertEquals(2, unlabeled.line());
        assertEquals("3", unlabeled.column());
        DataException ragged = fails("a,b,y,\n1,2\n", ReadOptions.defaults());
        assertTrue(ragged.getMessage().contains("line 2: ragged row: 2 fields, expected 4 as in the header"),
                ragged.getMessage());
    }

    @Test
    void withoutAHeaderAnEmptyLastCellIsStillAMissingLabel() throws IOException {
        DataException e = fails("1,2,0,\n3,4,1,\n", ReadOptions.defaults());
        assertEquals(1, e.line());
        assertEquals("4", e.column());
        assertTrue(e.getMessage().contains("missing label"), e.getMessage());
    }

    @Test
    void nonNumericCellNamesLineAndColumn() throws IOException {
        DataException e = fails("a,b,y\n1,2,1\n1,abc,-1\n", ReadOptions.defaults());
        assertEquals(3, e.line());
        assertEquals("'b'", e.column());
        assertTrue(e.source().endsWith("bad.csv"), e.source());
        assertTrue(e.getMessage().contains("line 3, column 'b': value 'abc' is not a number"), e.getMessage());
    }

    @Test
    void labelHoldingAnotherDelimiterIsAMixedRowNotAClass() throws IOException {
        DataException e = fails("a,b;y\n1,2;0\n3,4;1\n5,6;0\n", ReadOptions.defaults());
        assertEquals(2, e.line());
        assertEquals("'b;y'", e.column());
        assertTrue(e.source().endsWith("bad.csv"), e.source());
        assertTrue(e.getMessage().contains("label '2;0' holds ';' but ',' separates the columns: the row seems to"
                + " mix delimiters"), e.getMessage());
        // past the first lines (the fast path), on any thread count, with a tab or '|'
        StringBuilder rows = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 20; i++) {
            rows.append(i).append(",1,").append(i % 2 == 0 ? "M" : "B").append('\n');
        }
        DataException late = fails(rows + "7,8,M|1\n", ReadOptions.defaults().withThreads(2));
        assertEquals(22, late.line());
        assertTrue(late.getMessage().contains("label 'M|1' holds '|' but ','"), late.getMessage());
        DataException tab = fails("a;y\n1;cat\tdog\n2;dog\n", ReadOptions.defaults());
        assertTrue(tab.getMessage().contains("holds tab but ';' separates"), tab.getMessage());
    }

    @Test
    void featureHoldingAnotherDelimiterSaysTheRowMixesThem() throws IOException {
        DataException e = fails("a;b,y\n1;2,0\n3;4,1\n", ReadOptions.defaults());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("column 'a;b': value '1;2' is not a number; it holds ';' but ','"),
                e.getMessage());
    }

    @Test
    void textLabelsWithoutAStrayDelimiterOrQuotedOnesStayClasses() throws IOException {
        Dataset ds = read("a,y\n1,setosa\n2,\"virginica; wild\"\n3,versi-color\n4,setosa\n");
        assertEquals(List.of("setosa", "versi-color", "virginica; wild"), ds.labelNames());
        Dataset semicolons = read("a;b;y\n1;2;M\n3;4;B\n");
        assertEquals(List.of("B", "M"), semicolons.labelNames());
    }

    @ParameterizedTest
    @CsvSource({"NaN", "inf", "-Infinity"})
    void nonFiniteValuesAreRejected(String value) throws IOException {
        DataException e = fails("1,2,1\n1," + value + ",-1\n", ReadOptions.defaults());
        assertEquals(2, e.line());
        assertEquals("2", e.column());
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
        DataException overflow = fails("1,2,1\n1,1e999,-1\n", ReadOptions.defaults());
        assertTrue(overflow.getMessage().contains("overflows"), overflow.getMessage());
    }

    @Test
    void singleClass() throws IOException {
        DataException e = fails("a,y\n1,yes\n2,yes\n", ReadOptions.defaults());
        assertEquals("'y'", e.column());
        assertTrue(e.getMessage().contains("only one class 'yes'"), e.getMessage());
    }

    @Test
    void moreThanTwoClassesListsThemAndSaysHowToChoose() throws IOException {
        DataException e = fails("1,cat\n2,dog\n3,emu\n", ReadOptions.defaults().withTask(Task.BINARY));
        assertTrue(e.getMessage().contains("3 classes found ('cat', 'dog', 'emu')"), e.getMessage());
        assertTrue(e.getMessage().contains("--classes"), e.getMessage());
        assertTrue(e.getMessage().contains("--task multiclass"), e.getMessage());
        DataException positiveOnly = fails("1,cat\n2,dog\n3,emu\n", ReadOptions.defaults().withPositive("dog"));
        assertTrue(positiveOnly.getMessage().contains("3 classes"), positiveOnly.getMessage());
        DataException absent = fails("1,cat\n2,dog\n", ReadOptions.defaults().withPositive("emu"));
        assertTrue(absent.getMessage().contains("positive label 'emu' does not occur"), absent.getMessage());
    }

    @Test
    void missingLabelColumn() throws IOException {
        DataException byName = fails("a,b\n1,2\n", ReadOptions.defaults().withLabelColumn("target"));
        assertTrue(byName.getMessage().contains("label column not found; columns are: a, b"), byName.getMessage());
        DataException noHeader = fails("1,2\n3,4\n", ReadOptions.defaults().withLabelColumn("target"));
        assertTrue(noHeader.getMessage().contains("no header row"), noHeader.getMessage());
        DataException range = fails("1,2\n3,4\n", ReadOptions.defaults().withLabelColumn("9"));
        assertTrue(range.getMessage().contains("out of range"), range.getMessage());
        DataException twice = fails("a,y,y\n1,2,0\n3,4,1\n", ReadOptions.defaults().withLabelColumn("y"));
        assertTrue(twice.getMessage().contains("the header names 2 columns so (2 and 3); give the label column by"
                + " its 1-based index"), twice.getMessage());
    }

    @Test
    void quotingErrorsAndMissingValuesAreReported() throws IOException {
        DataException open = fails("1,2\n\"3,4\n", ReadOptions.defaults());
        assertEquals(2, open.line());
        assertTrue(open.getMessage().contains("unterminated quote"), open.getMessage());
        DataException missing = fails("1,2,1\n1,,0\n", ReadOptions.defaults());
        assertTrue(missing.getMessage().contains("line 2, column 2: missing value"), missing.getMessage());
        DataException onlyLabel = fails("y\n1\n0\n", ReadOptions.defaults().withHeader(ReadOptions.Header.YES));
        assertTrue(onlyLabel.getMessage().endsWith("no feature columns; only the label column 'y' was found"),
                onlyLabel.getMessage());
    }

    @Test
    void missingFileAndBadEncoding() throws IOException {
        DataException missing = assertThrows(DataException.class,
                () -> CsvReader.read(dir.resolve("nope.csv"), ReadOptions.defaults()));
        assertTrue(missing.getMessage().contains("file not found"), missing.getMessage());
        Path p = dir.resolve("latin1.csv");
        Files.write(p, new byte[] {'1', ',', '2', '\n', 'a', (byte) 0xE9, ',', '1', '\n'});
        DataException e = assertThrows(DataException.class, () -> CsvReader.read(p, ReadOptions.defaults()));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    /**
     * A missing or non-finite label is an error at its row (docs/DATA.md), never a class: in the
     * first rows (read while the header is detected), in later rows (the fast path), and on
     * parallel threads; whether the other labels make two classes or more.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "?|missing label '?'", "NA|missing label 'NA'", "na|missing label 'na'",
        "NaN|value 'NaN' is not finite", "-Inf|value '-Inf' is not finite",
        "Infinity|value 'Infinity' is not finite", "1e309|value '1e309' overflows a double"})
    void aMissingOrNonFiniteLabelIsAnErrorAtItsRow(String label, String expected) throws IOException {
        for (String classes : new String[] {"0,1,1,0,1,0,1,0", "1,1,1,1,1,1,1,1"}) {
            String[] ys = classes.split(",");
            for (int bad : new int[] {3, 7}) { // 0-based data row: line bad + 2
                StringBuilder csv = new StringBuilder("a,b,y\n");
                for (int i = 0; i < ys.length; i++) {
                    csv.append(i).append(',').append(2 * i).append(',').append(i == bad ? label : ys[i]).append('\n');
                }
                for (int threads : new int[] {1, 2}) {
                    DataException e = fails(csv.toString(), ReadOptions.defaults().withThreads(threads));
                    assertTrue(e.getMessage().contains("bad.csv, line " + (bad + 2) + ", column 'y': " + expected),
                            e.getMessage());
                }
            }
        }
        DataException regression = fails("a,y\n1,0.5\n2," + label + "\n3,2.5\n",
                ReadOptions.defaults().withTask(Task.REGRESSION));
        assertEquals(3, regression.line());
        assertTrue(regression.getMessage().contains(expected), regression.getMessage());
    }

    @Test
    void textLabelsThatOnlyLookLikeMissingMarkersStayClasses() throws IOException {
        Dataset ds = read("a,y\n1,cat\n2,dog\n3,cat\n");
        assertEquals(List.of("cat", "dog"), ds.labelNames());
        Dataset words = read("a,y\n1,nan-x\n2,Information\n3,NAB\n4,?x\n");
        assertEquals(List.of("?x", "Information", "NAB", "nan-x"), words.labelNames());
    }

    /** A missing-value marker in row 1 is no evidence of a header: the row is data, and an error. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"?|missing value '?'", "NA|missing value 'NA'",
        "NaN|value 'NaN' is not finite", "-inf|value '-inf' is not finite", "1e999|overflows a double"})
    void aMissingValueInTheFirstRowIsDataNotAHeader(String marker, String expected) throws IOException {
        DataException e = fails(marker + ",2,0\n1,2,1\n3,4,0\n5,6,1\n", ReadOptions.defaults());
        assertEquals(1, e.line(), e.getMessage());
        assertEquals("1", e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        DataException label = fails("1,2," + marker + "\n1,2,1\n3,4,0\n", ReadOptions.defaults());
        assertEquals(1, label.line(), label.getMessage());
        assertEquals("3", label.column(), label.getMessage());
        DataException empty = fails(",2,0\n1,2,1\n3,4,0\n", ReadOptions.defaults());
        assertEquals(1, empty.line(), empty.getMessage());
        assertTrue(empty.getMessage().contains("missing value (empty cell)"), empty.getMessage());
    }

    @Test
    void headersWithNamesBesideNumbersOrMarkersAreStillHeaders() throws IOException {
        assertEquals(List.of("a", "b"), read("a,b,label\n1,2,0\n3,4,1\n").featureNames());
        assertEquals(List.of("a", "1"), read("a,1,label\n1,2,0\n3,4,1\n").featureNames());
        assertEquals(List.of("x1", "a"), read(",a,label\n1,2,0\n3,4,1\n").featureNames(), "an unnamed index column");
        assertEquals(List.of("?", "b"), read("?,b,label\n1,2,0\n3,4,1\n").featureNames());
    }
}
