package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shutdown hook behind "interrupted ..." lines, run directly (no signals): it prints what the
 * command recorded at that moment, and a command that ends withdraws it.
 */
class InterruptNoticeTest {

    @TempDir
    Path dir;

    @Test
    void theHookPrintsTheCurrentMessageAndIsWithdrawnWhenTheWorkEnds() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicReference<String> message = new AtomicReference<>();
        InterruptNotice notice = InterruptNotice.install(message::get, err);
        notice.runHook();
        assertEquals("", err.toString(StandardCharsets.UTF_8), "no message, no line");
        message.set("interrupted with 3 of 8 runs finished");
        notice.runHook();
        assertEquals("interrupted with 3 of 8 runs finished" + System.lineSeparator(),
                err.toString(StandardCharsets.UTF_8));
        notice.close();
        notice.close(); // twice is harmless
    }

    /** train --checkpoint-every: where the last checkpoint is, or that there is none yet. */
    @Test
    void aCheckpointedTrainSaysWhereItsLastCheckpointIs() {
        Path model = dir.resolve("m.json");
        assertEquals(null, Checkpoints.interrupted(model, 0, false, null), "no checkpoints, nothing to say");
        assertEquals(null, Checkpoints.interrupted(null, 0, false, null));
        assertEquals("interrupted before the first checkpoint (every 500 steps); nothing was kept",
                Checkpoints.interrupted(model, 500, false, null));
        assertEquals("interrupted before the first checkpoint (every 500 steps); the checkpoint it resumed from,"
                + " if any, is unchanged", Checkpoints.interrupted(model, 500, true, null));
        assertEquals("interrupted; the checkpoint " + dir.resolve("m.json.checkpoint") + " holds 1500 steps: run"
                + " the same command with --resume to continue from it",
                Checkpoints.interrupted(model, 500, false, "1500"));
    }
}
