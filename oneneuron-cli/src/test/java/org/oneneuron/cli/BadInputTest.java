package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad input: one clear line naming file, line and column (or option), exit code 2. */
class BadInputTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("empty.csv", "", "empty.csv: empty file"),
                Arguments.of("ragged.csv", "a,b,label\n1,2,x\n3,4,y\n5,6\n", "ragged.csv, line 4: ragged row"),
                Arguments.of("text.csv", "a,b,label\n1,2,x\n3,zz,y\n",
                        "text.csv, line 3, column 'b': value 'zz' is not a number"),
                Arguments.of("nan.csv", "a,b,label\n1,2,x\n3,NaN,y\n", "nan.csv, line 3, column 'b': value 'NaN'"),
                Arguments.of("inf.csv", "a,b,label\n1,Inf,x\n3,4,y\n", "inf.csv, line 2, column 'b'"),
                Arguments.of("one.csv", "a,b,label\n1,2,x\n3,4,x\n", "only one class 'x'"),
                Arguments.of("mixed.csv", "a,b;y\n1,2;0\n3,4;1\n5,6;0\n",
                        "mixed.csv, line 2, column 'b;y': label '2;0' holds ';' but ',' separates the columns"),
                Arguments.of("nantarget.csv", "a,b,y\n1,2,0.5\n3,4,1.5\n5,6,NaN\n",
                        "nantarget.csv, line 4, column 'y': value 'NaN' is not finite"),
                Arguments.of("l8.csv", "a,b,y\n1,2,0\n3,4,1\n5,6,?\n7,8,1\n", "l8.csv, line 4, column 'y': missing label '?'"),
                Arguments.of("l21.csv", "a,b,y\n1,2,1\n3,4,NA\n5,6,1\n7,8,1\n",
                        "l21.csv, line 3, column 'y': missing label 'NA'"),
                Arguments.of("huge.csv", "a,b,y\n1,2,0\n3,4,1e309\n5,6,1\n",
                        "huge.csv, line 3, column 'y': value '1e309' overflows a double"),
                Arguments.of("h1.csv", "?,2,0\n1,2,1\n3,4,0\n5,6,1\n", "h1.csv, line 1, column 1: missing value '?'"),
                Arguments.of("l3.libsvm", "1 1:2\n-1 1:1\n? 1:3 2:4\n", "l3.libsvm, line 3, column label: missing label '?'"),
                Arguments.of("textclass.arff", "@relation r\n@attribute a numeric\n@attribute class numeric\n@data\n"
                        + "1,0\n2,abc\n3,1\n", "textclass.arff, line 6, column 'class': value 'abc' is not a number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badDataFileIsOneLineAndExitTwo(String name, String content, String expected) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Cli r = Cli.run("train", file.toString(), "--steps", "2");
        assertBadInput(r, expected);
        assertTrue(r.err().contains(name), r.err());
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(new String[] {"--lr", "-1"}, "--lr (learning_rate) must be positive"),
                Arguments.of(new String[] {"--steps", "0"}, "--steps must be >= 1, got 0"),
                Arguments.of(new String[] {"--scaffold-rounds", "0"}, "error: --scaffold-rounds must be >= 1, got 0"),
                Arguments.of(new String[] {"--scaffold-share", "2"}, "error: --scaffold-share must be in (0, 1], got 2.0"),
                Arguments.of(new String[] {"--scaffold-growth", "1"}, "error: --scaffold-growth must be > 1, got 1.0"),
                Arguments.of(new String[] {"--scaffold-tolerance", "0"},
                        "error: --scaffold-tolerance must be positive and finite, got 0.0"),
                Arguments.of(new String[] {"--activation", "swish"}, "unknown activation 'swish'"),
                Arguments.of(new String[] {"--neuron", "cosine"}, "unknown neuron kind 'cosine'"),
                Arguments.of(new String[] {"--loss", "hinge"}, "unknown loss 'hinge'"),
                Arguments.of(new String[] {"--optimizer", "rmsprop"}, "unknown optimizer 'rmsprop'"),
                Arguments.of(new String[] {"--lambda", "0"}, "pass --allow-zero-lambda"),
                Arguments.of(new String[] {"--lambda", "-1"}, "--lambda must be a finite number >= 0"),
                Arguments.of(new String[] {"--momentum", "2"}, "--momentum must be in [0, 1), got 2.0"),
                Arguments.of(new String[] {"--optimizer", "adam", "--momentum", "-0.5"},
                        "--momentum must be in [0, 1), got -0.5"),
                Arguments.of(new String[] {"--dtype", "float16"}, "--dtype must be float64 or float32, got 'float16'"),
                Arguments.of(new String[] {"--held-out", "1.5"}, "--held-out must be in [0, 1)"),
                Arguments.of(new String[] {"--class-weight", "heavy"}, "--class-weight must be none or balanced"),
                Arguments.of(new String[] {"--hidden", "4,x"}, "--hidden"),
                Arguments.of(new String[] {"--resume"}, "--checkpoint-every and --resume need --out"),
                Arguments.of(new String[] {"--classes", "4,9", "--positive", "9"}, "give one of them"),
                Arguments.of(new String[] {"--arch", ""}, "--arch is empty; give the layers"),
                Arguments.of(new String[] {"--input-shape", " "}, "--input-shape is empty"),
                Arguments.of(new String[] {"--label", "y"},
                        "--label is for data files; the built-in data set 'xor' has its own labels (-1, 1)"),
                Arguments.of(new String[] {"--positive", "-1"}, "--positive is for data files"),
                Arguments.of(new String[] {"--classes", "-1,+1"}, "--classes is for data files"),
                Arguments.of(new String[] {"--task", "regression"},
                        "--task regression does not fit the built-in data set 'xor', a binary task"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badOptions")
    void impossibleOptionsAreUsageErrors(String[] options, String expected) {
        Cli r = Cli.run(TrainCommandTest.concat(new String[] {"train", "xor:n=20"}, options));
        assertBadInput(r, expected);
    }

    @Test
    void missingLabelColumnNamesTheColumns() throws Exception {
        Path file = dir.resolve("labels.csv");
        Files.writeString(file, "a,b,label\n1,2,x\n3,4,y\n");
        assertBadInput(Cli.run("train", file.toString(), "--label", "nope"),
                "labels.csv, column 'nope': label column not found; columns are: a, b, label");
    }

    @Test
    void multiclassOnRealValuedLabelsPointsToRegression() throws Exception {
        Path file = dir.resolve("real.csv");
        Files.writeString(file, "a,b,y\n1,2,0.37\n3,4,1.25\n5,6,2.5\n7,8,0.37\n");
        assertBadInput(Cli.run("train", file.toString(), "--task", "multiclass", "--steps", "2"),
                "real.csv, line 2, column 'y': label '0.37' is not a whole number");
        assertEquals(0, Cli.run("train", file.toString(), "--task", "regression", "--steps", "2").exitCode());
    }

    @Test
    void classWeightsOnARegressionNameTheOption() throws Exception {
        Path file = dir.resolve("values.csv");
        Files.writeString(file, "a,b,y\n1,2,0.37\n3,4,1.25\n5,6,2.5\n7,8,0.5\n");
        assertBadInput(Cli.run("train", file.toString(), "--class-weight", "balanced", "--steps", "2"),
                "error: --class-weight balanced weighs classes; values.csv is a regression (real-valued targets),"
                        + " which has none");
    }

    @Test
    void badClassAndLabelChoicesNameTheirOption() throws Exception {
        Path file = dir.resolve("pets.csv");
        Files.writeString(file, "a,y\n1,cat\n2,dog\n3,cat\n4,dog\n");
        assertBadInput(Cli.run("train", file.toString(), "--classes", "cat,cat", "--steps", "2"),
                "error: --classes: class 'cat' is given twice in 'cat,cat'");
        assertBadInput(Cli.run("train", file.toString(), "--classes", "cat,dog,cat", "--steps", "2"),
                "error: --classes: class 'cat' is given twice");
        assertBadInput(Cli.run("train", file.toString(), "--classes", "cat", "--steps", "2"),
                "error: --classes: expected two labels NEGATIVE,POSITIVE (e.g. 4,9) or three or more");
        assertBadInput(Cli.run("train", file.toString(), "--positive", " ", "--steps", "2"),
                "error: --positive: positive label must not be blank");
        assertBadInput(Cli.run("train", file.toString(), "--label", "", "--steps", "2"),
                "error: --label must not be blank");
        Path only = dir.resolve("only.csv");
        Files.writeString(only, "y\n1\n0\n");
        assertBadInput(Cli.run("train", only.toString(), "--steps", "2"),
                "only.csv: no feature columns; only the label column 'y' was found");
        Path pair = dir.resolve("pair.libsvm");
        Files.writeString(pair, "1 1:2\n-1 1:1 0:3\n");
        assertBadInput(Cli.run("train", pair.toString(), "--steps", "2"),
                "pair.libsvm, line 2: index 0 out of range (pair 2 after the label)");
    }

    @Test
    void aModelCommandRefusesFileFlagsForABuiltInDataSet() {
        Path model = dir.resolve("builtin-flags.json");
        assertEquals(0, Cli.run("train", "xor:n=20", "--steps", "2", "--out", model.toString()).exitCode());
        assertBadInput(Cli.run("evaluate", model.toString(), "xor:n=20", "--positive", "-1"),
                "--positive is for data files");
        assertEquals(0, Cli.run("evaluate", model.toString(), "xor:n=20", "--task", "binary").exitCode());
    }

    @Test
    void aFiguresFolderThatCannotBeCreatedIsRefusedBeforeTraining() throws Exception {
        Path file = dir.resolve("afile");
        Files.writeString(file, "not a folder");
        Path model = dir.resolve("never.json");
        assertBadInput(Cli.run("train", "xor:n=20", "--steps", "2", "--figures", file.resolve("sub").toString(),
                "--out", model.toString()), "cannot be created: afile on its path is a file");
        assertFalse(Files.exists(model), "nothing is trained or written");
    }

    @Test
    void aLabelColumnIsRefusedForFilesThatHaveNone() throws Exception {
        Path libsvm = dir.resolve("rows.libsvm");
        Files.writeString(libsvm, "+1 1:1 2:2\n-1 1:2 2:1\n+1 1:3 2:1\n-1 1:1 2:3\n");
        assertBadInput(Cli.run("train", libsvm.toString(), "--label", "2", "--steps", "2"),
                "--label is for CSV and ARFF files; " + libsvm + " is IDX");
        assertEquals(ExitCodes.OK, Cli.run("train", libsvm.toString(), "--steps", "2", "-q").exitCode());
    }

    @Test
    void unknownDataSetOrFile() {
        assertBadInput(Cli.run("train", "no-such-file.csv"), "no-such-file.csv: no such file");
    }

    static void assertBadInput(Cli r, String expected) {
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: "), r.toString());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in\n" + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug:\n" + r.err());
        assertEquals("", r.out(), "nothing on stdout");
    }
}
