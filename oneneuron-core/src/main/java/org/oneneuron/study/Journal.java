package org.oneneuron.study;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The append-only JSON Lines journal of a study, one line per finished run, each line written
 * whole and forced to disk ({@link FileChannel#force}) before the next. Opening an existing
 * journal reads the finished runs; a torn last line (a kill while writing) is detected and cut
 * off, so a re-run redoes that run and never duplicates one. A damaged line that is not the last
 * is an error naming its line number.
 */
public final class Journal implements Closeable {

    private static final System.Logger LOG = System.getLogger(Journal.class.getName());

    private final Path file;
    private final FileChannel channel;
    private final Map<Integer, JournalEntry> entries;
    private final int droppedTornLines;

    private Journal(Path file, FileChannel channel, Map<Integer, JournalEntry> entries,
                    int droppedTornLines) {
        this.file = file;
        this.channel = channel;
        this.entries = entries;
        this.droppedTornLines = droppedTornLines;
    }

    /** Opens (creating if absent) the journal at {@code file}, reading what it holds. */
    public static Journal open(Path file) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            byte[] bytes = Files.readAllBytes(file);
            Map<Integer, JournalEntry> entries = new TreeMap<>();
            int start = 0;
            int lineNumber = 0;
            long goodEnd = 0;
            int dropped = 0;
            while (start < bytes.length) {
                lineNumber++;
                int end = indexOf(bytes, (byte) '\n', start);
                boolean last = end < 0 || end == bytes.length - 1;
                String line = new String(bytes, start, (end < 0 ? bytes.length : end) - start,
                        StandardCharsets.UTF_8);
                JournalEntry entry = null;
                if (end >= 0 && !line.isBlank()) {
                    try {
                        entry = JournalCodec.fromLine(line);
                    } catch (IllegalArgumentException e) {
                        if (!last) {
                            throw new IllegalStateException(file + ", line " + lineNumber
                                    + ": damaged journal line (" + e.getMessage()
                                    + "); only a torn last line is dropped automatically", e);
                        }
                    }
                }
                if (entry == null && !line.isBlank()) {
                    dropped++;
                    LOG.log(System.Logger.Level.WARNING, "{0}, line {1}: dropping a torn last line"
                            + " ({2} bytes); that run will be redone", file, lineNumber, line.length());
                    break;
                }
                if (entry != null && entries.putIfAbsent(entry.runIndex(), entry) != null) {
                    throw new IllegalStateException(file + ", line " + lineNumber + ": run "
                            + entry.runIndex() + " appears twice");
                }
                goodEnd = end < 0 ? bytes.length : end + 1;
                start = (int) goodEnd;
            }
            if (goodEnd < bytes.length) {
                channel.truncate(goodEnd);
                channel.force(true);
            }
            channel.position(goodEnd);
            return new Journal(file, channel, entries, dropped);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + file, e);
        }
    }

    /** The finished runs read at open time plus those appended since, by run index. */
    public synchronized Map<Integer, JournalEntry> entries() {
        return Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    /** True when run {@code runIndex} is finished. */
    public synchronized boolean contains(int runIndex) {
        return entries.containsKey(runIndex);
    }

    /** Number of torn lines dropped when opening (0 or 1). */
    public int droppedTornLines() {
        return droppedTornLines;
    }

    /** Appends one finished run as one line and forces it to disk. */
    public synchronized void append(JournalEntry entry) {
        if (entries.containsKey(entry.runIndex())) {
            throw new IllegalStateException("run " + entry.runIndex() + " is already in " + file);
        }
        byte[] line = (JournalCodec.toLine(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append run " + entry.runIndex() + " to " + file, e);
        }
        entries.put(entry.runIndex(), entry);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close journal " + file, e);
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
