package org.oneneuron.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that it is always either the old one or the new one, never torn: the bytes go
 * to a temporary file in the same directory, are forced to disk, and the temporary file is then
 * renamed over the target in one step (and the directory forced, so the rename survives a power
 * cut). When any step fails (disk full, file size limit, permission, I/O error) the temporary file
 * is removed, the target is untouched, and a {@link WriteFailedException} says so. The temporary
 * file is created like any other new file, so the result gets the permissions the process's umask
 * gives (e.g. readable by the group), not the owner-only ones of {@code Files.createTempFile}.
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
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = createTemp(dir, absolute.getFileName().toString(), bytes);
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
     * A new file ".NAME.RANDOM.tmp" in {@code dir} holding {@code bytes}, forced to disk, created
     * with default permissions. The name needs no secure randomness (seeding SecureRandom cost a
     * fresh JVM ~10 ms): CREATE_NEW fails on any existing file or link, and a taken name is retried.
     */
    private static Path createTemp(Path dir, String name, byte[] bytes) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String random = Long.toHexString(ThreadLocalRandom.current().nextLong());
            Path temp = dir.resolve("." + name + "." + random + ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
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
