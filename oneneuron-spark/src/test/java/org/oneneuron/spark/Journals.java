package org.oneneuron.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Journal lines compared as the issue asks: line for line, bit for bit, wall-clock field aside. */
final class Journals {

    private static final Pattern SECONDS = Pattern.compile("\"seconds\":[^,]*,");
    private static final Pattern RUN_INDEX = Pattern.compile("^\\{\"run_index\":([0-9]+),");

    private Journals() {
    }

    /** The journal's lines, "seconds" cut out of each, in run order (a parallel study appends in finishing order). */
    static List<String> comparable(Path journal) throws IOException {
        return Files.readAllLines(journal, StandardCharsets.UTF_8).stream()
                .map(line -> SECONDS.matcher(line).replaceFirst(""))
                .sorted(Comparator.comparingInt(Journals::runIndex))
                .toList();
    }

    /** Lines written so far (0 when the file does not exist yet). */
    static long lines(Path journal) {
        try {
            return Files.exists(journal) ? Files.readAllLines(journal, StandardCharsets.UTF_8).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    static int runIndex(String line) {
        Matcher m = RUN_INDEX.matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("not a journal line: " + line);
        }
        return Integer.parseInt(m.group(1));
    }
}
