package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance (issue 13): a journal damaged in the middle (as two concurrent writers left one before
 * the folder lock existed) is refused with a message naming the repair; the repair moves the
 * damaged and duplicate lines aside with their line numbers; the resumed study then equals an
 * uninterrupted one.
 */
class JournalRepairTest {

    @TempDir
    Path dir;

    private static StudyRunner runner() {
        return new StudyRunner(new TrainerRunFunction(), 2, Duration.ZERO, StudyListener.none());
    }

    @Test
    void repairMovesDamagedAndDuplicateLinesThenResumeEqualsUninterrupted() throws Exception {
        StudySpec spec = StudyFixtures.caseA(4, 300);
        Path whole = dir.resolve("whole");
        StudyResult uninterrupted = runner().run(spec, whole);
        List<String> good = Files.readAllLines(whole.resolve(StudyRunner.JOURNAL));
        assertEquals(8, good.size());

        Path damaged = dir.resolve("damaged");
        Files.createDirectories(damaged);
        Files.copy(whole.resolve("study.json"), damaged.resolve("study.json"), StandardCopyOption.REPLACE_EXISTING);
        List<String> lines = new ArrayList<>(good);
        lines.set(2, good.get(2).substring(0, good.get(2).length() / 2) + good.get(5).substring(40)); // interleaved
        lines.set(4, good.get(1));                                                                // duplicate
        lines.add(6, "{\"run_index\": 3}");                                                       // incomplete
        Files.write(damaged.resolve(StudyRunner.JOURNAL), lines, StandardCharsets.UTF_8);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> runner().run(spec, damaged));
        assertTrue(refused.getMessage().contains("journal.jsonl, line 3: damaged journal line")
                && refused.getMessage().contains("Run 'oneneuron study --repair " + damaged + "'"),
                refused.getMessage());

        JournalRepair.Report report = JournalRepair.repair(damaged);
        assertEquals(List.of(3, 5, 7), report.moved().stream().map(JournalRepair.MovedLine::number).toList());
        int duplicated = JournalCodec.fromLine(good.get(1)).runIndex();
        assertEquals("duplicate: run " + duplicated + " appears on an earlier line", report.moved().get(1).reason());
        assertEquals(6, report.kept());
        List<String> aside = Files.readAllLines(damaged.resolve(JournalRepair.DAMAGED));
        assertEquals(3, aside.size());
        JsonNode first = new ObjectMapper().readTree(aside.get(0));
        assertEquals(3, first.get("line").asInt());
        assertEquals(lines.get(2), first.get("text").asText(), "the damaged line is kept verbatim");
        assertTrue(first.get("reason").asText().startsWith("damaged: "), first.toString());

        StudyResult resumed = runner().run(spec, damaged);
        assertEquals(6, resumed.resumed(), "the kept runs are not redone");
        assertEquals(StudyFixtures.withoutTiming(uninterrupted.entries()),
                StudyFixtures.withoutTiming(resumed.entries()));
        assertEquals(8, Files.readAllLines(damaged.resolve(StudyRunner.JOURNAL)).size());
        JournalRepair.Report again = JournalRepair.repair(damaged);
        assertTrue(again.moved().isEmpty(), "a whole journal needs no repair");
        assertEquals(3, Files.readAllLines(damaged.resolve(JournalRepair.DAMAGED)).size(), "nothing moved twice");
    }

    @Test
    void aFolderWithoutJournalIsBadInput() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JournalRepair.repair(empty));
        assertEquals(empty + " holds no study journal (journal.jsonl)", e.getMessage());
    }

    /** A missing folder or a file is named as such (as {@code report} does), not as a folder without a journal. */
    @Test
    void aMissingFolderOrAFileIsSaidToBeOne() throws Exception {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> JournalRepair.repair(dir.resolve("none")));
        assertEquals(dir.resolve("none") + ": no such directory", missing.getMessage());
        assertFalse(Files.exists(dir.resolve("none")), "nothing created");
        Path file = Files.writeString(dir.resolve("a-file"), "x\n");
        IllegalArgumentException notFolder = assertThrows(IllegalArgumentException.class,
                () -> JournalRepair.repair(file));
        assertEquals(file + " is a file; give a study directory", notFolder.getMessage());
        assertEquals("x\n", Files.readString(file), "the file is left as it was");
    }
}
