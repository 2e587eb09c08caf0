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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.oneneuron.io.WriteFailedException;

/**
 * The append-only JSON Lines journal of a study, one line per finished run, each line (or group of
 * lines, {@link #appendAll}) written whole and forced to disk ({@link FileChannel#force}) before the
 * next. Opening an existing
 * journal reads the finished runs; a torn last line (a kill while writing) is detected and cut
 * off, so a re-run redoes that run and never duplicates one. A damaged or duplicate line that is
 * not the last is an error naming its line number and the repair command ({@link JournalRepair}).
 *
 * <p>When an append fails (disk full, file size limit, permission lost, I/O error) the bytes of
 * the partial line are cut off again, so the file keeps only whole lines, and the journal refuses
 * every later append with the same {@link WriteFailedException}: a study stops at its first lost
 * run instead of leaving holes.
 */
public final class Journal implements Closeable {

    private static final System.Logger LOG = System.getLogger(Journal.class.getName());

    private final Path file;
    private final FileChannel channel;
    private final Map<Integer, JournalEntry> entries;
    private final int droppedTornLines;
    private WriteFailedException failure;

    private Journal(Path file, FileChannel channel, Map<Integer, JournalEntry> entries,
                    int droppedTornLines) {
        this.file = file;
        this.channel = channel;
        this.entries = entries;
        this.droppedTornLines = droppedTornLines;
    }

    /** Opens (creating if absent) the journal at {@code file}, reading what it holds. */
    public static Journal open(Path file) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            byte[] bytes = Files.readAllBytes(file);
            Map<Integer, JournalEntry> entries = new TreeMap<>();
            long goodEnd = 0;
            int dropped = 0;
            for (JournalScan.Line line : JournalScan.lines(bytes)) {
                switch (line.kind()) {
                    case ENTRY -> entries.put(line.entry().runIndex(), line.entry());
                    case BLANK -> { }
                    case DAMAGED -> {
                        if (!line.last()) {
                            throw new IllegalStateException(file + ", line " + line.number()
                                    + ": damaged journal line (" + line.problem() + "); only a torn last"
                                    + " line is dropped automatically. " + repairHint(file));
                        }
                        dropped++;
                        LOG.log(System.Logger.Level.WARNING, "{0}, line {1}: dropping a torn last line"
                                + " ({2} bytes); that run will be redone", file, line.number(),
                                line.end() - line.start());
                    }
                    case DUPLICATE -> throw new IllegalStateException(file + ", line " + line.number() + ": "
                            + line.problem() + " (two processes wrote this study at once?). " + repairHint(file));
                }
                if (line.kind() != JournalScan.Kind.DAMAGED) {
                    goodEnd = line.end();
                }
            }
            if (goodEnd < bytes.length) {
                channel.truncate(goodEnd);
                channel.force(true);
            }
            channel.position(goodEnd);
            Journal journal = new Journal(file, channel, entries, dropped);
            channel = null;
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + file + ": " + e.getMessage(), e);
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // The open failed already; that error is the one to report.
                }
            }
        }
    }

    /** What to run to move damaged or duplicate lines aside. */
    static String repairHint(Path file) {
        String folder = file.getParent() == null ? "." : file.getParent().toString();
        return "Run 'oneneuron study --repair " + folder + "' to move such lines to "
                + JournalRepair.DAMAGED + " (kept, with their line numbers), then re-run the study to redo"
                + " those runs";
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

    /** True after an append failed: every later append is refused. */
    public synchronized boolean failed() {
        return failure != null;
    }

    /**
     * Appends one finished run as one line and forces it to disk.
     *
     * @throws WriteFailedException when the write or the force fails (the partial line is cut off),
     *                              or an earlier append failed
     */
    public synchronized void append(JournalEntry entry) {
        if (failure != null) {
            throw new WriteFailedException(failure);
        }
        if (entries.containsKey(entry.runIndex())) {
            throw new IllegalStateException("run " + entry.runIndex() + " is already in " + file);
        }
        byte[] line = (JournalCodec.toLine(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        long before = -1;
        try {
            before = channel.position();
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            failure = new WriteFailedException("cannot append run " + entry.runIndex() + " to " + file, e,
                    cutBack(before) + "; the journal keeps the " + finishedBefore() + " finished before."
                            + " Fix the cause, then re-run the same command to resume");
            throw failure;
        }
        entries.put(entry.runIndex(), entry);
    }

    /**
     * Appends several finished runs as whole lines, written together and forced to disk once: the
     * group commit of a driver that receives runs faster than one force per run allows (a force
     * costs milliseconds). Until it returns, none of the group counts as journaled; a kill while
     * writing leaves whole lines and at most one torn last line, as {@link #append} does.
     *
     * @throws IllegalStateException when a run is already journaled or twice in the group (nothing is written)
     * @throws WriteFailedException  when the write or the force fails (the group's bytes are cut
     *                               off, none of it is journaled), or an earlier append failed
     */
    public synchronized void appendAll(List<JournalEntry> group) {
        if (failure != null) {
            throw new WriteFailedException(failure);
        }
        Set<Integer> indices = new HashSet<>();
        for (JournalEntry entry : group) {
            if (entries.containsKey(entry.runIndex()) || !indices.add(entry.runIndex())) {
                throw new IllegalStateException("run " + entry.runIndex() + " is already in " + file
                        + (entries.containsKey(entry.runIndex()) ? "" : " (twice in one group)"));
            }
        }
        if (group.isEmpty()) {
            return;
        }
        // Encoding a line costs more than writing it (a 40 KB line: ~2.5 ms); a group is encoded on
        // all cores, in order.
        StringBuilder text = new StringBuilder();
        group.parallelStream().map(JournalCodec::toLine).forEachOrdered(line -> text.append(line).append('\n'));
        long before = -1;
        try {
            before = channel.position();
            ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            failure = new WriteFailedException("cannot append runs " + group.get(0).runIndex() + ".."
                    + group.get(group.size() - 1).runIndex() + " to " + file, e, cutBack(before)
                    + "; the journal keeps the " + finishedBefore() + " finished before."
                    + " Fix the cause, then re-run the same command to resume");
            throw failure;
        }
        group.forEach(entry -> entries.put(entry.runIndex(), entry));
    }

    /** "1 run" or "N runs": the entries already in the journal. */
    private String finishedBefore() {
        return entries.size() + (entries.size() == 1 ? " run" : " runs");
    }

    /** Cuts a partial line off after a failed append; says what the file holds afterwards. */
    private String cutBack(long before) {
        if (before < 0) {
            return "nothing was written";
        }
        try {
            channel.truncate(before);
            channel.position(before);
            channel.force(false);
            return "no partial line is left";
        } catch (IOException e) {
            return "the partial line could not be removed (" + e.getMessage() + "); the next run of the"
                    + " study drops it as a torn last line";
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close journal " + file, e);
        }
    }
}
