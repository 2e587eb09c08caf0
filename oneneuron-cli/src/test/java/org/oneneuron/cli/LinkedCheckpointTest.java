package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.run.Model;

/**
 * {@code train --out LINK --checkpoint-every N}: the checkpoint lies beside the file the link
 * points to, with the lock file and the model, not beside the link (docs/RELIABILITY.md §3).
 */
class LinkedCheckpointTest {

    @TempDir
    Path dir;

    @Test
    void aLinkedOutputKeepsItsCheckpointBesideTheLinkedFileWithTheLock() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Path link = Files.createSymbolicLink(out.resolve("link.json"), Path.of("../real/m.json"));
        String[] diverging = {"train", TrainCommandTest.SMALL, "--hidden", "3", "--optimizer", "gd", "--lr", "1e3",
            "--steps", "50", "--checkpoint-every", "1", "--scaffold", "keep", "--out", link.toString()};
        Cli r = Cli.run(diverging);
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.toString());
        Path checkpoint = real.resolve("m.json.checkpoint");
        Path named = Checkpoints.path(link); // out/../real/m.json.checkpoint: the link's text, not normalized
        assertTrue(Files.isSameFile(checkpoint, named), named.toString());
        assertTrue(r.err().contains("the last checkpoint is " + named), r.err());
        assertEquals("1", Model.load(checkpoint).provenance().get("steps_done"));
        assertEquals(List.of(".m.json.lock", "m.json.checkpoint"), names(real));
        assertEquals(List.of("link.json"), names(out), "nothing beside the link");

        Cli resumed = Cli.run(TrainCommandTest.concat(diverging, "--resume"));
        assertTrue(resumed.err().contains("resuming from " + named + " after 1 step"), resumed.toString());
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
