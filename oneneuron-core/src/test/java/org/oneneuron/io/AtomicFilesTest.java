package org.oneneuron.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link AtomicFiles} does with what is already at the target: a file, a link, a FIFO, a socket, a folder. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aRegularFileIsReplacedAndNoTemporaryFileIsLeft() throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(file, "old");
        AtomicFiles.writeString(file, "new");
        assertEquals("new", Files.readString(file));
        assertEquals(List.of("m.json"), names(dir));
    }

    /** A replaced file keeps its mode (also through a link); a new one gets the umask's, as any new file. */
    @Test
    void aReplacedFileKeepsItsPermissionsAndANewFileGetsTheDefaultOnes() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        Path file = dir.resolve("m.json");
        Files.writeString(file, "old");
        for (String mode : List.of("rw-------", "rwxr-x---", "r--r--r--", "rw-rw-rw-")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            AtomicFiles.writeString(file, "new " + mode);
            assertEquals("new " + mode, Files.readString(file));
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("m.json"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.writeString(link, "through the link");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Path plain = Files.writeString(dir.resolve("plain.json"), "made as any new file");
        Path fresh = dir.resolve("fresh.json");
        AtomicFiles.writeString(fresh, "new");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(fresh));
        assertEquals(List.of("fresh.json", "link.json", "m.json", "plain.json"), names(dir));
    }

    @Test
    void aSymlinkIsFollowedAndKeptAndItsTargetReplaced() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(real.resolve("m.json"), "old");
        Path link = Files.createSymbolicLink(out.resolve("link.json"), Path.of("../real/m.json"));
        Path chain = Files.createSymbolicLink(dir.resolve("chain.json"), Path.of("out/link.json"));

        AtomicFiles.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals(Path.of("../real/m.json"), Files.readSymbolicLink(link));
        assertEquals("new", Files.readString(real.resolve("m.json")));

        AtomicFiles.writeString(chain, "newer");
        assertTrue(Files.isSymbolicLink(chain) && Files.isSymbolicLink(link), "both links stay");
        assertEquals("newer", Files.readString(real.resolve("m.json")));
        assertEquals(List.of("m.json"), names(real), "no temporary file left");
        assertEquals(List.of("link.json"), names(out), "nothing written beside the link");
    }

    @Test
    void aDanglingSymlinkGetsItsTargetCreated() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real/new.json"));
        AtomicFiles.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real.resolve("new.json")));
    }

    @Test
    void symlinksInALoopAreRefusedAndLeftAlone() throws Exception {
        Path a = Files.createSymbolicLink(dir.resolve("a.json"), Path.of("b.json"));
        Path b = Files.createSymbolicLink(dir.resolve("b.json"), Path.of("a.json"));
        WriteFailedException e = assertThrows(WriteFailedException.class, () -> AtomicFiles.writeString(a, "x"));
        assertEquals("cannot write " + a + ": too many levels of symbolic links (a loop?); " + a + " is unchanged",
                e.getMessage());
        assertTrue(Files.isSymbolicLink(a) && Files.isSymbolicLink(b));
        assertEquals(List.of("a.json", "b.json"), names(dir));
    }

    /**
     * A FIFO is written in place and stays a FIFO (it was replaced by a regular file, its reader
     * getting nothing). The test holds the FIFO open for reading and writing itself, so that the
     * writer's open does not wait and the bytes sit in the pipe, read back after the write.
     */
    @Test
    void aFifoIsWrittenInPlaceAndStaysAFifo() throws Exception {
        Path fifo = mkfifo(dir.resolve("pipe"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("pipe"));
        byte[] text = "id,prediction\n1,0\n".getBytes(StandardCharsets.UTF_8);
        try (FileChannel reader = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            AtomicFiles.write(fifo, text);
            assertFalse(Files.isRegularFile(fifo), "the FIFO must not be replaced by a file");
            assertEquals("a FIFO (named pipe)", AtomicFiles.specialKind(fifo));
            assertArrayEquals(text, read(reader, text.length));

            AtomicFiles.write(link, text);
            assertTrue(Files.isSymbolicLink(link) && !Files.isRegularFile(fifo));
            assertArrayEquals(text, read(reader, text.length));
        }
        assertEquals(List.of("link", "pipe"), names(dir), "no temporary file left");
    }

    /**
     * A link to an open file descriptor, as {@code /dev/stdout} is when a shell's {@code >} opened
     * a file: the file the descriptor has open is written in place (a rename would leave the
     * descriptor on the old, unlinked file, or fail inside /proc).
     */
    @Test
    void aFileDescriptorLinkLikeDevStdoutIsWrittenInPlace() throws Exception {
        Path file = dir.resolve("out.csv");
        Files.writeString(file, "old");
        try (FileChannel open = FileChannel.open(file, StandardOpenOption.READ)) {
            Path descriptor = descriptorOf(file);
            Path stdout = Files.createSymbolicLink(dir.resolve("stdout"), descriptor);
            assertEquals("an open file descriptor", AtomicFiles.inPlaceKind(stdout));
            AtomicFiles.writeString(stdout, "new");
            assertEquals("new", new String(read(open, 3), StandardCharsets.UTF_8),
                    "the descriptor's own file holds the output");
            assertTrue(Files.isSymbolicLink(stdout));
        }
        assertEquals("new", Files.readString(file));
        assertEquals(List.of("out.csv", "stdout"), names(dir), "no temporary file left");
    }

    /** /proc/self/fd/N for the descriptor this process has open on {@code file}; skipped without /proc. */
    private static Path descriptorOf(Path file) throws java.io.IOException {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "no /proc/self/fd here");
        try (Stream<Path> all = Files.list(fds)) {
            for (Path fd : all.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).equals(file.toRealPath())) {
                        return fd;
                    }
                } catch (java.io.IOException e) {
                    // closed meanwhile (the listing's own descriptor)
                }
            }
        }
        assumeTrue(false, "the open file is not listed in /proc/self/fd");
        return null;
    }

    @Test
    void aSocketIsRefusedAndLeftAlone() throws Exception {
        Path socket = dir.resolve("s");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                server.bind(UnixDomainSocketAddress.of(socket));
            } catch (Exception e) {
                assumeTrue(false, "cannot bind a unix socket here: " + e);
            }
            WriteFailedException e = assertThrows(WriteFailedException.class,
                    () -> AtomicFiles.writeString(socket, "x"));
            assertEquals("cannot write " + socket + ": it is a socket, which cannot be written as a file;"
                    + " nothing was written", e.getMessage());
            assertEquals("a socket", AtomicFiles.specialKind(socket));
            assertFalse(Files.isRegularFile(socket));
        }
    }

    @Test
    void aFolderAtTheTargetIsRefusedAndUnchanged() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("m.json"));
        WriteFailedException e = assertThrows(WriteFailedException.class,
                () -> AtomicFiles.writeString(folder, "x"));
        assertEquals("cannot write " + folder + ": Is a directory; " + folder + " is unchanged", e.getMessage());
        assertTrue(Files.isDirectory(folder));
        assertEquals(List.of("m.json"), names(dir));
    }

    /** Makes a FIFO with the system's mkfifo; the test is skipped where there is none. */
    static Path mkfifo(Path path) throws InterruptedException {
        int code;
        try {
            code = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor();
        } catch (java.io.IOException e) {
            code = -1;
        }
        assumeTrue(code == 0 && Files.exists(path), "mkfifo is not available here");
        return path;
    }

    private static byte[] read(FileChannel channel, int n) throws java.io.IOException {
        ByteBuffer buffer = ByteBuffer.allocate(n);
        while (buffer.hasRemaining() && channel.read(buffer) > 0) {
            // a pipe may hand the bytes over in pieces
        }
        return buffer.array();
    }

    private static List<String> names(Path folder) throws java.io.IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
