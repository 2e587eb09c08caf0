package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static String drive(Progress.Mode mode) {
        StringWriter sink = new StringWriter();
        Progress p = new Progress(new PrintWriter(sink), mode);
        p.start("train", 200);
        for (int step = 1; step <= 200; step++) {
            p.update(step, "loss 1.0");
        }
        p.finish();
        return sink.toString();
    }

    @Test
    void plainLinesAppearOncePerTenthAndEndAtTheTotal() {
        String text = drive(Progress.Mode.LINES);
        assertEquals(11, text.lines().count(), text); // 0%..90% (ten tenths) plus 100%
        assertTrue(text.lines().reduce((a, b) -> b).orElseThrow().startsWith("train: 200/200 (100%)"));
        assertTrue(!text.contains("\r"));
    }

    @Test
    void barRedrawsInPlaceAndEndsWithANewline() {
        String text = drive(Progress.Mode.BAR);
        assertTrue(text.contains("\rtrain [" + "#".repeat(30) + "] 100% 200/200"), text);
        assertTrue(text.endsWith("\n"));
        assertEquals(1, text.chars().filter(c -> c == '\n').count(), "one line, redrawn");
        assertEquals(101, text.chars().filter(c -> c == '\r').count(), "0%..100%");
    }

    @Test
    void silentPrintsNothing() {
        assertEquals("", drive(Progress.Mode.SILENT));
    }
}
