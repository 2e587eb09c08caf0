package org.oneneuron.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oneneuron.cli.report.ConfusionFigure;
import org.oneneuron.eval.BinaryMetrics;
import org.oneneuron.eval.ClassMetrics;
import org.oneneuron.eval.RegressionMetrics;
import org.oneneuron.eval.TaskMetrics;

/**
 * The multi-class and regression figures as every command reports them: JSON keys
 * ({@code accuracy}, {@code errors}, {@code macro_f1}, {@code micro_f1}, {@code log_loss},
 * {@code top_k}, {@code per_class}, {@code confusion_matrix}; {@code rmse}, {@code mae},
 * {@code r2}), text lines with the confusion matrix, the matrix as CSV and as a figure.
 */
public final class TaskFigures {

    private TaskFigures() {
    }

    /** Puts the class figures under their names; {@code classes} names the K classes. */
    public static void putClasses(Map<String, Object> json, ClassMetrics m, List<String> classes) {
        json.put("accuracy", m.accuracy());
        json.put("errors", m.errors());
        json.put("macro_f1", m.macroF1());
        json.put("micro_f1", m.microF1());
        json.put("log_loss", m.logLoss());
        Map<String, Object> topK = new LinkedHashMap<>();
        for (int k = 1; k <= Math.min(5, m.classes()); k++) {
            topK.put(Integer.toString(k), m.topK(k));
        }
        json.put("top_k", topK);
        List<Map<String, Object>> perClass = new ArrayList<>();
        long[][] confusion = m.confusion();
        for (int c = 0; c < m.classes(); c++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("class", classes.get(c));
            row.put("support", sum(confusion[c]));
            row.put("precision", m.precision(c));
            row.put("recall", m.recall(c));
            row.put("f1", m.f1(c));
            perClass.add(row);
        }
        json.put("per_class", perClass);
        json.put("classes", classes);
        List<List<Long>> matrix = new ArrayList<>();
        for (long[] row : confusion) {
            List<Long> r = new ArrayList<>();
            for (long v : row) {
                r.add(v);
            }
            matrix.add(r);
        }
        json.put("confusion_matrix", matrix);
    }

    /** Puts rmse, mae and r2. */
    public static void putRegression(Map<String, Object> json, RegressionMetrics m) {
        json.put("rmse", m.rmse());
        json.put("mae", m.mae());
        json.put("r2", m.r2());
    }

    /** Text: accuracy, F1s, top-k, log-loss, the per-class table and the confusion matrix. */
    public static void printClasses(PrintWriter out, ClassMetrics m, List<String> classes, String networkAlone) {
        out.println(String.format(Locale.ROOT, "accuracy  %s (%s%s)", TrainReport.percent(m.accuracy()),
                Plural.count(m.errors(), "error"), networkAlone == null ? "" : "; network alone " + networkAlone));
        StringBuilder top = new StringBuilder();
        for (int k = 2; k <= Math.min(5, m.classes()); k++) {
            top.append(k == 2 ? "" : ", ").append("top-").append(k).append(' ').append(TrainReport.percent(m.topK(k)));
        }
        out.println("macro F1  " + TrainReport.percent(m.macroF1()) + "   micro F1 " + TrainReport.percent(m.microF1())
                + "   log-loss " + TrainReport.number(m.logLoss()) + (top.length() == 0 ? "" : "   " + top));
        int w = Math.max(8, classes.stream().mapToInt(String::length).max().orElse(1) + 2);
        out.println(String.format(Locale.ROOT, "%-" + w + "s %9s %9s %9s %8s", "class", "precision", "recall", "F1",
                "support"));
        long[][] confusion = m.confusion();
        for (int c = 0; c < m.classes(); c++) {
            out.println(String.format(Locale.ROOT, "%-" + w + "s %9s %9s %9s %8d", classes.get(c),
                    TrainReport.percent(m.precision(c)), TrainReport.percent(m.recall(c)), TrainReport.percent(m.f1(c)),
                    sum(confusion[c])));
        }
        out.print(confusionText(confusion, classes));
    }

    /** The confusion matrix as text: rows are the actual classes, columns the predicted ones. */
    public static String confusionText(long[][] confusion, List<String> classes) {
        int w = 6;
        for (String c : classes) {
            w = Math.max(w, c.length() + 1);
        }
        for (long[] row : confusion) {
            for (long v : row) {
                w = Math.max(w, Long.toString(v).length() + 1);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("confusion (rows: actual, columns: predicted)").append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT, "%" + w + "s", ""));
        for (String c : classes) {
            sb.append(String.format(Locale.ROOT, " %" + w + "s", c));
        }
        sb.append(System.lineSeparator());
        for (int r = 0; r < confusion.length; r++) {
            sb.append(String.format(Locale.ROOT, "%" + w + "s", classes.get(r)));
            for (long v : confusion[r]) {
                sb.append(String.format(Locale.ROOT, " %" + w + "d", v));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** The confusion matrix as CSV: a header "actual\predicted,c1,..,cK", then one row per actual class. */
    public static String confusionCsv(long[][] confusion, List<String> classes) {
        StringBuilder sb = new StringBuilder("actual\\predicted");
        for (String c : classes) {
            sb.append(',').append(csvCell(c));
        }
        sb.append('\n');
        for (int r = 0; r < confusion.length; r++) {
            sb.append(csvCell(classes.get(r)));
            for (long v : confusion[r]) {
                sb.append(',').append(v);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * The confusion counts of a classifier (rows: actual, columns: predicted; a binary model's
     * class 0 is its -1 label), or null for a regression.
     */
    public static long[][] confusion(TaskMetrics m) {
        if (m instanceof ClassMetrics c) {
            return c.confusion();
        }
        if (m instanceof BinaryMetrics b) {
            return new long[][] {{b.trueNegatives(), b.falsePositives()}, {b.falseNegatives(), b.truePositives()}};
        }
        return null;
    }

    /**
     * Draws the confusion matrix into {@code dir} (confusion.png, .svg, .pdf, .json, .csv) and
     * returns the PNG's path.
     *
     * @param part    what was classified, e.g. "mnist, held-out part"
     * @param command the command that draws it again, for the caption
     */
    public static Path writeConfusionFigure(Path dir, TaskMetrics m, List<String> classes, String part,
                                            String command) {
        long[][] confusion = confusion(m);
        String title = part + ": " + ConfusionFigure.score(confusion);
        return ConfusionFigure.write(ConfusionFigure.of(confusion, classes, title,
                "Confusion matrix of " + part + " (rows: actual class, columns: predicted). Drawn by: " + command),
                dir);
    }

    /** The refusals of --figures, checked before any work: a regression, or a file where the folder should be. */
    static void checkFiguresFit(Path figures, org.oneneuron.data.Task task) {
        if (figures != null && task == org.oneneuron.data.Task.REGRESSION) {
            throw new IllegalArgumentException("--figures draws a classifier's confusion matrix; this is a regression");
        }
        if (figures != null) {
            OutputFolders.requireFolder("--figures", figures);
        }
    }

    /** Text: RMSE, MAE, R². */
    public static void printRegression(PrintWriter out, RegressionMetrics m, RegressionMetrics networkAlone) {
        out.println("RMSE      " + TrainReport.number(m.rmse()) + "   MAE " + TrainReport.number(m.mae()) + "   R² "
                + TrainReport.number(m.r2()) + (networkAlone == null ? ""
                : "   (network alone: RMSE " + TrainReport.number(networkAlone.rmse()) + ", R² "
                        + TrainReport.number(networkAlone.r2()) + ")"));
    }

    static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static long sum(long[] row) {
        long s = 0;
        for (long v : row) {
            s += v;
        }
        return s;
    }
}
