package org.oneneuron.cli.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void smallDemoPrintsClaimsWritesTheReportAndReplacesItOnTheNextRun() throws IOException {
        StudyCommandTest.Result r = StudyCommandTest.run(new DemoCommand(), "--restarts", "2",
                "--out", dir.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "-q: no progress (the claims table is the result, as for study -q)");
        assertTrue(r.out().contains("Case A") && r.out().contains("WDBC"), r.out());
        assertTrue(r.out().contains("skip-exp reaches near-zero total loss more often"), r.out());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("id=\"demo_case_a\"") && html.contains("id=\"demo_wdbc\""));
        assertEquals(6, Files.readAllLines(dir.resolve("demo-wdbc/journal.jsonl")).size());
        assertTrue(Files.exists(dir.resolve("figures/demo_wdbc_held_out_accuracy.svg")));
        assertTrue(Files.exists(dir.resolve("figures/demo_case_a_slice.png")), "landscape slice");
        // run again (the README's ./oneneuron demo twice): the previous demo is replaced, and it says so
        StudyCommandTest.Result again = StudyCommandTest.run(new DemoCommand(), "--restarts", "1",
                "--out", dir.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().startsWith("demo: replacing the previous demo's output in " + dir), again.err());
        assertEquals(3, Files.readAllLines(dir.resolve("demo-wdbc/journal.jsonl")).size());
        // and --json prints one object naming what was written (it printed the claims as text)
        StudyCommandTest.Result json = StudyCommandTest.run(new DemoCommand(), "--restarts", "1",
                "--out", dir.toString(), "--json");
        assertEquals(0, json.code(), json.err());
        assertEquals("", json.err(), "no progress or chatter with --json");
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals("demo", j.get("command").asText());
        assertEquals(dir.resolve("report.html").toString(), j.get("report").asText());
        assertEquals(2, j.get("studies").size());
        assertEquals(3, j.get("studies").get(1).get("runs").asInt());
        assertTrue(Files.exists(Path.of(j.get("summary").asText())));
    }

    @Test
    void aFolderHoldingAStudyOrOtherFilesIsRefusedAndLeftAsItWas() throws IOException {
        Path study = dir.resolve("study");
        StudyCommandTest.Result made = StudyCommandTest.run(new StudyCommand(), "--data", "case-a", "--hidden", "2",
                "--optimizer", "gd", "--steps", "20", "--restarts", "1", "--out", study.toString(), "-q");
        assertEquals(0, made.code(), made.err());
        byte[] report = Files.readAllBytes(study.resolve("report.html"));
        StudyCommandTest.Result r = StudyCommandTest.run(new DemoCommand(), "--restarts", "1",
                "--out", study.toString());
        assertEquals(StudyCommand.BAD_INPUT, r.code(), r.err());
        assertEquals("error: --out " + study + " holds a study (journal.jsonl, spec.json, study.json), whose report"
                + " the demo would overwrite; give --out a new or empty folder (the demo replaces only a previous"
                + " demo's output)\n", r.err());
        assertArrayEquals(report, Files.readAllBytes(study.resolve("report.html")));
        assertFalse(Files.exists(study.resolve("demo-wdbc")));

        // and the reverse: a study into a demo's folder is refused before anything is written
        Path demo = dir.resolve("demo");
        assertEquals(0, StudyCommandTest.run(new DemoCommand(), "--restarts", "1", "--out", demo.toString(), "-q")
                .code());
        byte[] demoReport = Files.readAllBytes(demo.resolve("report.html"));
        StudyCommandTest.Result into = StudyCommandTest.run(new StudyCommand(), "--data", "case-a", "--hidden", "2",
                "--optimizer", "gd", "--steps", "20", "--restarts", "1", "--out", demo.toString(), "-q");
        assertEquals(StudyCommand.BAD_INPUT, into.code(), into.err());
        assertTrue(into.err().startsWith("error: --out " + demo + " holds a demo's output (demo-case-a, demo-wdbc),"),
                into.err());
        assertArrayEquals(demoReport, Files.readAllBytes(demo.resolve("report.html")));
        assertFalse(Files.exists(demo.resolve("journal.jsonl")));

        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("notes.txt"), "mine");
        StudyCommandTest.Result other = StudyCommandTest.run(new DemoCommand(), "--out", notes.toString());
        assertEquals(StudyCommand.BAD_INPUT, other.code(), other.err());
        assertTrue(other.err().startsWith("error: --out " + notes + " holds files the demo did not write (notes.txt);"),
                other.err());
        try (var left = Files.list(notes)) {
            assertEquals(1, left.count());
        }
    }

    @Test
    void aFileWhereTheFolderShouldBeIsAUsageErrorThatTouchesNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine\n");
        StudyCommandTest.Result r = StudyCommandTest.run(new DemoCommand(), "--restarts", "1", "--out",
                file.toString());
        assertEquals(StudyCommand.BAD_INPUT, r.code(), r.err());
        assertEquals("error: --out " + file + " is a file; give a folder (it is created when missing)\n", r.err());
        assertEquals("mine\n", Files.readString(file));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList());
        }
    }
}
