package org.oneneuron.study;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One pass over a journal's bytes that sorts its lines: whole entries, damaged lines (not a
 * complete journal object), duplicates (a run index seen on an earlier good line) and blank lines.
 * {@link Journal#open} refuses damaged lines and duplicates but cuts off a torn last line;
 * {@link JournalRepair} moves all of them aside.
 */
final class JournalScan {

    /** What one line is. */
    enum Kind { ENTRY, DAMAGED, DUPLICATE, BLANK }

    /**
     * One line of the file.
     *
     * @param number  1-based line number
     * @param start   offset of its first byte
     * @param end     offset just past its newline (or the end of the file)
     * @param text    its text without the newline (UTF-8, malformed bytes replaced)
     * @param kind    what it is
     * @param entry   the entry for ENTRY and DUPLICATE lines, else null
     * @param problem why it is DAMAGED or DUPLICATE, else empty
     * @param last    whether it is the file's last line (a torn write can only be there)
     */
    record Line(int number, long start, long end, String text, Kind kind, JournalEntry entry,
                String problem, boolean last) {
    }

    private JournalScan() {
    }

    static List<Line> lines(byte[] bytes) {
        List<Line> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int start = 0;
        int number = 0;
        while (start < bytes.length) {
            number++;
            int newline = indexOf(bytes, (byte) '\n', start);
            int stop = newline < 0 ? bytes.length : newline;
            int end = newline < 0 ? bytes.length : newline + 1;
            boolean last = end >= bytes.length;
            String text = new String(bytes, start, stop - start, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                out.add(new Line(number, start, end, text, Kind.BLANK, null, "", last));
            } else if (newline < 0) {
                out.add(new Line(number, start, end, text, Kind.DAMAGED, null,
                        "torn: the line has no end (" + text.length() + " characters)", last));
            } else {
                try {
                    JournalEntry entry = JournalCodec.fromLine(text);
                    boolean duplicate = !seen.add(entry.runIndex());
                    out.add(new Line(number, start, end, text, duplicate ? Kind.DUPLICATE : Kind.ENTRY, entry,
                            duplicate ? "run " + entry.runIndex() + " appears on an earlier line" : "", last));
                } catch (IllegalArgumentException e) {
                    out.add(new Line(number, start, end, text, Kind.DAMAGED, null, e.getMessage(), last));
                }
            }
            start = end;
        }
        return out;
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
