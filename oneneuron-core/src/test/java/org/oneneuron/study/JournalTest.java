package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    private final List<RunSpec> runs = StudyFixtures.caseA(2, 200).expand();
    private final TrainerRunFunction function = new TrainerRunFunction();

    @Test
    void appendedEntriesComeBackIdentical() {
        Path file = dir.resolve("journal.jsonl");
        JournalEntry e0 = new JournalEntry(runs.get(0), function.run(runs.get(0)));
        JournalEntry e3 = new JournalEntry(runs.get(3), function.run(runs.get(3)));
        try (Journal j = Journal.open(file)) {
            j.append(e0);
            j.append(e3);
            assertThrows(IllegalStateException.class, () -> j.append(e0));
        }
        try (Journal j = Journal.open(file)) {
            assertEquals(List.of(0, 3), List.copyOf(j.entries().keySet()));
            assertEquals(e0, j.entries().get(0));
            assertEquals(e3, j.entries().get(3));
            assertEquals(0, j.droppedTornLines());
        }
    }

    @Test
    void aGroupIsWrittenAsTheSameLinesAsOneByOneAndADuplicateWritesNothing() throws IOException {
        List<JournalEntry> group = List.of(new JournalEntry(runs.get(2), function.run(runs.get(2))),
                new JournalEntry(runs.get(0), function.run(runs.get(0))));
        Path single = dir.resolve("single.jsonl");
        Path grouped = dir.resolve("grouped.jsonl");
        try (Journal j = Journal.open(single)) {
            group.forEach(j::append);
        }
        try (Journal j = Journal.open(grouped)) {
            j.appendAll(group);
            long size = Files.size(grouped);
            JournalEntry again = group.get(1);
            JournalEntry fresh = new JournalEntry(runs.get(1), function.run(runs.get(1)));
            assertThrows(IllegalStateException.class, () -> j.appendAll(List.of(fresh, again)));
            assertThrows(IllegalStateException.class, () -> j.appendAll(List.of(fresh, fresh)));
            assertEquals(size, Files.size(grouped), "a refused group writes nothing");
            assertEquals(List.of(0, 2), List.copyOf(j.entries().keySet()));
        }
        assertEquals(Files.readString(single, StandardCharsets.UTF_8), Files.readString(grouped, StandardCharsets.UTF_8));
        try (Journal j = Journal.open(grouped)) {
            assertEquals(group.get(0), j.entries().get(2));
        }
    }

    @Test
    void tornLastLineIsDroppedAndCutOff() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        JournalEntry e0 = new JournalEntry(runs.get(0), function.run(runs.get(0)));
        String line = JournalCodec.toLine(new JournalEntry(runs.get(1), function.run(runs.get(1))));
        try (Journal j = Journal.open(file)) {
            j.append(e0);
        }
        long good = Files.size(file);
        Files.writeString(file, line.substring(0, line.length() / 2), StandardOpenOption.APPEND);
        try (Journal j = Journal.open(file)) {
            assertEquals(1, j.droppedTornLines());
            assertEquals(List.of(0), List.copyOf(j.entries().keySet()));
        }
        assertEquals(good, Files.size(file), "the torn bytes are truncated away");
    }

    @Test
    void damagedMiddleLineIsAnErrorNamingTheLine() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        JournalEntry e0 = new JournalEntry(runs.get(0), function.run(runs.get(0)));
        Files.writeString(file, "{\"broken\":\n" + JournalCodec.toLine(e0) + "\n", StandardCharsets.UTF_8);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Journal.open(file));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }
}
