package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An MLP study's journal is what it was before studies took layer graphs: the test resources
 * study-before-layer-graphs/ hold a journal, spec.json and study.json written by main at that
 * time (see its README); today's code must write the same lines (wall times aside), read and
 * resume that folder, and write the same spec.json. The verdict words and reasons are left out of
 * the comparison: issue 17 changed the verdict rules on purpose ({@code not_converged}, verdicts
 * checked by the escape); every number of a line must still be the same.
 */
class StudyJournalCompatibilityTest {

    @TempDir
    Path dir;

    private static Path fixture() throws URISyntaxException {
        return Path.of(StudyJournalCompatibilityTest.class.getResource("/study-before-layer-graphs/README.md")
                .toURI()).getParent();
    }

    private static StudySpec spec() throws IOException, URISyntaxException {
        Path file = fixture().resolve("spec.json");
        return StudySpec.fromJson(Files.readString(file), file.toString());
    }

    /**
     * The lines in run order with the wall time set to 0 (the one number that is not reproducible)
     * and the verdict and its reason blanked (words of the verdict rules, not numbers).
     */
    private static List<String> reproducible(Path journal) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(journal)) {
            String numbers = line.replaceFirst("\"seconds\":[-+0-9.eE]+", "\"seconds\":0")
                    .replaceFirst("\"verdict\":\"[a-z_]*\",\"verdict_reason\":\"(?:[^\"\\\\]|\\\\.)*\"",
                            "\"verdict\":\"\",\"verdict_reason\":\"\"");
            if (numbers.equals(line) == line.contains("\"verdict\"")) {
                throw new AssertionError("no verdict found to blank in " + line);
            }
            lines.add(numbers);
        }
        lines.sort(Comparator.comparingInt(l -> JournalCodec.fromLine(l).run().runIndex()));
        return lines;
    }

    @Test
    void todaysCodeWritesTheSameJournalLinesAsBefore() throws Exception {
        List<String> before = reproducible(fixture().resolve("journal.jsonl"));
        new StudyRunner(new TrainerRunFunction(), 2, Duration.ZERO, StudyListener.none()).run(spec(), dir);
        List<String> now = reproducible(dir.resolve(StudyRunner.JOURNAL));
        assertEquals(before.size(), now.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i), now.get(i), "run " + i);
        }
    }

    @Test
    void anOldJournalReadsWritesBackTheSameAndResumes() throws Exception {
        List<String> raw = Files.readAllLines(fixture().resolve("journal.jsonl"));
        for (String line : raw) {
            assertEquals(line, JournalCodec.toLine(JournalCodec.fromLine(line)));
        }
        Files.copy(fixture().resolve("study.json"), dir.resolve("study.json"));
        Files.write(dir.resolve(StudyRunner.JOURNAL), raw.subList(0, raw.size() - 3));
        AtomicInteger ran = new AtomicInteger();
        StudyResult resumed = new StudyRunner(new TrainerRunFunction(), 1, Duration.ZERO, new StudyListener() {
            @Override
            public void finished(JournalEntry entry, int done, int total) {
                ran.incrementAndGet();
            }
        }).run(spec(), dir);
        assertEquals(raw.size() - 3, resumed.resumed());
        assertEquals(3, ran.get());
        assertEquals(reproducible(fixture().resolve("journal.jsonl")), reproducible(dir.resolve(StudyRunner.JOURNAL)));
    }

    @Test
    void anMlpSpecIsWrittenAsBefore() throws Exception {
        assertEquals(Files.readString(fixture().resolve("spec.json")), spec().toJson() + "\n");
    }
}
