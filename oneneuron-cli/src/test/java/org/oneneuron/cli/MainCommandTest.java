package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.train.Provenance;

class MainCommandTest {

    @TempDir
    Path dir;

    /** A standard output whose every write fails as on a full disk. */
    private static final class FullDisk extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    @Test
    void aFailedWriteToStandardOutputExitsOneAndSaysWhy() {
        for (String[] args : List.of(new String[] {"datasets"}, new String[] {"version", "--json"},
                new String[] {"train", "xor:n=40", "--hidden", "3", "--steps", "3", "-q", "--json"})) {
            StringWriter err = new StringWriter();
            int code = Main.run(new FullDisk(), new PrintWriter(err, true), args);
            assertEquals(ExitCodes.FAILURE, code, String.join(" ", args) + ": " + err);
            assertTrue(err.toString().endsWith("error: could not write to standard output: the disk is full"
                    + " (No space left on device); the output is incomplete\n"), err.toString());
        }
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.OK, Main.run(OutputStream.nullOutputStream(), new PrintWriter(err, true), "datasets"));
        assertEquals("", err.toString());
        OutputStream closedPipe = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        StringWriter quiet = new StringWriter();
        assertEquals(StandardOutput.BROKEN_PIPE, Main.run(closedPipe, new PrintWriter(quiet, true), "datasets"),
                "| head: the exit of a tool stopped by SIGPIPE");
        assertEquals("", quiet.toString(), "and nothing said, as a Unix tool says nothing");
    }

    @Test
    void aWriterInErrorMakesExecuteExitOne() {
        Writer failing = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(failing, true), new PrintWriter(err, true), "datasets");
        assertEquals(ExitCodes.FAILURE, code, err.toString());
        assertEquals("error: could not write to standard output; the output is incomplete\n", err.toString());
    }

    /** The real process: standard output a file opened only for reading, so every write fails (EBADF). */
    @Test
    void theProcessExitsOneWhenItsStandardOutputCannotBeWritten() throws Exception {
        Files.writeString(dir.resolve("in.txt"), "");
        ChildCli r = ChildCli.run(dir, "exec 1<in.txt", ChildCli.command(List.of(), "datasets"));
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("error: could not write to standard output: Bad file descriptor; the output"
                + " is incomplete"), r.toString());
        assertTrue(r.noTrace(), r.err());
    }

    @Test
    void versionNamesLibraryJdkAndBackEnd() {
        Cli r = Cli.run("--version");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("oneneuron " + Provenance.currentLibraryVersion()), r.out());
        assertTrue(r.out().contains("java " + System.getProperty("java.version")), r.out());
        assertTrue(r.out().contains("blas back-end: "), r.out());
    }

    @Test
    void versionJsonIsOneObjectWithSnakeCaseKeys() throws Exception {
        Cli r = Cli.run("version", "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(Json.SCHEMA_VERSION, json.get("schema_version").asInt());
        assertEquals(Provenance.currentLibraryVersion(), json.get("version").asText());
        json.fieldNames().forEachRemaining(k -> assertTrue(k.matches("[a-z][a-z0-9_]*"), k));
        assertEquals("", r.err());
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Cli r = Cli.run("--help");
        assertEquals(ExitCodes.OK, r.exitCode());
        assertTrue(r.out().contains("version"), r.out());
        assertTrue(r.out().contains("Exit codes: 0 ok, 1 failure"), r.out());
    }

    @Test
    void everySubcommandAnswersHelpWithUsage() {
        for (String name : Main.commandLine().getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            Cli r = Cli.run(name, "--help");
            assertEquals(ExitCodes.OK, r.exitCode(), name + ": " + r);
            assertTrue(r.out().startsWith("Usage: oneneuron " + name), r.out());
        }
    }

    @Test
    void everyCommandIsRegisteredStatically() {
        var commands = Main.commandLine().getSubcommands().keySet();
        for (String required : new String[] {"train", "evaluate", "predict", "export", "datasets",
            "version", "demo", "study", "report", "certify", "escape", "spectrum", "slice", "bench"}) {
            assertTrue(commands.contains(required), required + " missing from " + commands);
        }
    }

    @Test
    void unknownOptionIsUsageErrorWithoutStackTrace() {
        Cli r = Cli.run("--nope");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().startsWith("error: Unknown option: '--nope'"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void badCommonOptionsAreUsageErrorsNamingTheOption() {
        Cli threads = Cli.run("version", "--threads", "0");
        assertEquals(ExitCodes.BAD_INPUT, threads.exitCode());
        assertTrue(threads.err().startsWith("error: --threads must be between 1 and 1024, got 0"), threads.err());
        Cli blas = Cli.run("version", "--blas", "cuda");
        assertEquals(ExitCodes.BAD_INPUT, blas.exitCode());
        assertTrue(blas.err().contains("--blas: unknown back-end 'cuda'"), blas.err());
        assertFalse(blas.err().contains("\tat "), blas.err());
    }

    @Test
    void threadsAreCappedInEveryCommandThatTakesThem(@TempDir Path dir) {
        Cli tooMany = Cli.run("version", "--threads", "100000");
        assertEquals(ExitCodes.BAD_INPUT, tooMany.exitCode(), tooMany.toString());
        assertTrue(tooMany.err().startsWith("error: --threads must be between 1 and 1024, got 100000"), tooMany.err());
        Cli cap = Cli.run("version", "--threads", "1024");
        assertEquals(ExitCodes.OK, cap.exitCode(), cap.toString());
        // a study would start one worker per thread: refused before the folder is made
        Path out = dir.resolve("study");
        Cli study = Cli.run("study", "--data", "case-a", "--restarts", "1", "--out", out.toString(),
                "--threads", "1025");
        assertEquals(ExitCodes.BAD_INPUT, study.exitCode(), study.toString());
        assertTrue(study.err().startsWith("error: --threads must be between 1 and 1024, got 1025"), study.err());
        assertFalse(Files.exists(out));
        // every --threads is the CommonOptions mixin's, which Main checks before any command runs
        List<String> withThreads = new ArrayList<>();
        for (var command : Main.commandLine().getSubcommands().entrySet()) {
            var option = command.getValue().getCommandSpec().findOption("--threads");
            if (option != null) {
                withThreads.add(command.getKey());
                assertTrue(command.getValue().getCommandSpec().mixins().values().stream()
                        .anyMatch(m -> m.userObject() instanceof CommonOptions && m.findOption("--threads") == option),
                        command.getKey() + "'s --threads is not CommonOptions'");
            }
        }
        assertTrue(withThreads.containsAll(List.of("train", "study", "demo", "bench")), withThreads.toString());
    }

    @Test
    void debugShowsTheStackTrace() {
        Cli r = Cli.run("version", "--threads", "0", "--debug");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void everyHelpShowsItsDefaults() {
        assertTrue(Cli.run("train", "--help").out().contains("Default: 1.0"), "λ's default");
        assertTrue(Cli.run("train", "--help").out().contains("Default: lbfgs"));
        String study = Cli.run("study", "--help").out();
        assertTrue(study.contains("Default: lbfgs") && study.contains("Default: 1000")
                && study.contains("Default: none,skip-exp"), study);
        String certify = Cli.run("certify", "--help").out();
        assertTrue(certify.contains("Default: 1000"), "--perturbations from CertifyConfig: " + certify);
    }

    @Test
    void noHelpShowsAnEmptyDefault() {
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            String help = Cli.run(command, "--help").out();
            assertFalse(Pattern.compile("Default:[ \\t]*$", Pattern.MULTILINE).matcher(help).find(),
                    command + " --help: " + help);
        }
    }

    @Test
    void aCommandLineRegistersOnlyTheCommandItRunsAndAllOtherwise() {
        var all = Main.commandLine().getSubcommands().keySet();
        assertEquals(OneNeuronCommand.SUBCOMMANDS.size(), all.size());
        assertEquals(Set.of("train"), Main.commandLine("train", "wdbc", "--json").getSubcommands().keySet());
        assertEquals(Set.of("study"), Main.commandLine("study", "--help").getSubcommands().keySet());
        for (String[] args : new String[][] {{}, {"--help"}, {"-h", "train"}, {"help", "train"}, {"trian"}}) {
            assertEquals(all, Main.commandLine(args).getSubcommands().keySet(), String.join(" ", args));
        }
        assertTrue(Cli.run("help", "train").out().contains("Usage: oneneuron train"));
    }

    @Test
    void aMistypedOptionGetsTheCloseOneAndAMisplacedOneItsCommand() {
        Cli typo = Cli.run("train", "wdbc", "--hiden", "4");
        assertEquals(ExitCodes.BAD_INPUT, typo.exitCode());
        assertTrue(typo.err().contains("Did you mean --hidden?"), typo.err());
        Cli misplaced = Cli.run("train", "wdbc", "--restarts", "4");
        assertEquals(ExitCodes.BAD_INPUT, misplaced.exitCode());
        assertTrue(misplaced.err().contains("'--restarts' is an option of ")
                && misplaced.err().contains("'study'") && misplaced.err().contains("not of 'train'"),
                misplaced.err());
        Cli landscape = Cli.run("evaluate", "m.json", "wdbc", "--perturbations", "3");
        assertTrue(landscape.err().contains("'--perturbations' is an option of 'certify'"), landscape.err());
    }
}
