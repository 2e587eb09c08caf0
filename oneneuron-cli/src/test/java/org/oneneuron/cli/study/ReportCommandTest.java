package org.oneneuron.cli.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oneneuron report DIR} redraws a study from its journal alone. */
class ReportCommandTest {

    @TempDir
    Path dir;

    private void study() {
        study(dir);
    }

    private void study(Path out) {
        StudyCommandTest.Result r = StudyCommandTest.run(new StudyCommand(), "--data", "case-a", "--hidden", "2",
                "--activation", "relu", "--neuron", "none,skip-exp", "--reduction", "sum", "--lr", "0.01",
                "--init", "normal", "--restarts", "4", "--steps", "400", "--seed", "5", "--threads", "2",
                "--optimizer", "gd", "--clip", "10", "--lambda", "0.1",
                "--out", out.toString(), "--no-report");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void redrawsEveryFigureFromTheJournalWithoutTouchingIt() throws IOException {
        study();
        byte[] journal = Files.readAllBytes(dir.resolve("journal.jsonl"));
        assertFalse(Files.exists(dir.resolve("report.html")), "--no-report wrote no report");
        StudyCommandTest.Result r = StudyCommandTest.run(new ReportCommand(), dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("report: "), r.out());
        assertArrayEquals(journal, Files.readAllBytes(dir.resolve("journal.jsonl")), "the journal is only read");
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("oneneuron report " + dir), "captions name the command that redraws them");
        for (String id : List.of("study_ecdf_loss", "study_final_losses", "study_slice", "study_pca_loss",
                "study_pca_network_only", "study_barriers", "study_connectivity")) {
            for (String ext : List.of("png", "svg", "pdf", "json", "csv")) {
                assertTrue(Files.size(dir.resolve("figures/" + id + "." + ext)) > 0, id + "." + ext);
            }
            assertTrue(html.contains("data-figure=\"" + id + "\""), id + " is an interactive chart");
        }
        String pca = Files.readString(dir.resolve("figures/study_pca_loss.json"));
        assertTrue(pca.matches("(?s).*\\d+\\.\\d% \\+ \\d+\\.\\d%.*"), "the explained variance is printed");
    }

    @Test
    @SuppressWarnings("try") // the writer thread's lock is held for its block and never read
    void aFolderAStudyIsWritingIsRefusedAndLeftAlone() throws Exception {
        study();
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try (org.oneneuron.io.WriterLock lock = org.oneneuron.io.WriterLock.folder(dir, "oneneuron study")) {
                locked.countDown();
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "study-writer");
        writer.start();
        locked.await();
        try {
            StudyCommandTest.Result r = StudyCommandTest.run(new ReportCommand(), dir.toString());
            assertEquals(1, r.code(), r.out() + r.err());
            assertTrue(r.err().startsWith("error: " + dir + " is in use"), r.err());
            assertFalse(Files.exists(dir.resolve("report.html")), "nothing drawn into the folder");
        } finally {
            done.countDown();
            writer.join();
        }
        StudyCommandTest.Result after = StudyCommandTest.run(new ReportCommand(), dir.toString());
        assertEquals(0, after.code(), after.err());
    }

    @Test
    void aJournalWithoutThetaPathsStillGivesTheReportAndSaysWhatIsMissing() throws IOException {
        study();
        ObjectMapper json = new ObjectMapper();
        List<String> old = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("journal.jsonl"))) {
            ObjectNode node = (ObjectNode) json.readTree(line);
            node.remove("theta_path");
            old.add(json.writeValueAsString(node));
        }
        Files.write(dir.resolve("journal.jsonl"), old);
        StudyCommandTest.Result r = StudyCommandTest.run(new ReportCommand(), dir.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("keeps no θ path"), "the report says why the landscape is absent");
        assertTrue(Files.exists(dir.resolve("figures/study_ecdf_loss.svg")));
        try (Stream<Path> files = Files.list(dir.resolve("figures"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("study_pca")));
        }
    }

    @Test
    void aMissingDirectoryOrAFileIsTheCommonErrorLineSayingWhich() throws IOException {
        StudyCommandTest.Result r = StudyCommandTest.run(new ReportCommand(), dir.resolve("nowhere").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("error: " + dir.resolve("nowhere") + ": no such directory\n", r.err());
        assertFalse(Files.exists(dir.resolve("nowhere")));
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine\n");
        StudyCommandTest.Result f = StudyCommandTest.run(new ReportCommand(), file.toString());
        assertEquals(2, f.code(), f.err());
        assertEquals("error: " + file + " is a file; give a study directory\n", f.err());
    }

    @Test
    void takesTheCommonOptionsAndPrintsOneJsonObject() throws IOException {
        study();
        StudyCommandTest.Result r = StudyCommandTest.run(new ReportCommand(), dir.toString(), "--json",
                "--threads", "1", "--debug");
        assertEquals(0, r.code(), r.err());
        var json = new ObjectMapper().readTree(r.out());
        assertEquals("report", json.get("command").asText(), r.out());
        assertEquals(dir.resolve("report.html").toString(), json.get("report").asText(), r.out());
        assertEquals(1, json.get("studies").size(), r.out());
        assertTrue(Files.exists(dir.resolve("report.html")));
    }

    @Test
    void aDirectoryWithoutAStudyIsBadInput() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        StudyCommandTest.Result r = StudyCommandTest.run(new ReportCommand(), dir.resolve("empty").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("holds no study"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    /** The demo's layout with one sub-study that has no finished run yet: the others are drawn. */
    @Test
    void aSubStudyWithoutRunsIsSkippedWithAWarningAndTheOthersAreDrawn() throws IOException {
        Path a = dir.resolve("a");
        study(a);
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.copy(a.resolve("study.json"), b.resolve("study.json"));
        Files.writeString(b.resolve("journal.jsonl"), "");
        StudyCommandTest.Result r = StudyCommandTest.run(new ReportCommand(), dir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("warning: skipped " + b + ": " + b.resolve("journal.jsonl") + " holds no finished run\n",
                r.err().replace("\r", ""));
        var json = new ObjectMapper().readTree(r.out());
        assertEquals(List.of(a.toString()), List.of(json.get("studies").get(0).asText()), r.out());
        assertEquals(1, json.get("studies").size(), r.out());
        assertEquals(b.toString(), json.get("skipped").get(0).get("dir").asText(), r.out());
        assertTrue(json.get("skipped").get(0).get("reason").asText().endsWith("holds no finished run"), r.out());
        assertTrue(Files.readString(dir.resolve("report.html")).contains("data-figure="), "a's figures are drawn");

        Files.writeString(a.resolve("journal.jsonl"), "");
        StudyCommandTest.Result none = StudyCommandTest.run(new ReportCommand(), dir.toString());
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("warning: skipped " + a + ": ") && none.err().contains("warning: skipped " + b
                + ": "), none.err());
        assertTrue(none.err().endsWith("error: none of the 2 studies in " + dir + " could be drawn (each is named"
                + " above with why)\n"), none.err());
    }
}
