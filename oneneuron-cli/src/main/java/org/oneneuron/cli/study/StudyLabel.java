package org.oneneuron.cli.study;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneneuron.cli.DataOptions;
import org.oneneuron.data.Datasets;
import org.oneneuron.study.StudyData;

/**
 * Where a study's label column ({@code --label}, or the spec's {@code label}) applies: to its CSV
 * and ARFF files. A LIBSVM or IDX file (labels not a column) and a built-in data set (its own
 * labels, as {@code train} says when it refuses {@code --label} with one; also the study's own
 * case-a) are read without it.
 */
final class StudyLabel {

    private StudyLabel() {
    }

    /**
     * Warns on {@code err} of each data set of the study the label does not apply to (a study may
     * mix them), e.g. "warning: --label does not apply to case-a (a built-in data set, with its
     * own labels); ignored".
     *
     * @param option the option's words for the messages: "--label" or "the spec's label"
     * @throws IllegalArgumentException when it applies to none of them, naming each and why
     */
    static void check(List<String> data, String option, PrintWriter err) {
        Map<String, String> ignored = new LinkedHashMap<>(); // data set -> why: its format, or built-in
        boolean applies = false;
        for (String name : data) {
            Path file = existingFile(name);
            if (file != null) {
                Optional<String> format = Datasets.labelsNotAColumn(file);
                format.ifPresent(f -> ignored.put(name, f));
                applies |= format.isEmpty();
            } else if (DataOptions.builtin(name) || name.equals(StudyData.caseA().name())) {
                ignored.put(name, BUILTIN);
            }
        }
        if (!applies && !ignored.isEmpty()) {
            throw new IllegalArgumentException(option + " is for CSV and ARFF files; none of the study's data"
                    + (ignored.containsValue(BUILTIN) ? " sets" : " files") + " has a label column ("
                    + String.join(", ", ignored.entrySet().stream()
                    .map(e -> e.getKey() + ": " + (e.getValue().equals(BUILTIN) ? OWN_LABELS : e.getValue()))
                    .toList()) + ")");
        }
        ignored.forEach((name, why) -> err.println("warning: " + option + " does not apply to " + name + " ("
                + (why.equals(BUILTIN) ? OWN_LABELS : why + " labels are not a column") + "); ignored"));
    }

    private static final String BUILTIN = "built-in";
    private static final String OWN_LABELS = "a built-in data set, with its own labels";

    /** The file a data name refers to, or null for a built-in (or a name that is neither). */
    private static Path existingFile(String name) {
        try {
            Path path = Path.of(name);
            return Files.exists(path) ? path : null;
        } catch (InvalidPathException e) {
            return null; // a built-in's parameters may hold characters no path can
        }
    }
}
