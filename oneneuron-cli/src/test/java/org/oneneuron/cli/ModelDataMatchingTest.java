package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * predict, evaluate and certify read data for a model by the model's feature names and classes:
 * columns by header name, classes as the model's, every row scored.
 */
class ModelDataMatchingTest {

    static final String TRAIN = "a,b,c,y\n1,2,3,0\n3,4,1,1\n5,6,2,0\n7,8,9,1\n2,1,5,1\n";
    /** TRAIN with the feature columns in another order. */
    static final String REORDERED = "c,a,b,y\n3,1,2,0\n1,3,4,1\n2,5,6,0\n9,7,8,1\n5,2,1,1\n";

    @TempDir
    static Path dir;

    static Path binary;
    static Path animals;
    static Path colours;

    @BeforeAll
    static void trainModels() throws IOException {
        binary = train("m", TRAIN);
        animals = train("cd", "a,b,y\n1,2,cat\n3,4,dog\n5,6,cat\n7,8,dog\n1,1,cat\n", "--positive", "cat");
        colours = train("mc", "a,b,y\n1,2,r\n3,4,g\n5,6,b\n7,8,r\n1,1,g\n2,2,b\n");
    }

    @Test
    void columnsInAnotherOrderAreReadInTheModelsOrder() throws IOException {
        Cli original = ok("predict", binary.toString(), file("tr.csv", TRAIN));
        Cli reordered = ok("predict", binary.toString(), file("reord.csv", REORDERED));
        assertEquals(original.out(), reordered.out());
        JsonNode a = json(ok("evaluate", binary.toString(), file("tr.csv", TRAIN), "--json"));
        JsonNode b = json(ok("evaluate", binary.toString(), file("reord.csv", REORDERED), "--json"));
        assertEquals(a.get("loss_total"), b.get("loss_total"));
        assertEquals(a.get("confusion"), b.get("confusion"));
    }

    @Test
    void certifyReadsColumnsInTheModelsOrder() throws IOException {
        Cli original = ok("certify", "--model", binary.toString(), "--data", file("tr.csv", TRAIN), "--json");
        Cli reordered = ok("certify", "--model", binary.toString(), "--data", file("reord.csv", REORDERED), "--json");
        assertEquals(json(original).get("loss_total"), json(reordered).get("loss_total"));
        assertEquals(json(original).get("grad_norm"), json(reordered).get("grad_norm"));
    }

    @Test
    void columnsOtherThanTheModelsAreNamed() throws IOException {
        BadInputTest.assertBadInput(Cli.run("evaluate", binary.toString(),
                file("other.csv", "a,b,d,y\n1,2,3,0\n3,4,1,1\n")), "other.csv: the model expects 3 features per"
                + " sample ('a', 'b', 'c'); the file has the columns 'a', 'b', 'd', 'y', with 'y' read as the label"
                + " (the last column unless --label names another): missing 'c'; unexpected 'd'");
    }

    /** A file for another model: its columns are named before a value or a label this model cannot read. */
    @Test
    void theFeatureColumnsAreCheckedBeforeAnyValueOrLabel() throws IOException {
        Path houses = train("houses", "size,rooms,age,price\n50,2,10,100\n80,3,5,170\n120,4,30,200\n60,2,1,130\n",
                "--task", "regression");
        String iris = file("iris3.csv", "a,b,species\n1,2,setosa\n3,4,versicolor\n5,6,virginica\n");
        String expected = "iris3.csv: the model expects 3 features per sample ('size', 'rooms', 'age'); the file"
                + " has the columns 'a', 'b', 'species', with 'species' read as the label (the last column unless"
                + " --label names another): no feature column in common";
        BadInputTest.assertBadInput(Cli.run("evaluate", houses.toString(), iris), expected);
        BadInputTest.assertBadInput(Cli.run("predict", houses.toString(), iris), expected);
        BadInputTest.assertBadInput(Cli.run("certify", "--model", houses.toString(), "--data", iris), expected);
        BadInputTest.assertBadInput(Cli.run("evaluate", binary.toString(),
                file("abq.csv", "a,b,q,y\n1,2,3,setosa\n")), "missing 'c'; unexpected 'q'");
        BadInputTest.assertBadInput(Cli.run("predict", colours.toString(), iris, "--no-label"), "iris3.csv: the"
                + " model expects 2 features per sample ('a', 'b'); the file has the columns 'a', 'b', 'species',"
                + " all read as features (no label column): unexpected 'species'");
        BadInputTest.assertBadInput(Cli.run("predict", houses.toString(), file("noh2.csv", "0.5,x\n0.25,y\n")),
                "noh2.csv: the model expects 3 features per sample ('size', 'rooms', 'age'); the file has 2 columns"
                + " and no header, read as 1 feature and the label in column 2 (the last column unless --label"
                + " names another)");
        BadInputTest.assertBadInput(Cli.run("evaluate", houses.toString(), file("houses.arff", "@relation r\n"
                + "@attribute a numeric\n@attribute species {setosa,virginica}\n@data\n1,setosa\n")),
                "houses.arff: the model expects 3 features per sample ('size', 'rooms', 'age'); the file has the"
                + " columns 'a', 'species', with 'species' read as the label");
    }

    @Test
    void aLabeledFileWithTheModelsColumnCountIsNotTakenForUnlabeled() throws IOException {
        BadInputTest.assertBadInput(Cli.run("predict", binary.toString(),
                file("miss2.csv", "a,b,y\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n")), "missing 'c'");
    }

    @Test
    void aHeaderOfTheModelsFeaturesIsUnlabeledInAnyOrder() throws IOException {
        Cli labeled = ok("predict", binary.toString(), file("tr.csv", TRAIN));
        Cli unlabeled = ok("predict", binary.toString(), file("unl.csv", "c,a,b\n3,1,2\n1,3,4\n2,5,6\n9,7,8\n5,2,1\n"));
        assertEquals(labeled.out(), unlabeled.out());
    }

    @Test
    void filesWithoutAHeaderMatchByPosition() throws IOException {
        Cli named = ok("predict", binary.toString(), file("tr.csv", TRAIN));
        Cli headerless = ok("predict", binary.toString(), file("nh.csv", TRAIN.substring(TRAIN.indexOf('\n') + 1)));
        assertEquals(named.out(), headerless.out());
    }

    /** x1, x2 in a real header are names like any other: another order is read in the model's order. */
    @Test
    void aHeaderOfReaderLikeNamesInAnotherOrderIsReadByName() throws IOException {
        Path model = train("xs", "x1,x2,y\n1,20,0\n3,40,1\n2,10,0\n5,50,1\n");
        Cli original = ok("predict", model.toString(), file("xs.csv", "x1,x2,y\n1,20,0\n3,40,1\n"));
        assertEquals(original.out(), ok("predict", model.toString(), file("xs-swapped.csv",
                "x2,x1,y\n20,1,0\n40,3,1\n")).out());
        assertEquals(original.out(), ok("predict", model.toString(), file("xs-unlabeled.csv",
                "x2,x1\n20,1\n40,3\n")).out());
        Path swapped = train("sx", "x2,x1,y\n20,1,0\n40,3,1\n10,2,0\n50,5,1\n");
        assertEquals(ok("predict", swapped.toString(), file("sx.csv", "x2,x1,y\n20,1,0\n40,3,1\n")).out(),
                ok("predict", swapped.toString(), file("sx-in-order.csv", "x1,x2,y\n1,20,0\n3,40,1\n")).out());
        assertEquals(ok("predict", swapped.toString(), file("sx.csv", "x2,x1,y\n20,1,0\n40,3,1\n")).out(),
                ok("predict", swapped.toString(), file("sx-headerless.csv", "20,1,0\n40,3,1\n")).out());
    }

    /** A model trained on a header that names a column twice scores that file, and only that order. */
    @Test
    void aColumnNamedTwiceMatchesInTheSameOrder() throws IOException {
        Path model = train("dup", "a,a,y\n1,20,0\n3,40,1\n2,10,0\n5,50,1\n");
        ok("predict", model.toString(), file("dup.csv", "a,a,y\n1,20,0\n3,40,1\n"));
        ok("evaluate", model.toString(), file("dup.csv", "a,a,y\n1,20,0\n3,40,1\n"));
        assertEquals(ok("predict", model.toString(), file("dup.csv", "a,a,y\n1,20,0\n3,40,1\n")).out(),
                ok("predict", model.toString(), file("dup-unlabeled.csv", "a,a\n1,20\n3,40\n")).out());
        BadInputTest.assertBadInput(Cli.run("predict", model.toString(), file("dup-b.csv",
                "a,b,y\n1,20,0\n")), "unexpected 'b'");
    }

    @Test
    void aPositiveClassThatContradictsTheModelIsRefused() throws IOException {
        String data = file("cd.csv", "a,b,y\n1,2,cat\n3,4,dog\n5,6,cat\n7,8,dog\n1,1,cat\n");
        BadInputTest.assertBadInput(Cli.run("evaluate", animals.toString(), data, "--positive", "dog"),
                "--positive dog contradicts the model, whose +1 class is cat");
        BadInputTest.assertBadInput(Cli.run("predict", animals.toString(), data, "--classes", "cat,dog"),
                "--classes cat,dog contradicts the model, whose -1 class is dog and +1 class cat");
        assertEquals(json(ok("evaluate", animals.toString(), data, "--json")).get("accuracy"),
                json(ok("evaluate", animals.toString(), data, "--positive", "cat", "--json")).get("accuracy"));
        ok("evaluate", animals.toString(), data, "--classes", "dog,cat");
    }

    @Test
    void classesInAnotherOrderThanAMultiClassModelsAreRefused() throws IOException {
        String data = file("mc.csv", "a,b,y\n1,2,r\n3,4,g\n5,6,b\n");
        BadInputTest.assertBadInput(Cli.run("evaluate", colours.toString(), data, "--classes", "r,g,b"),
                "--classes r,g,b contradicts the model, whose classes are b, g, r");
        ok("evaluate", colours.toString(), data, "--classes", "b,g,r");
    }

    @Test
    void predictScoresEveryRowWhateverItsLabel() throws IOException {
        List<String> two = ok("predict", binary.toString(), file("tr.csv", TRAIN)).out().lines().limit(3).toList();
        List<String> three = ok("predict", binary.toString(),
                file("three.csv", "a,b,c,y\n1,2,3,0\n3,4,1,1\n5,6,2,?\n7,8,9,\n")).out().lines().toList();
        assertEquals(5, three.size(), "a missing label is no reason to skip a row to score: " + three);
        assertEquals(two, three.subList(0, 3));
        List<String> colourRows = ok("predict", colours.toString(),
                file("mc3.csv", "b,a,y\n2,1,r\n4,3,q\n")).out().lines().toList();
        assertEquals(3, colourRows.size(), colourRows.toString());
    }

    @Test
    void evaluateTakesAFileWithSomeOfTheModelsClasses() throws IOException {
        JsonNode j = json(ok("evaluate", binary.toString(), file("onecls.csv", "a,b,c,y\n1,2,3,1\n3,4,1,1\n"), "--json"));
        assertEquals(2, j.get("n").asInt());
        assertTrue(j.get("roc_auc").isNull(), j.toString());
        JsonNode m = json(ok("evaluate", colours.toString(), file("rg.csv", "a,b,y\n1,2,r\n3,4,g\n"), "--json"));
        assertEquals(2, m.get("n").asInt());
    }

    @Test
    void aLibsvmFileThatNeverUsesTheLastFeaturesHasTheModelsFeatureCount() throws IOException {
        Path model = dir.resolve("sparse.json");
        Cli trained = Cli.run("train", file("sparse.libsvm", "+1 1:1 5:2\n-1 2:1 3:0.5\n+1 1:2 4:1\n-1 2:2 5:1\n"),
                "--steps", "5", "--neuron", "none", "--no-certificate", "-q", "--out", model.toString());
        assertEquals(ExitCodes.OK, trained.exitCode(), trained.toString());
        JsonNode j = json(ok("evaluate", model.toString(), file("short.libsvm", "+1 1:1 3:2\n-1 2:1\n"), "--json"));
        assertEquals(2, j.get("n").asInt(), j.toString());
    }

    @Test
    void theLabelColumnTheModelWasTrainedWithIsFoundAgain() throws IOException {
        String data = file("label-first.csv", "y,a,b\n0,1,2\n1,3,4\n0,5,6\n1,7,8\n1,2,1\n");
        Path model = dir.resolve("label-first.json");
        Cli trained = Cli.run("train", data, "--label", "y", "--steps", "5", "--neuron", "none", "--no-certificate",
                "-q", "--out", model.toString());
        assertEquals(ExitCodes.OK, trained.exitCode(), trained.toString());
        JsonNode j = json(ok("evaluate", model.toString(), data, "--json"));
        assertEquals(5, j.get("n").asInt(), j.toString());
        assertEquals(json(ok("evaluate", model.toString(), data, "--label", "y", "--json")).get("accuracy"),
                j.get("accuracy"));
    }

    @Test
    void aTaskThatDoesNotFitTheModelIsRefused() throws IOException {
        String data = file("tr-task.csv", TRAIN);
        BadInputTest.assertBadInput(Cli.run("evaluate", binary.toString(), data, "--task", "regression"),
                "--task regression does not fit the model, a binary model");
        BadInputTest.assertBadInput(Cli.run("predict", colours.toString(), data, "--task", "binary"),
                "--task binary does not fit the model, a multiclass model");
        ok("evaluate", binary.toString(), data, "--task", "binary");
    }

    @Test
    void evaluateNamesALabelThatIsNotOneOfTheModelsClasses() throws IOException {
        BadInputTest.assertBadInput(Cli.run("evaluate", binary.toString(),
                file("three.csv", "a,b,c,y\n1,2,3,0\n3,4,1,1\n5,6,2,2\n")),
                "three.csv, line 4, column 'y': label '2' is not one of the model's classes ('0', '1')");
    }

    /** Text output counts in the singular when the count is one: "1 error", not "1 errors". */
    @Test
    void aCountOfOneIsSingular() throws IOException {
        // the same features under both labels: whichever class the model says, exactly one is wrong
        String twice = file("twice.csv", "a,b,c,y\n1,2,3,0\n1,2,3,1\n");
        String binaryText = ok("evaluate", binary.toString(), twice).out();
        assertTrue(binaryText.contains("(2 samples, +1 = "), binaryText);
        assertTrue(binaryText.contains("(1 error; network alone"), binaryText);
        String classes = ok("evaluate", colours.toString(), file("rg2.csv", "a,b,y\n1,2,r\n1,2,g\n")).out();
        assertTrue(classes.contains("(1 error; network alone"), classes);
        String one = file("one.csv", "a,b,c,y\n1,2,3,0\n");
        String oneText = ok("evaluate", binary.toString(), one).out();
        assertTrue(oneText.contains("(1 sample, +1 = "), oneText);
        assertTrue(oneText.matches("(?s).*\\((0 errors|1 error);.*"), oneText);
        String wrote = ok("predict", binary.toString(), one, "--out", dir.resolve("one-out.csv").toString()).out();
        assertTrue(wrote.startsWith("wrote 1 prediction to "), wrote);
        assertEquals("1 error, 2 errors, 0 runs", String.join(", ", Plural.count(1, "error"),
                Plural.count(2, "error"), Plural.count(0, "run")));
    }

    private static Path train(String name, String csv, String... options) throws IOException {
        Path model = dir.resolve(name + ".json");
        String[] args = {"train", file(name + ".csv", csv), "--steps", "5", "--neuron", "none", "--no-certificate",
            "-q", "--out", model.toString()};
        Cli r = Cli.run(TrainCommandTest.concat(args, options));
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        return model;
    }

    private static String file(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return path.toString();
    }

    private static Cli ok(String... args) {
        Cli r = Cli.run(args);
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertFalse(r.out().isEmpty(), r.toString());
        return r;
    }

    private static JsonNode json(Cli r) throws IOException {
        return new ObjectMapper().readTree(r.out());
    }
}
