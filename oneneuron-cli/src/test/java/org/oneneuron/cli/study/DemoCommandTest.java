package org.oneneuron.cli.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void smallDemoPrintsClaimsAndWritesTheReport() throws IOException {
        StudyCommandTest.Result r = StudyCommandTest.run(new DemoCommand(), "--restarts", "2",
                "--out", dir.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Case A") && r.out().contains("WDBC"), r.out());
        assertTrue(r.out().contains("skip-exp reaches near-zero total loss more often"), r.out());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("id=\"demo_case_a\"") && html.contains("id=\"demo_wdbc\""));
        assertEquals(6, Files.readAllLines(dir.resolve("demo-wdbc/journal.jsonl")).size());
        assertTrue(Files.exists(dir.resolve("figures/demo_wdbc_held_out_accuracy.svg")));
        assertTrue(Files.exists(dir.resolve("figures/demo_case_a_slice.png")), "landscape slice");
    }
}
