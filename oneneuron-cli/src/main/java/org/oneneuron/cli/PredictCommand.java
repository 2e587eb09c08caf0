package org.oneneuron.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Task;
import org.oneneuron.eval.Metrics;
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
                + " otherwise; 'probability_method' in --json says which."},
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
            + " (inferred when a CSV has exactly the model's number of columns).")
    boolean noLabel;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here (default: stdout).")
    Path out;

    @Override
    public Integer call() {
        String[] given = Inputs.modelAndData(inputs, modelOption, dataOption, true);
        Path modelFile = Path.of(given[0]);
        Model model = Model.load(modelFile);
        boolean unlabeled = noLabel || ModelInputs.unlabeled(model, dataOptions, given[1]);
        if (unlabeled && !split.equals("all")) {
            throw new IllegalArgumentException("--split " + split + " needs the labeled data the model was"
                    + " trained on; unlabeled rows are all scored");
        }
        Dataset data = unlabeled ? ModelInputs.loadUnlabeled(model, dataOptions, given[1])
                : ModelInputs.load(model, dataOptions, given[1], split);
        double[] scores = model.scores(data);
        if (model.task() != Task.BINARY) {
            return write(multiOutputCsv(model, scores), model, modelFile, data, data.n(), unlabeled, null);
        }
        Calibration calibration = model.calibration().orElse(null);
        double[] p = calibration == null ? null : model.probabilitiesOf(scores);
        StringBuilder csv = new StringBuilder(p == null ? "score,label\n" : "score,label,probability\n");
        for (int i = 0; i < scores.length; i++) {
            csv.append(scores[i]).append(',').append(model.labelNames().get(scores[i] >= 0 ? 1 : 0));
            if (p != null) {
                csv.append(',').append(p[i]);
            }
            csv.append('\n');
        }
        return write(csv.toString(), model, modelFile, data, scores.length, unlabeled, calibration);
    }

    /**
     * Multi-class: one column p_CLASS per class (softmax of the scores) and the predicted label (the
     * class of the largest score); regression: the value.
     */
    private static String multiOutputCsv(Model model, double[] scores) {
        StringBuilder csv = new StringBuilder();
        if (model.task() == Task.REGRESSION) {
            csv.append("value\n");
            for (double v : scores) {
                csv.append(v).append('\n');
            }
            return csv.toString();
        }
        int k = model.outputs();
        List<String> names = model.labelNames();
        for (String c : names) {
            csv.append(TaskFigures.csvCell("p_" + c)).append(',');
        }
        csv.append("label\n");
        double[] p = model.classProbabilities(scores);
        for (int i = 0; i < scores.length / k; i++) {
            for (int j = 0; j < k; j++) {
                csv.append(p[i * k + j]).append(',');
            }
            csv.append(TaskFigures.csvCell(names.get(Metrics.argmax(scores, i * k, k)))).append('\n');
        }
        return csv.toString();
    }

    private Integer write(String csv, Model model, Path modelFile, Dataset data, int n, boolean unlabeled,
                          Calibration calibration) {
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            stdout.print(csv);
            stdout.flush();
            return ExitCodes.OK;
        }
        AtomicFiles.writeString(out, csv);
        if (common.json()) {
            Map<String, Object> json = Json.object("predict");
            json.put("model_file", modelFile.toString());
            json.put("data", data.name());
            json.put("n", n);
            json.put("task", model.task().word());
            json.put("labeled", !unlabeled);
            json.put("probability_method", calibration == null ? null : calibration.method());
            json.put("probability", calibration == null ? null : calibration.describe());
            json.put("out", out.toString());
            Json.print(stdout, json);
        } else if (!common.quiet()) {
            stdout.println("wrote " + n + " predictions to " + out
                    + (calibration == null ? "" : "; P(+1) is " + calibration.describe()));
            stdout.flush();
        }
        return ExitCodes.OK;
    }
}
