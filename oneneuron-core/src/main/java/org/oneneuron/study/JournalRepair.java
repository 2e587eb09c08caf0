package org.oneneuron.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oneneuron.io.AtomicFiles;
import org.oneneuron.io.WriteFailedException;
import org.oneneuron.io.WriterLock;

/**
 * Repairs a study's journal, never silently: every damaged line (not a complete journal object,
 * a torn write), every duplicate (a run index already on an earlier line) and every line whose run
 * is not the study's (its config differs from study.json's spec at that index) is moved to
 * {@value #DAMAGED}, one JSON object per line with its original line number, the reason and its
 * text; the good lines stay, in order. The next {@code study} then redoes the missing runs.
 *
 * <p>Crash-safe: the moved lines are appended and forced to disk first, then the journal is
 * replaced atomically ({@link AtomicFiles}); a crash in between leaves the old journal whole and a
 * second repair appends the same lines again. The study folder's {@link WriterLock} is held
 * throughout, so a repair never races a running study.
 */
public final class JournalRepair {

    /** Where moved lines go, beside the journal. */
    public static final String DAMAGED = "journal.damaged.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a repair did.
     *
     * @param journal the journal file
     * @param kept    whole lines kept (finished runs)
     * @param moved   the lines moved aside, in file order
     * @param damaged the file they went to
     */
    public record Report(Path journal, int kept, List<MovedLine> moved, Path damaged) {
        public Report {
            moved = List.copyOf(moved);
        }
    }

    /**
     * One moved line.
     *
     * @param number its 1-based line number in the journal before the repair
     * @param reason why it was moved
     */
    public record MovedLine(int number, String reason) {
    }

    private JournalRepair() {
    }

    /**
     * Repairs {@code dir}/journal.jsonl.
     *
     * @throws IllegalArgumentException when the folder does not exist, is a file or holds no journal
     * @throws org.oneneuron.io.InUseException when a study is running in the folder
     * @throws WriteFailedException when a write fails (the journal is then unchanged)
     */
    @SuppressWarnings("try") // the lock is held for the block and never read
    public static Report repair(Path dir) {
        if (!Files.exists(dir)) { // in the words of `oneneuron report`
            throw new IllegalArgumentException(dir + ": no such directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is a file; give a study directory");
        }
        Path journal = dir.resolve(StudyRunner.JOURNAL);
        if (!Files.isRegularFile(journal)) {
            throw new IllegalArgumentException(dir + " holds no study journal (" + StudyRunner.JOURNAL + ")");
        }
        try (WriterLock lock = WriterLock.folder(dir, "oneneuron study --repair")) {
            List<RunSpec> runs = plannedRuns(dir);
            byte[] bytes = read(journal);
            StringBuilder keep = new StringBuilder();
            StringBuilder aside = new StringBuilder();
            List<MovedLine> moved = new ArrayList<>();
            int kept = 0;
            int blanks = 0;
            String when = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            for (JournalScan.Line line : JournalScan.lines(bytes)) {
                String reason = switch (line.kind()) {
                    case BLANK -> null;
                    case DAMAGED -> "damaged: " + line.problem();
                    case DUPLICATE -> "duplicate: " + line.problem();
                    case ENTRY -> foreign(line.entry(), runs).orElse(null);
                };
                if (line.kind() == JournalScan.Kind.BLANK) {
                    blanks++;
                    continue;
                }
                if (reason == null) {
                    keep.append(line.text()).append('\n');
                    kept++;
                } else {
                    moved.add(new MovedLine(line.number(), reason));
                    aside.append(record(line, reason, when)).append('\n');
                }
            }
            Path damaged = dir.resolve(DAMAGED);
            if (!moved.isEmpty() || blanks > 0) {
                if (!moved.isEmpty()) {
                    append(damaged, aside.toString());
                }
                AtomicFiles.writeString(journal, keep.toString());
            }
            return new Report(journal, kept, moved, damaged);
        }
    }

    /** The study's runs from study.json, or empty when there is none to check against. */
    private static List<RunSpec> plannedRuns(Path dir) {
        Path manifest = dir.resolve("study.json");
        return Files.isRegularFile(manifest) ? StudyManifest.read(manifest).spec().expand() : List.of();
    }

    /** Why a parsed entry is not this study's run, if it is not. */
    private static Optional<String> foreign(JournalEntry entry, List<RunSpec> runs) {
        int index = entry.runIndex();
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        if (index < 0 || index >= runs.size()) {
            return Optional.of("not this study's: run " + index + " is outside 0.." + (runs.size() - 1));
        }
        return runs.get(index).equals(entry.run()) ? Optional.empty()
                : Optional.of("not this study's: run " + index + " has another config than study.json");
    }

    private static String record(JournalScan.Line line, String reason, String when) {
        ObjectNode node = JSON.createObjectNode();
        node.put("line", line.number());
        node.put("reason", reason);
        node.put("repaired_at", when);
        node.put("text", line.text());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the record of line " + line.number(), e);
        }
    }

    private static byte[] read(Path journal) {
        try {
            return Files.readAllBytes(journal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + journal + ": " + e.getMessage(), e);
        }
    }

    /** Appends whole lines and forces them to disk; on failure cuts the file back. */
    private static void append(Path file, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long before = -1;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            before = channel.size();
            channel.position(before);
            try {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            } catch (IOException e) {
                channel.truncate(before);
                throw e;
            }
        } catch (IOException e) {
            throw new WriteFailedException("cannot write " + file, e, "the journal was not changed");
        }
    }
}
