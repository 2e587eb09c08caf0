package org.oneneuron.io;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * One writer per study folder or output file: an exclusive operating-system lock
 * ({@link FileChannel#tryLock()}) on a lock file, {@code DIR/.oneneuron.lock} for a folder and
 * {@code .NAME.lock} beside a file. The operating system drops the lock when its process ends, so a
 * process killed with SIGKILL leaves no stale lock; the file itself stays (deleting it would let
 * two processes lock two different files of the same name).
 *
 * <p>The holder writes its pid, host, start time and command into the lock file; a process that
 * cannot take the lock reads them and fails at once with an {@link InUseException} naming the
 * folder and the holder, having written nothing. Within one process the lock is reentrant for the
 * thread that holds it (the CLI locks a study folder, then the runner locks it again) and refused
 * to every other thread.
 *
 * <p>Caveat of POSIX locks: closing any other descriptor of the lock file in the holding process
 * releases the lock, so nothing here reads the lock file while holding it, and callers must not
 * either.
 */
public final class WriterLock implements AutoCloseable {

    /** The lock file's name inside a locked folder. */
    public static final String FOLDER_LOCK = ".oneneuron.lock";

    private static final Map<Path, WriterLock> HELD = new HashMap<>();

    private final Path key;
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private final Thread owner;
    private int holds;

    private WriterLock(Path key, Path lockFile, FileChannel channel, FileLock lock) {
        this(key, lockFile, channel, lock, 1);
    }

    private WriterLock(Path key, Path lockFile, FileChannel channel, FileLock lock, int holds) {
        this.key = key;
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
        this.owner = Thread.currentThread();
        this.holds = holds;
    }

    /**
     * Locks a folder (created when missing) for one writer.
     *
     * @param dir     the folder, e.g. a study's --out
     * @param command what the holder is doing, recorded for others to read (e.g. "oneneuron study")
     * @throws InUseException       when another process or thread holds it
     * @throws WriteFailedException when the folder or the lock file cannot be created
     */
    public static WriterLock folder(Path dir, String command) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new WriteFailedException("cannot create the folder " + dir, e, "nothing was written");
        }
        return acquire(dir.resolve(FOLDER_LOCK), dir.toString(), "a folder", command);
    }

    /**
     * Locks an output file (e.g. a model and its checkpoint) for one writer; the lock file is
     * {@code .NAME.lock} in the same folder, which is created when missing. A symbolic link is
     * followed: the lock lies beside the file it finally points to, where {@link AtomicFiles}
     * writes. A target that {@link AtomicFiles} writes in place (a device such as
     * {@code /dev/null}, a FIFO, {@code /dev/stdout}) takes no lock and leaves no lock file (none belongs in
     * {@code /dev}); the returned lock then holds nothing and {@link #lockFile()} is null.
     */
    public static WriterLock beside(Path file, String command) {
        if (AtomicFiles.inPlaceKind(file) != null) {
            return new WriterLock(null, null, null, null, 0);
        }
        Path lockFile;
        try {
            lockFile = AtomicFiles.beside(file, name -> "." + name + ".lock");
        } catch (IOException e) {
            throw new WriteFailedException("cannot lock " + file, e, "nothing was written");
        }
        try {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new WriteFailedException("cannot create the folder of " + file, e, "nothing was written");
        }
        return acquire(lockFile, file.toString(), "an output file", command);
    }

    /** The lock file; null for the lock of a device or FIFO, which holds nothing. */
    public Path lockFile() {
        return lockFile;
    }

    private static WriterLock acquire(Path lockFile, String name, String kind, String command) {
        Path key = canonical(lockFile);
        synchronized (HELD) {
            WriterLock held = HELD.get(key);
            if (held != null) {
                if (held.owner == Thread.currentThread()) {
                    held.holds++;
                    return held;
                }
                throw new InUseException(name + " is in use by another task of this process (thread '"
                        + held.owner.getName() + "'); only one writer may use " + kind + " at a time");
            }
            FileChannel channel = null;
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    String holder = holder(channel);
                    throw new InUseException(name + " is in use: another oneneuron process holds its lock ("
                            + holder + "). Wait for it to finish or stop it; only one process may write "
                            + kind + " at a time. Lock file: " + lockFile);
                }
                WriterLock acquired = new WriterLock(key, lockFile, channel, lock);
                channel = null;
                acquired.record(command);
                HELD.put(key, acquired);
                return acquired;
            } catch (IOException e) {
                throw new WriteFailedException("cannot lock " + name + " (lock file " + lockFile + ")", e,
                        "nothing was written");
            } finally {
                closeQuietly(channel);
            }
        }
    }

    /**
     * Writes who holds the lock, for a refused process to read. Best effort: on a full disk the
     * lock still holds, and a refused process then says the holder did not record itself.
     */
    private void record(String command) {
        ProcessHandle self = ProcessHandle.current();
        String started = self.info().startInstant().map(i -> i.truncatedTo(ChronoUnit.SECONDS).toString())
                .orElse("unknown");
        String text = "pid " + self.pid() + "\nhost " + host() + "\nstarted " + started
                + "\nlocked " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\ncommand " + command + "\n";
        try {
            channel.truncate(0);
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            long position = 0;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(false);
        } catch (IOException ignored) {
            // The lock is what matters; the record only helps the message of a refused process.
        }
    }

    /** "pid 4242 on host box, started 2026-12-02T03:25:00Z, command oneneuron study". */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        long position = 0;
        int read;
        while (buffer.hasRemaining() && (read = channel.read(buffer, position)) > 0) {
            position += read;
        }
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                fields.put(line.substring(0, space), line.substring(space + 1).trim());
            }
        }
        if (!fields.containsKey("pid")) {
            return "it has not yet recorded who it is";
        }
        return "pid " + fields.get("pid") + " on host " + fields.getOrDefault("host", "?") + ", started "
                + fields.getOrDefault("started", "?") + ", command " + fields.getOrDefault("command", "?");
    }

    private static String host() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException | RuntimeException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException | RuntimeException e2) {
                return "unknown";
            }
        }
    }

    private static Path canonical(Path lockFile) {
        try {
            Path absolute = lockFile.toAbsolutePath();
            return absolute.getParent().toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            return lockFile.toAbsolutePath().normalize();
        }
    }

    /** Releases one hold; the last one releases the lock (the lock file stays). */
    @Override
    public void close() {
        synchronized (HELD) {
            if (holds == 0 || --holds > 0) {
                return;
            }
            HELD.remove(key);
            try {
                lock.release();
            } catch (IOException ignored) {
                // Closing the channel below releases it as well.
            } finally {
                closeQuietly(channel);
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a descriptor cannot lose data here: the lock file holds no data of value.
        }
    }
}
