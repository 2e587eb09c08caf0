package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * docs/OPTIONS.md is the table of every option of every command with its default, generated from
 * the commands themselves; this test fails when the file and the code differ (regenerate it with
 * {@code mvn -B -o -pl oneneuron-cli -am test -Dtest=OptionTableTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doneneuron.writeOptions=true}). It also checks the one
 * vocabulary: an option name means the same (the first sentence of its description) and has the
 * same default in every command that takes it, apart from the few listed here with their reason.
 */
class OptionTableTest {

    static final Path FILE = Path.of("..", "docs", "OPTIONS.md");

    /** Options whose meaning is per command, and why. */
    static final Map<String, String> OWN_MEANING = Map.of(
            "--out", "every command writes its own kind of output there");

    /** Options whose default differs between commands, and why. */
    static final Map<String, String> OWN_DEFAULT = Map.of(
            "--neuron", "a study compares: its default pairs the plain network with the library's neuron",
            "--restarts", "the demo is sized to finish within a minute on two cores",
            "--out", "the demo writes to ./oneneuron-out by default; the others have no default");

    @Test
    void theFileListsEveryOptionOfEveryCommandWithItsDefault() throws Exception {
        String table = markdown(Main.commandLine());
        if (Boolean.getBoolean("oneneuron.writeOptions")) {
            Files.writeString(FILE, table, StandardCharsets.UTF_8);
        }
        assertEquals(table, Files.readString(FILE, StandardCharsets.UTF_8),
                "docs/OPTIONS.md is out of date; regenerate it: mvn -B -o -pl oneneuron-cli -am test"
                        + " -Dtest=OptionTableTest -Dsurefire.failIfNoSpecifiedTests=false"
                        + " -Doneneuron.writeOptions=true");
    }

    @Test
    void anOptionNameMeansTheSameAndDefaultsTheSameEverywhere() {
        Map<String, Map<String, String>> meanings = new TreeMap<>();
        Map<String, Map<String, String>> defaults = new TreeMap<>();
        for (CommandLine sub : Main.commandLine().getSubcommands().values()) {
            for (OptionSpec o : sub.getCommandSpec().options()) {
                if (o.hidden() || o.usageHelp() || o.versionHelp()) {
                    continue;
                }
                String name = o.longestName();
                meanings.computeIfAbsent(name, k -> new TreeMap<>()).put(sub.getCommandName(),
                        firstSentence(String.join(" ", o.description())));
                String d = defaultOf(o);
                if (!d.isEmpty()) {
                    defaults.computeIfAbsent(name, k -> new TreeMap<>()).put(sub.getCommandName(), d);
                }
            }
        }
        List<String> problems = new ArrayList<>();
        meanings.forEach((name, byCommand) -> {
            if (!OWN_MEANING.containsKey(name) && byCommand.values().stream().distinct().count() > 1) {
                problems.add(name + " means different things: " + byCommand);
            }
        });
        defaults.forEach((name, byCommand) -> {
            if (!OWN_DEFAULT.containsKey(name) && byCommand.values().stream().distinct().count() > 1) {
                problems.add(name + " has different defaults: " + byCommand);
            }
        });
        assertEquals(List.of(), problems);
        for (String shared : List.of("--hidden", "--lambda", "--loss", "--reduction", "--optimizer", "--steps",
                "--seed", "--held-out", "--data", "--label", "--classes")) {
            assertTrue(meanings.get(shared).size() >= 2, shared + " is shared: " + meanings.get(shared));
        }
        assertEquals(defaults.get("--lambda").get("train"), defaults.get("--lambda").get("study"));
        assertEquals(defaults.get("--steps").get("train"), defaults.get("--steps").get("escape"));
    }

    /** The whole file: one section per command, one row per option and positional parameter. */
    static String markdown(CommandLine root) {
        StringBuilder md = new StringBuilder();
        md.append("# Options of every command\n\n");
        md.append("Generated from the commands themselves; `OptionTableTest` fails when this file and the\n");
        md.append("code differ (regenerate: `mvn -B -o -pl oneneuron-cli -am test -Dtest=OptionTableTest\n");
        md.append("-Dsurefire.failIfNoSpecifiedTests=false -Doneneuron.writeOptions=true`). Defaults are read\n");
        md.append("from the library's config records (`ClassifierConfig.defaults()`, `TrainConfig`,\n");
        md.append("`StudySpec.defaults()`, the landscape configs), so an option that several commands take\n");
        md.append("has one meaning and one default (the test checks it); an empty default means none, or\n");
        md.append("one the description states. Exit codes and JSON output: [JSON.md](JSON.md).\n");
        Map<String, CommandLine> commands = new LinkedHashMap<>(root.getSubcommands());
        commands.remove("help");
        for (Map.Entry<String, CommandLine> e : commands.entrySet()) {
            CommandSpec spec = e.getValue().getCommandSpec();
            md.append("\n## ").append(e.getKey()).append("\n\n");
            String[] description = spec.usageMessage().description();
            md.append(description.length == 0 ? "" : description[0]).append("\n\n");
            md.append("| option | value | default | meaning |\n|---|---|---|---|\n");
            for (PositionalParamSpec p : spec.positionalParameters()) {
                row(md, "`" + p.paramLabel() + "` (argument)", "", p);
            }
            for (OptionSpec o : spec.options()) {
                if (o.hidden()) {
                    continue;
                }
                String label = o.arity().max() == 0 ? "" : "`" + o.paramLabel() + "`";
                row(md, "`" + String.join("`, `", o.names()) + "`", label, o);
            }
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String names, String label, ArgSpec arg) {
        String d = defaultOf(arg);
        md.append("| ").append(names).append(" | ").append(label).append(" | ")
                .append(d.isEmpty() ? "" : "`" + d + "`").append(" | ")
                .append(cell(String.join(" ", arg.description()))).append(" |\n");
    }

    /** The default as --help shows it; empty for none (and for a flag's false). */
    static String defaultOf(ArgSpec arg) {
        if (arg instanceof OptionSpec o && (o.usageHelp() || o.versionHelp())) {
            return "";
        }
        String d = arg.defaultValueString();
        if (d == null || d.equals("null") || arg.arity().max() == 0 && d.equals("false")) {
            return "";
        }
        return d;
    }

    static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return (end < 0 ? text : text.substring(0, end + 1)).trim();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ").trim();
    }
}
