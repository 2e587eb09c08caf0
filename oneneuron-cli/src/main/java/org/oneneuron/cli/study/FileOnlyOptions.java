package org.oneneuron.cli.study;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.oneneuron.cli.DataOptions;
import org.oneneuron.data.Datasets;
import org.oneneuron.study.StudyData;

/**
 * Where a study's options about reading labels apply. The label column ({@code --label}, the
 * spec's {@code label}) applies to CSV and ARFF files, not to a LIBSVM or IDX file (labels not a
 * column); the choice of classes ({@code --positive}, {@code --classes} and the spec's keys)
 * applies to every file. None applies to a built-in data set (its own labels, as {@code train}
 * says when it refuses them with one; also the study's own case-a).
 */
final class FileOnlyOptions {

    private static final String BUILTIN = "built-in";
    private static final String OWN_LABELS = "a built-in data set, with its own labels";

    private FileOnlyOptions() {
    }

    /** The label column: see {@link #check}. */
    static void label(List<String> data, String option, PrintWriter err) {
        check(data, option, "CSV and ARFF files", "has a label column", Datasets::labelsNotAColumn,
                why -> why + " labels are not a column", err);
    }

    /** The choice of classes ({@code --positive}, {@code --classes}): see {@link #check}. */
    static void classes(List<String> data, String option, PrintWriter err) {
        check(data, option, "data files", "is a file", file -> Optional.empty(), why -> why, err);
    }

    /**
     * Warns on {@code err} of each data set of the study the option does not apply to (a study may
     * mix them), e.g. "warning: --label does not apply to case-a (a built-in data set, with its
     * own labels); ignored".
     *
     * @param option     the option's words for the messages, e.g. "--label" or "the spec's label"
     * @param notForFile why the option does not apply to a file, or empty when it does
     * @throws IllegalArgumentException when it applies to none of them, naming each and why
     */
    private static void check(List<String> data, String option, String appliesTo, String noneHas,
                              Function<Path, Optional<String>> notForFile, Function<String, String> ignoredBecause,
                              PrintWriter err) {
        Map<String, String> ignored = new LinkedHashMap<>(); // data set -> why: its format, or built-in
        boolean applies = false;
        for (String name : data) {
            Path file = existingFile(name);
            if (file != null) {
                Optional<String> why = notForFile.apply(file);
                why.ifPresent(w -> ignored.put(name, w));
                applies |= why.isEmpty();
            } else if (DataOptions.builtin(name) || name.equals(StudyData.caseA().name())) {
                ignored.put(name, BUILTIN);
            }
        }
        if (!applies && !ignored.isEmpty()) {
            throw new IllegalArgumentException(option + " is for " + appliesTo + "; none of the study's data"
                    + (ignored.containsValue(BUILTIN) ? " sets" : " files") + " " + noneHas + " ("
                    + String.join(", ", ignored.entrySet().stream()
                    .map(e -> e.getKey() + ": " + (e.getValue().equals(BUILTIN) ? OWN_LABELS : e.getValue()))
                    .toList()) + ")");
        }
        ignored.forEach((name, why) -> err.println("warning: " + option + " does not apply to " + name + " ("
                + (why.equals(BUILTIN) ? OWN_LABELS : ignoredBecause.apply(why)) + "); ignored"));
    }

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
