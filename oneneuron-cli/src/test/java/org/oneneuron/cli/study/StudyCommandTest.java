package org.oneneuron.cli.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oneneuron.cli.Json;
import org.oneneuron.io.WriterLock;
import org.oneneuron.study.JournalCodec;
import org.oneneuron.study.JournalEntry;
import picocli.CommandLine;

class StudyCommandTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private String[] caseA(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--data", "case-a", "--hidden", "2",
                "--activation", "relu", "--neuron", "none,skip-exp", "--reduction", "sum", "--lr", "0.01",
                "--init", "normal", "--restarts", "4", "--steps", "800", "--seed", "5", "--threads", "2",
                "--out", dir.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void theSpecLineCountsRestartsInWords() {
        String one = StudyWords.describe(org.oneneuron.study.StudySpec.fromJson("{\"restarts\": 1}", "spec"));
        assertTrue(one.contains("; 1 restart; "), one);
        String two = StudyWords.describe(org.oneneuron.study.StudySpec.fromJson("{\"restarts\": 2}", "spec"));
        assertTrue(two.contains("; 2 restarts; "), two);
    }

    @Test
    void studyWritesJournalReportAndFigureFilesThenResumes() throws IOException {
        Result first = run(new StudyCommand(), caseA());
        assertEquals(0, first.code(), first.err());
        assertEquals(8, Files.readAllLines(dir.resolve("journal.jsonl")).size());
        assertTrue(first.out().contains("supported") || first.out().contains("inconclusive")
                || first.out().contains("contradicted"), first.out());
        assertTrue(Files.size(dir.resolve("report.html")) > 10_000);
        for (String ext : List.of("png", "svg", "json", "csv")) {
            assertTrue(Files.exists(dir.resolve("figures/study_ecdf_loss." + ext)), ext);
        }
        assertTrue(Files.readString(dir.resolve("claims.csv")).startsWith("section,scope,claim"));
        Result again = run(new StudyCommand(), caseA());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("8 already in the journal"), again.err());
        assertEquals(8, Files.readAllLines(dir.resolve("journal.jsonl")).size());
    }

    /**
     * GD at lr 1000 on WDBC blows up at the first step, with the neuron and without: every run is
     * `diverged` (not `not_converged`, which means "stopped while still moving"), the claims count
     * them as such, the report names them, and a warning says that whole variants diverged.
     */
    @Test
    void runsThatBlowUpAreDivergedNotNotConverged() throws IOException {
        Result r = run(new StudyCommand(), "--data", "wdbc", "--hidden", "8", "--neuron", "none,skip-exp",
                "--optimizer", "gd", "--lr", "1000", "--restarts", "3", "--steps", "100", "--threads", "2",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("journal.jsonl"));
        assertEquals(6, lines.size());
        for (String line : lines) {
            assertTrue(line.contains("\"verdict\":\"diverged\""), line);
            assertTrue(line.contains("\"diagnostic\":\"diverged at step"), line);
        }
        assertTrue(r.out().contains("(3 diverged)"), r.out());
        assertTrue(!r.out().contains("3 not converged"), r.out());
        assertTrue(r.err().contains("warning: every run of a variant diverged"), r.err());
        assertTrue(r.err().contains("neuron=none: 3 of 3 runs diverged"), r.err());
        assertTrue(r.err().contains("neuron=skip-exp: 3 of 3 runs diverged"), r.err());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("diverged=3"), "the configurations table counts them");
        assertTrue(!html.contains("not_converged=3"), "not as not_converged");
    }

    @Test
    void onlyRunReplaysTheJournaledNumbers() throws IOException {
        assertEquals(0, run(new StudyCommand(), caseA("--no-report", "-q")).code());
        JournalEntry journaled = JournalCodec.fromLine(Files.readAllLines(dir.resolve("journal.jsonl"))
                .stream().filter(l -> l.startsWith("{\"run_index\":5,")).findFirst().orElseThrow());
        Result replay = run(new StudyCommand(), caseA("--only-run", "5"));
        assertEquals(0, replay.code(), replay.err());
        JournalEntry replayed = JournalCodec.fromLine(replay.out().trim());
        assertEquals(journaled.run(), replayed.run());
        assertEquals(journaled.outcome().withoutTiming(), replayed.outcome().withoutTiming());
    }

    @Test
    void onlyRunWithJsonPrintsAStudyObjectWhoseRunIsTheJournalLine() throws IOException {
        Result replay = run(new StudyCommand(), caseA("--only-run", "5", "--json"));
        assertEquals(0, replay.code(), replay.err());
        JsonNode json = new ObjectMapper().readTree(replay.out());
        assertEquals(Json.SCHEMA_VERSION, json.path("schema_version").asInt(), replay.out());
        assertEquals("study", json.path("command").asText());
        assertEquals(5, json.path("only_run").asInt());
        Result line = run(new StudyCommand(), caseA("--only-run", "5"));
        JsonNode journalLine = new ObjectMapper().readTree(line.out());
        ((ObjectNode) journalLine).remove("seconds");
        ObjectNode printed = (ObjectNode) json.get("run");
        assertTrue(printed.remove("seconds").isNumber());
        assertEquals(journalLine, printed, "the run is the journal line, key for key");
        assertEquals(List.of("schema_version", "command", "name", "only_run", "run"), fieldNames(json));
        assertFalse(Files.exists(dir.resolve("journal.jsonl")), "a replay writes nothing");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void specFileWithOverrides() throws IOException {
        Path spec = dir.resolve("in.json");
        Files.writeString(spec, "{\"data\":[\"case-a\"],\"hidden\":[[2]],\"activations\":[\"relu\"],"
                + "\"neurons\":[\"none\"],\"reduction\":\"sum\",\"restarts\":2,\"steps\":50}");
        Path out = dir.resolve("o");
        Result r = run(new StudyCommand(), "--spec", spec.toString(), "--restarts", "3", "--out",
                out.toString(), "--no-report", "-q");
        assertEquals(0, r.code(), r.err());
        assertEquals(3, Files.readAllLines(out.resolve("journal.jsonl")).size());
        assertTrue(Files.readString(out.resolve("spec.json")).contains("\"restarts\" : 3"));
    }

    @Test
    void aDamagedJournalNamesTheRepairWhichMovesItsLinesAsideThenTheStudyResumes() throws IOException {
        assertEquals(0, run(new StudyCommand(), caseA("--no-report", "-q")).code());
        Path journal = dir.resolve("journal.jsonl");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(journal));
        lines.set(2, lines.get(2).substring(0, 100));
        lines.add(lines.get(0));
        Files.write(journal, lines);
        Result refused = run(new StudyCommand(), caseA("--no-report", "-q"));
        assertEquals(1, refused.code(), refused.err());
        assertTrue(refused.err().contains("journal.jsonl, line 3: damaged journal line")
                && refused.err().contains("Run 'oneneuron study --repair " + dir + "'"), refused.err());
        Result repaired = run(new StudyCommand(), "--repair", dir.toString());
        assertEquals(0, repaired.code(), repaired.err());
        assertTrue(repaired.out().contains("kept 7 runs, moved 2 lines to " + dir.resolve("journal.damaged.jsonl"))
                && repaired.out().contains("  line 3: damaged: ") && repaired.out().contains("  line 9: duplicate: run "),
                repaired.out());
        Result resumed = run(new StudyCommand(), caseA("--no-report", "-q"));
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(8, Files.readAllLines(journal).size());
        Result noFolder = run(new StudyCommand(), "--repair", dir.resolve("none").toString());
        assertEquals(2, noFolder.code());
        assertEquals("error: " + dir.resolve("none") + ": no such directory\n", noFolder.err());
        Result aFile = run(new StudyCommand(), "--repair", journal.toString());
        assertEquals(2, aFile.code());
        assertEquals("error: " + journal + " is a file; give a study directory\n", aFile.err());
        Result noJournal = run(new StudyCommand(), "--repair", Files.createDirectories(dir.resolve("empty")).toString());
        assertEquals(2, noJournal.code());
        assertTrue(noJournal.err().contains("holds no study journal"), noJournal.err());
        Result noOut = run(new StudyCommand(), "--data", "case-a");
        assertEquals(2, noOut.code());
        assertTrue(noOut.err().contains("--out DIR is required"), noOut.err());
    }

    @SuppressWarnings("try") // the lock is held for the block and never read
    @Test
    void aFolderInUseIsRefusedAtOnceAndNothingIsWritten() throws Exception {
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (WriterLock lock = WriterLock.folder(dir, "another study")) {
                held.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "holder");
        holder.start();
        held.await();
        try {
            Result r = run(new StudyCommand(), caseA("--no-report", "-q"));
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().startsWith("error: " + dir + " is in use"), r.err());
            try (var files = Files.list(dir)) {
                assertEquals(List.of(WriterLock.FOLDER_LOCK), files.map(p -> p.getFileName().toString()).toList());
            }
        } finally {
            release.countDown();
            holder.join();
        }
    }

    @Test
    void theRemovedEngineOptionIsAUsageError() {
        Result r = run(new StudyCommand(), caseA("--engine", "reference", "-q", "--no-report"));
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--engine"), r.err());
        assertTrue(Files.notExists(dir.resolve("journal.jsonl")), "nothing ran");
    }

    @Test
    void theMasterOptionWithoutTheSparkJarIsAUsageErrorThatTouchesNothing() {
        Result r = run(new StudyCommand(), "--data", "case-a", "--hidden", "2", "--restarts", "2",
                "--out", dir.resolve("s").toString(), "--master", "local[2]", "-q", "--no-report");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--master needs the Spark-enabled jar"), r.err());
        assertTrue(Files.notExists(dir.resolve("s")), "the study folder was not even created");
    }

    @Test
    void dataSplitsBetweenDataSetsButKeepsABuiltinsParametersTogether() {
        StudyCommand study = new StudyCommand();
        new CommandLine(study).parseArgs("--data", "blobs:n=40,d=64,wdbc,moons:noise=0.2", "--out", "x");
        assertEquals(List.of("blobs:n=40,d=64", "wdbc", "moons:noise=0.2"), study.data);
    }

    @Test
    void aRegressionStudyWithAHeldOutPartReportsItsHeldOutRmse() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,target\n");
        java.util.Random rng = new java.util.Random(3);
        for (int i = 0; i < 40; i++) {
            double a = rng.nextDouble() * 4 - 2;
            double b = rng.nextDouble() * 4 - 2;
            csv.append(String.format(java.util.Locale.ROOT, "%.5f,%.5f,%.5f%n", a, b, 2 * a - b + 0.5));
        }
        Path data = Files.writeString(dir.resolve("reg.csv"), csv);
        Path out = dir.resolve("study");
        Result r = run(new StudyCommand(), "--data", data.toString(), "--label", "target", "--loss", "target-squared",
                "--hidden", "4", "--neuron", "none", "--restarts", "2", "--steps", "50", "--held-out", "0.25",
                "--threads", "1", "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("journal.jsonl"));
        assertEquals(2, lines.size());
        for (String line : lines) {
            com.fasterxml.jackson.databind.JsonNode run = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            assertTrue(run.get("held_out_rmse").asDouble() > 0, line);
            assertEquals(run.get("held_out_rmse").asDouble(),
                    JournalCodec.fromLine(line).outcome().heldOutRmse(), 0.0, "it reads back as written");
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<th>median held-out RMSE</th>"), "the configurations table says RMSE");
        assertTrue(Files.exists(out.resolve("figures/study_held_out_rmse.png")));
    }

    @Test
    void summaryJsonWritesNonFiniteNumbersAsNull() throws IOException {
        Result r = run(new StudyCommand(), "--data", "case-a", "--hidden", "2", "--restarts", "2", "--steps", "20",
                "--threads", "1", "--out", dir.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(dir.resolve("summary.json"));
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
        List<com.fasterxml.jackson.databind.JsonNode> quantiles = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(text).findValues("held_out_accuracy_quantiles");
        assertFalse(quantiles.isEmpty(), text);
        for (com.fasterxml.jackson.databind.JsonNode q : quantiles) {
            assertFalse(q.isEmpty(), text);
            q.forEach(v -> assertTrue(v.isNull(), "no held-out split: null, not " + v));
        }
    }

    @Test
    void aLabelColumnIsIgnoredWithAWarningForLibsvmFilesAndRefusedWhenNoFileHasOne() throws IOException {
        Path csv = Files.writeString(dir.resolve("rows.csv"), "a,y,b\n1,0,2\n2,1,1\n3,0,1\n1,1,3\n");
        Path libsvm = Files.writeString(dir.resolve("rows.libsvm"), "+1 1:1 2:2\n-1 1:2 2:1\n+1 1:3 2:1\n-1 1:1 2:3\n");
        String[] common = {"--hidden", "2", "--restarts", "1", "--steps", "5", "--threads", "1", "--label", "y",
            "-q", "--no-report"};
        Result mixed = run(new StudyCommand(), concat(common, "--data", csv + "," + libsvm,
                "--out", dir.resolve("mixed").toString()));
        assertEquals(0, mixed.code(), mixed.err());
        assertTrue(mixed.err().contains("warning: --label does not apply to " + libsvm
                + " (LIBSVM labels are not a column); ignored"), mixed.err());
        assertFalse(mixed.err().contains("apply to " + csv), mixed.err());
        Path out = dir.resolve("none");
        Result none = run(new StudyCommand(), concat(common, "--data", libsvm.toString(), "--out", out.toString()));
        assertEquals(2, none.code(), none.out() + none.err());
        assertTrue(none.err().startsWith("error: --label is for CSV and ARFF files; none of the study's data files"
                + " has a label column (" + libsvm + ": LIBSVM)"), none.err());
        assertFalse(Files.exists(out), "a refused study writes nothing");
    }

    /** As train refuses --label with a built-in data set (its own labels), a study of built-ins only refuses it. */
    @Test
    void aLabelColumnIsRefusedForBuiltInDataAndIgnoredWithAWarningBesideAFile() throws IOException {
        String[] common = {"--hidden", "2", "--restarts", "1", "--steps", "5", "--threads", "1", "--label", "y",
            "-q", "--no-report"};
        Path out = dir.resolve("builtin");
        Result refused = run(new StudyCommand(), concat(common, "--data", "case-a,blobs:n=40,d=3", "--out",
                out.toString()));
        assertEquals(2, refused.code(), refused.out() + refused.err());
        assertEquals("error: --label is for CSV and ARFF files; none of the study's data sets has a label column"
                + " (case-a: a built-in data set, with its own labels, blobs:n=40,d=3: a built-in data set, with its"
                + " own labels)", refused.err().strip());
        assertFalse(Files.exists(out), "a refused study writes nothing");

        Path csv = Files.writeString(dir.resolve("rows.csv"), "a,y,b\n1,0,2\n2,1,1\n3,0,1\n1,1,3\n");
        Result mixed = run(new StudyCommand(), concat(common, "--data", csv + ",case-a",
                "--out", dir.resolve("mixed").toString()));
        assertEquals(0, mixed.code(), mixed.err());
        assertEquals("warning: --label does not apply to case-a (a built-in data set, with its own labels); ignored",
                mixed.err().strip());
    }

    @Test
    void aChoiceOfClassesIsRefusedForBuiltInDataAndIgnoredWithAWarningBesideAFile() throws IOException {
        String[] common = {"--hidden", "2", "--restarts", "1", "--steps", "5", "--threads", "1", "-q", "--no-report"};
        for (String[] choice : List.of(new String[] {"--positive", "1"}, new String[] {"--classes", "0,1"})) {
            Path out = dir.resolve("builtin" + choice[0]);
            Result refused = run(new StudyCommand(), concat(concat(common, choice), "--data", "wdbc",
                    "--out", out.toString()));
            assertEquals(2, refused.code(), refused.out() + refused.err());
            assertEquals("error: " + choice[0] + " is for data files; none of the study's data sets is a file"
                    + " (wdbc: a built-in data set, with its own labels)", refused.err().strip());
            assertFalse(Files.exists(out), "a refused study writes nothing");

            Path csv = Files.writeString(dir.resolve("rows" + choice[0] + ".csv"),
                    "a,b,label\n1,2,0\n2,1,1\n3,1,0\n1,3,1\n");
            Result mixed = run(new StudyCommand(), concat(concat(common, choice), "--data", csv + ",case-a",
                    "--out", dir.resolve("mixed" + choice[0]).toString()));
            assertEquals(0, mixed.code(), mixed.err());
            assertEquals("warning: " + choice[0] + " does not apply to case-a (a built-in data set, with its own"
                    + " labels); ignored", mixed.err().strip());
        }
    }

    @Test
    void aSpecFilesChoiceOfClassesIsRefusedForBuiltInDataAsTheOptionsAre() throws IOException {
        for (String key : List.of("positive", "classes")) {
            Path spec = Files.writeString(dir.resolve(key + ".json"), "{\"data\":[\"wdbc\"],\"hidden\":[[2]],"
                    + "\"restarts\":1,\"steps\":5,\"" + key + "\":\"" + (key.equals("positive") ? "1" : "0,1") + "\"}");
            Path out = dir.resolve("spec-" + key);
            Result refused = run(new StudyCommand(), "--spec", spec.toString(), "--threads", "1", "-q", "--no-report",
                    "--out", out.toString());
            assertEquals(2, refused.code(), refused.out() + refused.err());
            assertEquals("error: the spec's " + key + " is for data files; none of the study's data sets is a file"
                    + " (wdbc: a built-in data set, with its own labels)", refused.err().strip());
            assertFalse(Files.exists(out), "a refused study writes nothing");
        }
    }

    private static String[] concat(String[] head, String... tail) {
        List<String> all = new java.util.ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    @Test
    void aFileWhereTheStudyFolderShouldBeIsAUsageErrorThatTouchesNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine\n");
        Result r = run(new StudyCommand(), "--data", "case-a", "--restarts", "1", "--steps", "5", "-q",
                "--out", file.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals("error: --out " + file + " is a file; give a folder (it is created when missing)\n", r.err());
        Result below = run(new StudyCommand(), "--data", "case-a", "--restarts", "1", "--steps", "5", "-q",
                "--out", file.resolve("s").toString());
        assertEquals(2, below.code(), below.out() + below.err());
        assertEquals("error: --out " + file.resolve("s") + " cannot be created: notes.txt on its path is a file\n",
                below.err());
        assertEquals("mine\n", Files.readString(file));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList());
        }
    }

    /** A list crosses its values: a value given twice would run the same runs twice. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--neuron=none,none|--neuron lists 'none' twice",
        "--lambda=0.1,0.1|--lambda lists '0.1' twice",
        "--loss=logistic,logistic|--loss lists 'logistic' twice",
        "--activation=tanh,tanh|--activation lists 'tanh' twice",
        "--optimizer=gd,gd|--optimizer lists 'gd' twice",
        "--data=case-a,case-a|--data lists 'case-a' twice",
        "--shapes=4;4|--shapes lists '[4]' twice"})
    void aListOptionGivingAValueTwiceIsRefused(String option, String expected) {
        Result r = run(new StudyCommand(), "--data", "case-a", "--restarts", "1", "--steps", "5", "-q",
                "--out", dir.resolve("s").toString(), option);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: " + expected + ": a list crosses its values"), r.err());
        assertFalse(Files.exists(dir.resolve("s")), "nothing written");
    }

    @Test
    void repeatingHiddenGivesTheSameNetworkTwiceAndIsRefused() {
        Result r = run(new StudyCommand(), "--data", "case-a", "--restarts", "1", "--steps", "5", "-q",
                "--out", dir.resolve("s").toString(), "--hidden", "4", "--hidden", "4");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: --hidden lists '[4]' twice"), r.err());
    }

    /** The spec's checks speak of the option that gave the value, as every other option's do. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--restarts=0|--restarts must be >= 1, got 0",
        "--held-out=0.95|--held-out must be in [0, 0.9], got 0.95",
        "--lambda=-1|--lambda must be finite and >= 0, got -1.0",
        "--lr=0|--lr must be positive, got 0.0",
        "--clip=-1|--clip must be >= 0 (0 = none), got -1.0",
        "--reduction=avg|--reduction must be sum or mean, got 'avg'"})
    void aBadValueIsNamedByItsOption(String option, String expected) {
        Result r = run(new StudyCommand(), "--data", "case-a", "--steps", "5", "-q", "--out",
                dir.resolve("s").toString(), option);
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals("error: " + expected + "\n", r.err());
    }

    @Test
    void aNegativeBudgetIsRefusedInTheUsersWords() {
        Result r = run(new StudyCommand(), caseA("--budget=-5s", "-q", "--no-report"));
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--budget must not be negative, got '-5s'"), r.err());
        assertFalse(r.err().contains("PT"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--hidden=8y", "--held-out=2", "--budget=5x", "--data=/no/such.csv",
        "--neuron=magic", "--only-run=99"})
    void badInputExitsWithTwoAndAMessage(String bad) {
        Result r = run(new StudyCommand(), caseA(bad, "-q", "--no-report"));
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
    }
}
