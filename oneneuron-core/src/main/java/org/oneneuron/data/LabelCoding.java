package org.oneneuron.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which raw label becomes -1 and which +1. Labels are compared in canonical form, so "+1", "1.0"
 * and "1" are one class.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>{@code positive} and {@code negative} both given: those two classes are kept, rows of any
 *       other class are dropped; both must occur in the data (unless they are a model's fixed
 *       classes, {@link ReadOptions.ClassRule#FIXED}).</li>
 *   <li>Otherwise the data must hold exactly two classes. One given: the other class is the
 *       opposite sign.</li>
 *   <li>Neither given, both classes numbers: 1 is positive if present ({-1, 1}, {0, 1}), else the
 *       larger number.</li>
 *   <li>Neither given, some label text: the second in sorted (code point) order is positive, e.g.
 *       B/M gives M = +1, no/yes gives yes = +1.</li>
 * </ol>
 *
 * @param negative canonical label coded -1
 * @param positive canonical label coded +1
 */
public record LabelCoding(String negative, String positive) {

    private static final int LISTED_CLASSES = 20;

    public LabelCoding {
        Objects.requireNonNull(negative, "negative");
        Objects.requireNonNull(positive, "positive");
    }

    /** +1, -1, or 0 when {@code canonicalLabel} belongs to neither class (the row is dropped). */
    public double code(String canonicalLabel) {
        if (canonicalLabel.equals(positive)) {
            return 1.0;
        }
        return canonicalLabel.equals(negative) ? -1.0 : 0.0;
    }

    /** The names for -1 and +1, in that order, as {@link Dataset#labelNames()} stores them. */
    public List<String> labelNames() {
        return List.of(negative, positive);
    }

    /** Whether two raw labels name the same class ("1" and "+1.0" do). */
    public static boolean sameLabel(String a, String b) {
        return Numbers.canonicalLabel(a).equals(Numbers.canonicalLabel(b));
    }

    /**
     * Decides the coding for the classes seen in the data.
     *
     * @param classes canonical labels that occur (any order, no duplicates)
     * @param options the positive/negative choice
     * @param source  file name for messages
     * @param column  label column (name or index) for messages
     * @throws DataException for one class, too many classes without a choice, or a chosen label
     *                       that does not occur
     */
    public static LabelCoding decide(Collection<String> classes, ReadOptions options, String source,
                                     String column) {
        TreeSet<String> sorted = new TreeSet<>(classes);
        String pos = options.positive() == null ? null : Numbers.canonicalLabel(options.positive());
        String neg = options.negative() == null ? null : Numbers.canonicalLabel(options.negative());
        if (options.classRule() != ReadOptions.ClassRule.FIXED) {
            requirePresent(pos, "positive", sorted, source, column);
            requirePresent(neg, "negative", sorted, source, column);
        }
        if (pos != null && neg != null) {
            return new LabelCoding(neg, pos);
        }
        if (sorted.isEmpty()) {
            throw new DataException(source, 0, column, "no labels found");
        }
        if (sorted.size() == 1) {
            throw new DataException(source, 0, column, "only one class '" + sorted.first()
                    + "' found; a classifier needs samples of at least two classes");
        }
        if (sorted.size() > 2) {
            throw new DataException(source, 0, column, sorted.size() + " classes found (" + list(sorted)
                    + "); a binary classifier needs two: choose them with a positive and a negative"
                    + " label, e.g. --classes " + sorted.first() + "," + sorted.last() + ", or train on all of them"
                    + " with --task multiclass");
        }
        String first = sorted.first();
        String second = sorted.last();
        if (pos != null) {
            return new LabelCoding(pos.equals(first) ? second : first, pos);
        }
        if (neg != null) {
            return new LabelCoding(neg, neg.equals(first) ? second : first);
        }
        if (Numbers.isNumber(first) && Numbers.isNumber(second)) {
            if (first.equals("1")) {
                return new LabelCoding(second, first);
            }
            boolean firstLarger = Double.parseDouble(first) > Double.parseDouble(second);
            return firstLarger ? new LabelCoding(second, first) : new LabelCoding(first, second);
        }
        return new LabelCoding(first, second);
    }

    private static void requirePresent(String label, String role, TreeSet<String> classes, String source,
                                       String column) {
        if (label != null && !classes.contains(label)) {
            throw new DataException(source, 0, column, role + " label '" + label
                    + "' does not occur; classes found: " + list(classes));
        }
    }

    /** The classes as messages list them (at most 20, quoted). */
    static String describe(Collection<String> classes) {
        return list(classes);
    }

    private static String list(Collection<String> classes) {
        List<String> shown = new ArrayList<>();
        for (String c : classes) {
            if (shown.size() == LISTED_CLASSES) {
                shown.add("... and " + (classes.size() - LISTED_CLASSES) + " more");
                break;
            }
            shown.add("'" + Numbers.shorten(c) + "'");
        }
        return String.join(", ", shown);
    }
}
