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
 * docs/JSON.md says keys "appear in the order listed": the keys of evaluate (binary), predict and
 * export, as the commands print them, are the table's keys in the table's order.
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
        List<String> documented = firstTableKeys(section);
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
        List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        int i = lines.indexOf("## " + section);
        assertTrue(i >= 0, "docs/JSON.md has a section " + section);
        while (!lines.get(i).startsWith("|")) {
            i++;
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
