package org.oneneuron.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How the label column becomes targets: the task, and for classification the class names in
 * index order. Binary: {@link LabelCoding}'s ±1 rules. Multi-class: every class (or the chosen
 * ones, in the order given) coded 0..K-1; classes sorted numerically when every label is a number,
 * else by code point. Regression: the label read as a finite number.
 *
 * <p>Inference when no task is given (the rule of {@code --task}): a positive/negative choice or
 * two chosen classes → binary; three or more chosen classes → multi-class; otherwise two distinct
 * labels → binary; a label that is not a number → multi-class; integer labels, at most
 * {@value #MAX_INFERRED_CLASSES} distinct → multi-class; other numbers → regression. The readers
 * stop at a missing or non-finite label (?, NA, NaN, Inf, an overflow: {@link Numbers#labelProblem})
 * before this rule, so such a label never becomes a class.
 *
 * @param task    the task
 * @param classes class names in index order (binary: the -1 then the +1 class); empty for regression
 * @param binary  the ±1 coding (binary only), else null
 * @param reason  how the task was decided, for the user (e.g. "inferred: 10 distinct integer labels")
 */
public record TargetCoding(Task task, List<String> classes, LabelCoding binary, String reason) {

    /** Most distinct integer labels that are still read as classes when no task is given. */
    public static final int MAX_INFERRED_CLASSES = 100;

    public TargetCoding {
        classes = List.copyOf(classes);
    }

    /**
     * The coding of the distinct canonical labels under the options.
     *
     * @throws DataException for one class, a chosen class that does not occur, or options that do not fit the task
     */
    public static TargetCoding decide(Collection<String> labels, ReadOptions options, String source, String column) {
        TreeSet<String> distinct = new TreeSet<>(labels);
        Task task = options.task();
        String reason = "given by --task";
        if (task == null) {
            if (options.positive() != null || options.negative() != null) {
                task = Task.BINARY;
                reason = "a positive/negative class was chosen";
            } else if (options.classes() != null) {
                task = options.classes().size() == 2 ? Task.BINARY : Task.MULTICLASS;
                reason = options.classes().size() + " classes were chosen";
            } else {
                task = infer(distinct);
                reason = "inferred from " + distinct.size() + " distinct " + kind(distinct) + " labels";
            }
        }
        if (distinct.isEmpty()) {
            throw new DataException(source, 0, column, "no labels found");
        }
        return switch (task) {
            case BINARY -> {
                LabelCoding c = LabelCoding.decide(distinct, options, source, column);
                yield new TargetCoding(task, c.labelNames(), c, reason);
            }
            case MULTICLASS -> new TargetCoding(task, classes(distinct, options, source, column), null, reason);
            case REGRESSION -> {
                if (options.positive() != null || options.negative() != null || options.classes() != null) {
                    throw new DataException(source, 0, column, "classes were chosen, but regression reads the "
                            + "label column as numbers; drop --classes/--positive or choose another --task");
                }
                yield new TargetCoding(task, List.of(), null, reason);
            }
        };
    }

    private static Task infer(TreeSet<String> distinct) {
        if (distinct.size() <= 2) {
            return Task.BINARY;
        }
        boolean integers = true;
        for (String s : distinct) {
            if (!Numbers.isNumber(s)) {
                return Task.MULTICLASS;
            }
            double v = Double.parseDouble(s);
            integers &= v == Math.rint(v);
        }
        return integers && distinct.size() <= MAX_INFERRED_CLASSES ? Task.MULTICLASS : Task.REGRESSION;
    }

    private static String kind(TreeSet<String> distinct) {
        boolean numbers = distinct.stream().allMatch(Numbers::isNumber);
        if (!numbers) {
            return "text";
        }
        boolean ints = distinct.stream().filter(Numbers::isNumber)
                .allMatch(s -> Double.parseDouble(s) == Math.rint(Double.parseDouble(s)));
        return ints ? "integer" : "real";
    }

    private static List<String> classes(TreeSet<String> distinct, ReadOptions options, String source, String column) {
        List<String> chosen;
        if (options.classes() != null) {
            chosen = new ArrayList<>();
            for (String c : options.classes()) {
                String canonical = Numbers.canonicalLabel(c);
                if (!distinct.contains(canonical) && options.classRule() != ReadOptions.ClassRule.FIXED) {
                    throw new DataException(source, 0, column, "class '" + canonical + "' does not occur; classes found: "
                            + LabelCoding.describe(distinct));
                }
                if (chosen.contains(canonical)) {
                    throw new DataException(source, 0, column, "class '" + canonical + "' is chosen twice");
                }
                chosen.add(canonical);
            }
        } else {
            chosen = new ArrayList<>(distinct);
            if (chosen.stream().allMatch(Numbers::isNumber)) {
                chosen.sort(Comparator.comparingDouble(Double::parseDouble));
            }
        }
        if (chosen.size() < 2) {
            throw new DataException(source, 0, column, "only one class '" + chosen.get(0)
                    + "' found; a classifier needs samples of at least two classes");
        }
        return chosen;
    }

    /** Class index → code, for classification; {@link Double#NaN} marks a row of a class not kept. */
    public Map<String, Double> codes() {
        Map<String, Double> m = new HashMap<>();
        if (task == Task.BINARY) {
            m.put(binary.negative(), -1.0);
            m.put(binary.positive(), 1.0);
        } else {
            for (int k = 0; k < classes.size(); k++) {
                m.put(classes.get(k), (double) k);
            }
        }
        return m;
    }
}
