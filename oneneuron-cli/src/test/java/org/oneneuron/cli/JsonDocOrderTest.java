package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/JSON.md says keys "appear in the order listed": the keys of evaluate (binary, multi-class,
 * regression), predict and export, as the commands print them, are the tables' keys in their order.
 */
class JsonDocOrderTest {

    static final Path FILE = Path.of("..", "docs", "JSON.md");
    private static final Pattern KEY = Pattern.compile("`([a-z_0-9]+)`");

    @TempDir
    static Path dir;

    static Path model;

    @BeforeAll
    static void trainOnce() {
        model = dir.resolve("model.json");
        Cli r = Cli.run("train", "moons:n=40", "--hidden", "3", "--steps", "10", "-q", "--scaffold", "keep",
                "--no-certificate", "--out", model.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
    }

    @Test
    void binaryEvaluateNamesItsTaskInTheDocumentedOrder() throws IOException {
        JsonNode j = json("evaluate", model.toString(), "moons:n=40", "--json");
        assertEquals("binary", j.get("task").asText(), j.toString());
        assertInDocumentedOrder("evaluate", j);
    }

    /**
     * docs/JSON.md: a multi-class or regression evaluate prints the first table's keys up to
     * {@code task}, the second table's in place of the binary figures, then the first table's from
     * {@code probability_method} on (the probability and loss figures, {@code neuron}).
     */
    @Test
    void multiClassAndRegressionEvaluateNameTheirTaskInTheDocumentedOrder() throws IOException {
        List<String> first = tableKeys("evaluate", 0);
        List<String> documented = new ArrayList<>(first.subList(0, first.indexOf("task") + 1));
        documented.addAll(tableKeys("evaluate", 1));
        documented.addAll(first.subList(first.indexOf("probability_method"), first.indexOf("neuron") + 1));

        StringBuilder kinds = new StringBuilder("x1,x2,kind\n");
        StringBuilder line = new StringBuilder("x,t\n");
        for (int i = 0; i < 30; i++) {
            kinds.append(i % 3 + 0.1 * (i % 7)).append(',').append(i % 5).append(',').append("abc".charAt(i % 3))
                    .append('\n');
            line.append(i).append(',').append(2 * i + 0.5 * (i % 3)).append('\n');
        }
        Path kindsFile = Files.writeString(dir.resolve("kinds.csv"), kinds);
        Path lineFile = Files.writeString(dir.resolve("line.csv"), line);
        for (Path data : List.of(kindsFile, lineFile)) {
            Path trained = dir.resolve(data.getFileName() + ".model.json");
            Cli r = Cli.run("train", data.toString(), "--hidden", "3", "--steps", "10", "-q", "--scaffold", "keep",
                    "--no-certificate", "--out", trained.toString());
            assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
            List<String> args = new ArrayList<>(List.of("evaluate", trained.toString(), data.toString(), "--json"));
            if (data == kindsFile) {
                args.addAll(List.of("--figures", dir.resolve("figures").toString(), "--confusion-csv",
                        dir.resolve("confusion.csv").toString()));
            }
            JsonNode j = json(args.toArray(String[]::new));
            assertEquals(data == kindsFile ? "multiclass" : "regression", j.get("task").asText(), j.toString());
            assertTrue(j.has("neuron") && j.has("loss_total"), j.toString());
            assertInOrder("evaluate (" + j.get("task").asText() + ")", documented, j);
        }
    }

    @Test
    void predictKeysAreInTheDocumentedOrder() throws IOException {
        assertInDocumentedOrder("predict", json("predict", model.toString(), "moons:n=40", "--json"));
        assertInDocumentedOrder("predict", json("predict", model.toString(), "moons:n=40", "--json", "--out",
                dir.resolve("p.csv").toString()));
    }

    @Test
    void exportKeysAreInTheDocumentedOrder() throws IOException {
        assertInDocumentedOrder("export", json("export", model.toString(), "--json", "--out",
                dir.resolve("copy.json").toString()));
        // dropped or refused (exit 1, with "error"): the object is printed either way
        Cli drop = Cli.run("export", model.toString(), "--drop-neuron", "--tolerance", "1e300", "--data",
                "moons:n=40", "--json", "--out", dir.resolve("plain.json").toString());
        assertTrue(drop.exitCode() == ExitCodes.OK || drop.exitCode() == ExitCodes.FAILURE, drop.toString());
        assertInDocumentedOrder("export", new ObjectMapper().readTree(drop.out()));
    }

    /** The keys after schema_version and command, each in the section's first table, in its order. */
    static void assertInDocumentedOrder(String section, JsonNode j) throws IOException {
        assertInOrder(section, firstTableKeys(section), j);
    }

    /** The keys after schema_version and command, each documented, in the documented order. */
    private static void assertInOrder(String section, List<String> documented, JsonNode j) {
        List<String> printed = new ArrayList<>();
        for (Iterator<String> it = j.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("schema_version") && !key.equals("command")) {
                printed.add(key);
            }
        }
        int last = -1;
        for (String key : printed) {
            int at = documented.indexOf(key);
            assertTrue(at >= 0, section + ": '" + key + "' is printed but not in docs/JSON.md " + documented);
            assertTrue(at >= last, section + ": '" + key + "' comes out of the documented order " + documented
                    + "; printed " + printed);
            last = at;
        }
    }

    /** The keys of the first table under "## section", in row order (a row may name several). */
    static List<String> firstTableKeys(String section) throws IOException {
        return tableKeys(section, 0);
    }

    /** The keys of the table after {@code skip} others under "## section", in row order. */
    static List<String> tableKeys(String section, int skip) throws IOException {
        List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        int i = lines.indexOf("## " + section);
        assertTrue(i >= 0, "docs/JSON.md has a section " + section);
        for (int t = 0; t <= skip; t++) {
            while (i < lines.size() && lines.get(i).startsWith("|")) {
                i++; // past the table before
            }
            while (i < lines.size() && !lines.get(i).startsWith("|")) {
                assertTrue(!lines.get(i).startsWith("## ") || lines.get(i).equals("## " + section),
                        "docs/JSON.md's section " + section + " has " + (t + 1) + " tables");
                i++;
            }
        }
        List<String> keys = new ArrayList<>();
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            Matcher m = KEY.matcher(lines.get(i).split("\\|")[1]);
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        return keys;
    }

    private static JsonNode json(String... args) throws IOException {
        Cli r = Cli.run(args);
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        return new ObjectMapper().readTree(r.out());
    }
}
