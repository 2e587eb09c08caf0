package org.oneneuron.cli.study;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.oneneuron.cli.Plural;
import org.oneneuron.cli.Vocabulary;
import org.oneneuron.linalg.Precision;
import org.oneneuron.study.StudySpec;

/**
 * The study command's words: its option values read ({@code --hidden}, {@code --shapes},
 * {@code --budget}, {@code --dtype}) and a spec described for people (the report's caption, the
 * commands that redraw and re-run it).
 */
final class StudyWords {

    private StudyWords() {
    }

    /** The commands that redraw (from the journal) and re-run (resumes, so only what is missing) a study. */
    static String regenerate(Path dir) {
        return "oneneuron report " + dir + " (redraws from the journal; the runs: oneneuron study --spec "
                + dir.resolve("spec.json") + " --out " + dir + ")";
    }

    static String describe(StudySpec s) {
        String networks = s.architectures().isEmpty()
                ? String.format(Locale.ROOT, "hidden %s; activation %s", s.hidden(), s.activations())
                : "architectures " + s.architectures() + (s.inputShape() == null ? "" : " on " + s.inputShape());
        return String.format(Locale.ROOT, "data %s; %s; neurons %s; loss %s (%s);"
                        + " lambda %s; %s lr %s, %s, clip %s; init %s; %s; seed %d;"
                        + " held-out share %s.", s.data(), networks, s.neurons(),
                s.losses(), s.reduction(), s.lambdas(), s.optimizers(), s.learningRate(),
                Plural.count(s.steps(), "step"), s.clip(), s.init(), Plural.count(s.restarts(), "restart"), s.seed(),
                s.heldOutFraction());
    }

    /** One network per --hidden value: "16,8" is [16, 8] (the older "16x8" is read the same). */
    static List<List<Integer>> networks(List<String> values) {
        List<List<Integer>> out = new ArrayList<>();
        for (String v : values) {
            out.add(Vocabulary.parseWidths(v.replace('x', ','), "--hidden"));
        }
        return out;
    }

    /** --shapes: networks separated by ';', each "W[,W...]". */
    static List<List<Integer>> shapes(String text) {
        List<List<Integer>> out = new ArrayList<>();
        for (String shape : text.split(";", -1)) {
            if (shape.isBlank()) {
                throw new IllegalArgumentException("--shapes: empty network in '" + text + "'; write e.g. '16;16,8'");
            }
            out.add(Vocabulary.parseWidths(shape, "--shapes"));
        }
        return out;
    }

    /** --budget: "90s", "10m", "2h"; zero when not given. */
    static Duration duration(String text) {
        if (text == null) {
            return Duration.ZERO;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            long v = Long.parseLong(t.substring(0, t.length() - 1));
            if (v < 0) {
                throw new IllegalArgumentException("--budget must not be negative, got '" + text + "'");
            }
            switch (t.charAt(t.length() - 1)) {
                case 's':
                    return Duration.ofSeconds(v);
                case 'm':
                    return Duration.ofMinutes(v);
                case 'h':
                    return Duration.ofHours(v);
                default:
                    break;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--budget: '" + text + "' is not like 90s, 10m or 2h", e);
        }
        throw new IllegalArgumentException("--budget: '" + text + "' is not like 90s, 10m or 2h");
    }

    /** --dtype's word, checked. */
    static String precision(String word) {
        try {
            return Precision.parse(word).word();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--dtype must be float64 or float32, got '" + word + "'", e);
        }
    }

    /**
     * The spec's own words for its keys, as the option that gave the value names it: "restarts
     * must be >= 1" is "--restarts must be >= 1" when --restarts was given (a spec file's values
     * were checked as it was read, under its own name); {@code given} tells whether an option was
     * on the command line.
     */
    static String inOptionWords(String message, Predicate<String> given) {
        String key = message.split(" ", 2)[0];
        String option = switch (key) {
            case "hidden" -> given.test("--shapes") ? "--shapes" : "--hidden";
            case "activations" -> "--activation";
            case "architectures" -> "--arch";
            case "neurons" -> "--neuron";
            case "losses" -> "--loss";
            case "lambdas", "lambda" -> "--lambda";
            case "optimizers" -> "--optimizer";
            case "learning_rate" -> "--lr";
            case "held_out_fraction" -> "--held-out";
            case "data", "restarts", "steps", "clip", "batch", "reduction", "init" -> "--" + key;
            default -> null;
        };
        return option != null && given.test(option) ? option + message.substring(key.length()) : message;
    }
}
