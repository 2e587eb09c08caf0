package org.oneneuron.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Writes a file so that it is always either the old one or the new one, never torn: the bytes go
 * to a temporary file in the same directory, are forced to disk, and the temporary file is then
 * renamed over the target in one step (and the directory forced, so the rename survives a power
 * cut). When any step fails (disk full, file size limit, permission, I/O error) the temporary file
 * is removed, the target is untouched, and a {@link WriteFailedException} says so. The temporary
 * file is created like any other new file, so a new target gets the permissions the process's umask
 * gives (e.g. readable by the group), not the owner-only ones of {@code Files.createTempFile}; a
 * regular file that is replaced keeps its own permissions (copied to the temporary file before the
 * rename, where the file system has POSIX permissions), as it would when overwritten in place.
 *
 * <p>What is at the target decides how it is written, as with {@code cp} or a shell's {@code >}:
 * a symbolic link is followed (the link stays, and the file it finally points to is replaced
 * atomically in its own folder; a dangling link gets its target created); a target that exists
 * and is neither a regular file nor a folder (a device such as {@code /dev/null}, a FIFO), or is
 * reached through a process's open file descriptor ({@code /dev/stdout}), is opened and written
 * in place, not atomically, so that it stays what it is; a socket, which cannot be opened, is
 * refused. A folder at the target is refused by the rename, which leaves it
 * unchanged.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    public static void writeString(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code bytes} to {@code target} atomically.
     *
     * @throws WriteFailedException naming the target and the cause; the target is unchanged
     */
    public static void write(Path target, byte[] bytes) {
        String special = inPlaceKind(target);
        if (special != null) {
            writeInPlace(target, special, bytes);
            return;
        }
        Path absolute;
        try {
            absolute = followLinks(target);
        } catch (IOException e) {
            throw new WriteFailedException("cannot write " + target, e, target + " is unchanged");
        }
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = createTemp(dir, absolute.getFileName().toString(), bytes, permissionsOf(absolute));
            moveOver(temp, absolute);
            temp = null;
            forceDirectory(dir);
        } catch (IOException e) {
            boolean existed = Files.exists(absolute);
            throw new WriteFailedException("cannot write " + target, e,
                    existed ? target + " is unchanged" : "nothing was written");
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * The path a write to {@code target} lands on: {@code target} made absolute and, while it is a
     * symbolic link, replaced by what the link points to (a relative link read from the link's
     * folder). The result is no link, though it may not exist (a dangling link's target).
     *
     * @throws IOException when a link cannot be read or the links go round in a loop
     */
    public static Path followLinks(Path target) throws IOException {
        Path path = target.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(path); hops++) {
            if (hops >= MAX_LINKS) {
                throw new FileSystemException(target.toString(), null,
                        "too many levels of symbolic links (a loop?)");
            }
            path = path.getParent().resolve(Files.readSymbolicLink(path));
        }
        return path;
    }

    private static final int MAX_LINKS = 40;

    /**
     * A file that belongs beside the one a write to {@code target} lands on (a lock file, a
     * checkpoint): named {@code name} applied to that file's name, in its folder, links followed
     * as {@link #followLinks} does; {@code target}'s own folder in the user's words when it is
     * no link.
     *
     * @throws IOException when a link cannot be read or the links go round in a loop
     */
    public static Path beside(Path target, UnaryOperator<String> name) throws IOException {
        Path absolute = followLinks(target);
        Path file = absolute.equals(target.toAbsolutePath()) ? target : absolute;
        return file.resolveSibling(name.apply(absolute.getFileName().toString()));
    }

    /**
     * Why {@code target} is written in place rather than replaced, in words, or null when it is
     * replaced atomically: it exists (links followed) and is neither a regular file nor a folder
     * ({@link #specialKind}), or a link on its way is one of a process's open file descriptors
     * ({@code /dev/stdout}, {@code /dev/fd/N}, {@code /proc/PID/fd/N}): that names what the
     * descriptor has open (a pipe, a terminal, the file a shell's {@code >} opened), which a
     * rename would not reach.
     */
    public static String inPlaceKind(Path target) {
        Path path = target.toAbsolutePath();
        String kind = specialKind(path);
        if (kind != null) {
            return kind;
        }
        try {
            for (int hops = 0; hops < MAX_LINKS && Files.isSymbolicLink(path); hops++) {
                if (path.getParent().toRealPath().startsWith(PROC)) {
                    return "an open file descriptor";
                }
                path = path.getParent().resolve(Files.readSymbolicLink(path));
            }
        } catch (IOException e) {
            // A link that cannot be read: the write itself says so.
        }
        return null;
    }

    private static final Path PROC = Path.of("/proc");

    /**
     * What {@code path} (followed through links) is when it exists and is neither a regular file
     * nor a folder, in words ("a character device", "a FIFO", ...); null for a regular file, a
     * folder, or nothing there. Such a target is written in place, and no lock or checkpoint file
     * belongs beside it.
     */
    static String specialKind(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return null; // nothing there (or unreadable): the write itself says what is wrong
        }
        if (attributes.isRegularFile() || attributes.isDirectory()) {
            return null;
        }
        if (path.getFileSystem().supportedFileAttributeViews().contains("unix")) { // not on Windows
            try {
                switch ((Integer) Files.getAttribute(path, "unix:mode") & 0170000) {
                    case 0020000: return "a character device";
                    case 0060000: return "a block device";
                    case 0010000: return "a FIFO (named pipe)";
                    case 0140000: return SOCKET;
                    default: break;
                }
            } catch (IOException e) {
                // Gone or unreadable since: the general words below.
            }
        }
        return "a special file (not a regular file)";
    }

    private static final String SOCKET = "a socket";

    /**
     * Writes to an existing device or FIFO as a shell's {@code >} does: opened without creating or
     * replacing anything, written, closed. A FIFO's open waits for a reader, as it does for any
     * writer. Not atomic and not forced (a device or pipe has nothing to force).
     */
    private static void writeInPlace(Path target, String kind, byte[] bytes) {
        if (kind.equals(SOCKET)) {
            throw new WriteFailedException("cannot write " + target, new FileSystemException(target.toString(),
                    null, "it is a socket, which cannot be written as a file"), "nothing was written");
        }
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new WriteFailedException("cannot write " + target + " (" + kind + ")", e,
                    "it was written in place, so part of the output may have reached it");
        }
    }

    /**
     * The POSIX permissions of {@code path} when it is a regular file on a file system that has
     * them, for its replacement to keep; null otherwise (nothing there yet: the umask's default).
     */
    private static Set<PosixFilePermission> permissionsOf(Path path) throws IOException {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return null;
        }
        try {
            PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class);
            return attributes.isRegularFile() ? attributes.permissions() : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * A new file ".NAME.RANDOM.tmp" in {@code dir} holding {@code bytes}, forced to disk, created
     * with default permissions, then given {@code permissions} unless null. The name needs no
     * secure randomness (seeding SecureRandom cost a fresh JVM ~10 ms): CREATE_NEW fails on any
     * existing file or link, and a taken name is retried.
     */
    private static Path createTemp(Path dir, String name, byte[] bytes, Set<PosixFilePermission> permissions)
            throws IOException {
        for (int attempt = 0; ; attempt++) {
            String random = Long.toHexString(ThreadLocalRandom.current().nextLong());
            Path temp = dir.resolve("." + name + "." + random + ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (permissions != null) {
                    Files.setPosixFilePermissions(temp, permissions);
                }
                channel.force(true);
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            } catch (IOException e) {
                deleteQuietly(temp);
                throw e;
            }
        }
    }

    private static void moveOver(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so a plain rename is still a single step on every file system we know.
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Forces a directory's entries (the rename) to disk. Some platforms cannot open a directory as
     * a channel; there the rename is as durable as the file system makes it, which is no worse.
     */
    static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not supported here (e.g. Windows): nothing more can be done portably.
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The temporary file is only litter; the original error is what matters.
        }
    }
}
