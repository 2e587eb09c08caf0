package org.oneneuron.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Task;
import org.oneneuron.loss.Losses;
import org.oneneuron.io.AtomicFiles;
import org.oneneuron.run.Calibration;
import org.oneneuron.run.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code oneneuron predict}: one line per sample with the score, the predicted class and, when
 * the model knows how, P(+1). Rows may be unlabeled (a CSV of the model's features only).
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Write a CSV with the score f~(x), the predicted class (+1 when the score is >= 0)"
                + " and P(+1) of every sample. Scores are exact (round-trip decimals).",
            "A CSV with exactly the model's features as columns is read as unlabeled rows (or say so"
                + " with --no-label). P(+1) is σ(f~) for the logistic loss and Platt-calibrated"
                + " otherwise; a multiclass model's p_CLASS columns are the softmax of its scores under the"
                + " temperature fitted when it was trained; 'probability_method' in --json says which."
                + " With --json and no --out, the"
                + " rows come inside the JSON object as 'predictions'."},
        footer = {"", "Examples:", "  oneneuron predict model.json new.csv --out scores.csv",
            "  oneneuron predict model.json unlabeled.csv          (columns: the model's features)",
            "  oneneuron predict model.json wdbc | head"})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    DataOptions dataOptions;

    @Parameters(arity = "0..2", paramLabel = "MODEL DATA",
            description = "The model file and the data set (or give them with --model and --data).")
    List<String> inputs;

    @Option(names = "--model", paramLabel = "FILE", description = Vocabulary.MODEL_FILE)
    String modelOption;

    @Option(names = "--data", paramLabel = "DATA", description = Vocabulary.DATA)
    String dataOption;

    @Option(names = "--split", paramLabel = "PART", description = Vocabulary.SPLIT)
    String split = "all";

    @Option(names = "--no-label", description = "DATA has no label column: every column is a feature"
            + " (inferred when a CSV's header names exactly the model's features, or one without a header"
            + " has exactly the model's number of columns).")
    boolean noLabel;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here (default: stdout).")
    Path out;

    @Override
    public Integer call() {
        String[] given = Inputs.modelAndData(inputs, modelOption, dataOption, true);
        Inputs.requireNotInput("--out", out, "model file", given[0]);
        Inputs.requireNotInput("--out", out, "data file", given[1]);
        Path modelFile = Path.of(given[0]);
        Model model = Model.load(modelFile);
        boolean unlabeled = noLabel || ModelInputs.unlabeled(model, dataOptions, given[1]);
        if (unlabeled && !split.equals("all")) {
            throw new IllegalArgumentException("--split " + split + " needs the labeled data the model was"
                    + " trained on; unlabeled rows are all scored");
        }
        Dataset data = unlabeled ? ModelInputs.loadUnlabeled(model, dataOptions, given[1])
                : ModelInputs.loadToScore(model, dataOptions, given[1], split);
        double[] scores = model.scores(data);
        Calibration calibration = model.calibration().orElse(null);
        return write(table(model, scores, calibration), model, modelFile, data, unlabeled, calibration);
    }

    /** The predictions: column names and one row of cells (a Double or a String) per sample. */
    record Table(List<String> columns, List<Object[]> rows) {

        /** The CSV text: a header line and one line per row, numbers as round-trip decimals. */
        String csv() {
            StringBuilder csv = new StringBuilder();
            csv.append(String.join(",", columns.stream().map(TaskFigures::csvCell).toList())).append('\n');
            for (Object[] row : rows) {
                for (int j = 0; j < row.length; j++) {
                    csv.append(j == 0 ? "" : ",").append(row[j] instanceof String t ? TaskFigures.csvCell(t) : row[j]);
                }
                csv.append('\n');
            }
            return csv.toString();
        }

        /** One JSON object per row, keyed by the column names. */
        List<Map<String, Object>> objects() {
            List<Map<String, Object>> objects = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                Map<String, Object> o = new LinkedHashMap<>();
                for (int j = 0; j < row.length; j++) {
                    o.put(columns.get(j), row[j]);
                }
                objects.add(o);
            }
            return objects;
        }
    }

    /**
     * Binary: the score, the predicted label and, with a calibration, P(+1); multi-class: one column
     * p_CLASS per class (softmax of the scores) and the predicted label (the class of the largest
     * score); regression: the value.
     */
    static Table table(Model model, double[] scores, Calibration calibration) {
        List<Object[]> rows = new ArrayList<>();
        double[] predicted = model.predictionsOf(scores);
        if (model.task() == Task.REGRESSION) {
            for (double v : predicted) {
                rows.add(new Object[] {v});
            }
            return new Table(List.of("value"), rows);
        }
        if (model.task() == Task.BINARY) {
            double[] p = calibration == null ? null : model.probabilitiesOf(scores);
            for (int i = 0; i < scores.length; i++) {
                String label = model.labelOf(predicted[i]);
                rows.add(p == null ? new Object[] {scores[i], label} : new Object[] {scores[i], label, p[i]});
            }
            return new Table(p == null ? List.of("score", "label") : List.of("score", "label", "probability"), rows);
        }
        int k = model.outputs();
        List<String> columns = new ArrayList<>();
        for (String c : model.labelNames()) {
            columns.add("p_" + c);
        }
        columns.add("label");
        double[] p = model.classProbabilities(scores);
        for (int i = 0; i < predicted.length; i++) {
            Object[] row = new Object[k + 1];
            for (int j = 0; j < k; j++) {
                row[j] = p[i * k + j];
            }
            row[k] = model.labelOf(predicted[i]);
            rows.add(row);
        }
        return new Table(columns, rows);
    }

    /**
     * The CSV to --out (then a summary line, or the summary as JSON) or to stdout; with --json and
     * no --out, one JSON object with the summary and the rows as "predictions".
     */
    private Integer write(Table table, Model model, Path modelFile, Dataset data, boolean unlabeled,
                          Calibration calibration) {
        PrintWriter stdout = spec.commandLine().getOut();
        int n = table.rows().size();
        if (out == null && !common.json()) {
            stdout.print(table.csv());
            stdout.flush();
            return ExitCodes.OK;
        }
        if (out != null) {
            AtomicFiles.writeString(out, table.csv());
        }
        if (common.json()) {
            Map<String, Object> json = Json.object("predict");
            json.put("model_file", modelFile.toString());
            json.put("data", data.name());
            json.put("out", out == null ? null : out.toString());
            json.put("n", n);
            json.put("task", model.task().word());
            json.put("labeled", !unlabeled);
            boolean classes = model.task() == Task.MULTICLASS;
            json.put("probability_method", model.probabilityMethod().orElse(null));
            json.put("probability", calibration != null ? calibration.describe() : classes ? softmaxWords(model) : null);
            if (out == null) {
                json.put("predictions", table.objects());
            }
            Json.print(stdout, json);
        } else if (!common.quiet()) {
            stdout.println("wrote " + Plural.count(n, "prediction") + " to " + out
                    + (calibration == null ? "" : (calibration.multiclass() ? "; the class probabilities are "
                    : "; P(+1) is ") + calibration.describe()));
            stdout.flush();
        }
        return ExitCodes.OK;
    }

    /**
     * What the p_CLASS columns of a multi-class model without a temperature (a file written before
     * temperatures were fitted) are: the softmax of its K scores, not calibrated.
     */
    static String softmaxWords(Model model) {
        return "softmax of the " + model.outputs() + " scores, not calibrated: the model file has no"
                + " temperature (train again to fit one) ("
                + (model.loss().word().equals(Losses.SOFTMAX_CE.word()) ? "the model's own probabilities under softmax-ce: trained to"
                + " near-zero loss they are often overconfident)"
                : model.loss().word() + " scores define no probabilities: read them as a ranking)");
    }
}
