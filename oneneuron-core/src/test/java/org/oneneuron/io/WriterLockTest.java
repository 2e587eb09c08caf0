package org.oneneuron.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterLockTest {

    @TempDir
    Path dir;

    @Test
    void reentrantForItsThreadRefusedToOthersReleasedByTheLastHold() throws Exception {
        Path study = dir.resolve("study");
        try (WriterLock outer = WriterLock.folder(study, "outer")) {
            try (WriterLock inner = WriterLock.folder(study, "inner")) {
                assertSame(outer, inner);
            }
            InUseException e = CompletableFuture.supplyAsync(() -> assertThrows(InUseException.class,
                    () -> WriterLock.folder(study, "other thread"))).get();
            assertTrue(e.getMessage().startsWith(study + " is in use by another task of this process"),
                    e.getMessage());
        }
        CompletableFuture.runAsync(() -> WriterLock.folder(study, "after release").close()).get();
    }

    @Test
    void anotherProcessIsRefusedWithTheHolderNamedAndKill9LeavesNoStaleLock() throws Exception {
        Path study = dir.resolve("study");
        Process holder = ChildProcesses.holdLock(study, false);
        try {
            InUseException e = assertThrows(InUseException.class, () -> WriterLock.folder(study, "second"));
            String m = e.getMessage();
            assertTrue(m.startsWith(study + " is in use: another oneneuron process holds its lock (pid "
                    + holder.pid() + " on host "), m);
            assertTrue(m.contains("command lock-holder test") && m.contains("started 20"), m);
            assertTrue(m.contains("Lock file: " + study.resolve(WriterLock.FOLDER_LOCK)), m);
            assertEquals(1, Files.list(study).count(), "the refused process wrote nothing: only the lock file");
        } finally {
            ChildProcesses.kill(holder);
        }
        assertEquals(137, holder.exitValue(), "SIGKILL");
        try (WriterLock lock = WriterLock.folder(study, "after kill -9")) {
            assertTrue(Files.exists(lock.lockFile()));
        }
    }

    @SuppressWarnings("try") // the lock is held for the block and never read
    @Test
    void anOutputFileIsLockedBesideItWithoutLockingItsFolder() throws Exception {
        Path model = dir.resolve("model.json");
        Process holder = ChildProcesses.holdLock(model, true);
        try {
            InUseException e = assertThrows(InUseException.class, () -> WriterLock.beside(model, "train"));
            assertTrue(e.getMessage().startsWith(model + " is in use: another oneneuron process holds its lock"
                    + " (pid " + holder.pid()), e.getMessage());
            try (WriterLock other = WriterLock.beside(dir.resolve("other.json"), "train")) {
                assertTrue(Files.exists(dir.resolve(".other.json.lock")));
            }
            assertFalse(Files.exists(model), "nothing written");
        } finally {
            ChildProcesses.kill(holder);
        }
    }

    @SuppressWarnings("try") // the lock is held for the block and never read
    @Test
    void aSymlinkIsLockedBesideTheFileItPointsTo() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Path link = Files.createSymbolicLink(out.resolve("link.json"), Path.of("../real/m.json"));
        try (WriterLock lock = WriterLock.beside(link, "train")) {
            assertTrue(Files.exists(real.resolve(".m.json.lock")), "the lock lies beside the link's target");
            assertFalse(Files.exists(out.resolve(".link.json.lock")));
            InUseException e = CompletableFuture.supplyAsync(() -> assertThrows(InUseException.class,
                    () -> WriterLock.beside(real.resolve("m.json"), "other thread"))).get();
            assertTrue(e.getMessage().contains("is in use by another task of this process"), e.getMessage());
        }
    }

    @Test
    void aFifoTakesNoLockAndGetsNoLockFileBesideIt() throws Exception {
        Path fifo = AtomicFilesTest.mkfifo(dir.resolve("pipe"));
        try (WriterLock lock = WriterLock.beside(fifo, "train")) {
            assertEquals(null, lock.lockFile());
            assertEquals(1, Files.list(dir).count(), "no lock file beside a FIFO (or in /dev beside a device)");
        }
    }
}
