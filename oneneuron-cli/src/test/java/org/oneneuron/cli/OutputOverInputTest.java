package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output named like one of the command's inputs is refused before anything is written, and the input kept. */
class OutputOverInputTest {

    static final String CSV = "a,b,y\n1,2,r\n3,4,g\n5,6,b\n7,8,r\n1,1,g\n2,2,b\n";

    @TempDir
    static Path dir;

    static Path data;
    static Path model;

    @BeforeAll
    static void trainOnce() throws IOException {
        data = dir.resolve("data.csv");
        Files.writeString(data, CSV);
        model = dir.resolve("model.json");
        Cli r = Cli.run("train", data.toString(), "--steps", "5", "--neuron", "none", "--no-certificate", "-q",
                "--out", model.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
    }

    @Test
    void trainDoesNotWriteItsModelOverItsData() throws IOException {
        BadInputTest.assertBadInput(Cli.run("train", data.toString(), "--steps", "5", "-q", "--out",
                data.toString()), "--out " + data + " is the data file this command reads");
        assertEquals(CSV, Files.readString(data));
    }

    @Test
    void predictDoesNotWriteOverItsModelOrData() throws IOException {
        String before = Files.readString(model);
        BadInputTest.assertBadInput(Cli.run("predict", model.toString(), data.toString(), "--out",
                model.toString()), "--out " + model + " is the model file this command reads");
        assertEquals(before, Files.readString(model));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), data);
        BadInputTest.assertBadInput(Cli.run("predict", model.toString(), data.toString(), "--out",
                link.toString()), "is the data file this command reads");
        assertEquals(CSV, Files.readString(data));
    }

    @Test
    void evaluateDoesNotWriteItsConfusionMatrixOverItsData() throws IOException {
        BadInputTest.assertBadInput(Cli.run("evaluate", model.toString(), data.toString(), "--confusion-csv",
                data.toString()), "--confusion-csv " + data + " is the data file this command reads");
        assertEquals(CSV, Files.readString(data));
    }
}
