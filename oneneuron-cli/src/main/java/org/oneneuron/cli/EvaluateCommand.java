package org.oneneuron.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Task;
import org.oneneuron.eval.BinaryMetrics;
import org.oneneuron.eval.ClassMetrics;
import org.oneneuron.eval.ProbabilityMetrics;
import org.oneneuron.eval.RegressionMetrics;
import org.oneneuron.io.AtomicFiles;
import org.oneneuron.run.Assessment;
import org.oneneuron.run.Model;
import org.oneneuron.run.ModelProbabilities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oneneuron evaluate}: a saved model's figures on a data set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "The figures of a saved model on a data set: accuracy, loss, precision, recall, F1, ROC AUC and"
                + " the confusion matrix (per class for multi-class; RMSE, MAE and R² for regression), and how good"
                + " the probabilities that predict gives are: their log-loss, Brier score and expected calibration"
                + " error (ECE, 10 bins).",
        footer = {"", "Examples:", "  oneneuron evaluate model.json wdbc",
            "  oneneuron evaluate model.json wdbc --split test      (the samples 'train --held-out' kept out)",
            "  oneneuron evaluate --model model.json --data test.csv --label diagnosis --json"})
final class EvaluateCommand implements Callable<Integer> {

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

    @Option(names = "--confusion-csv", paramLabel = "FILE", description = "Also write the confusion matrix of a"
            + " multi-class model as CSV (rows: actual class, columns: predicted).")
    Path confusionCsv;

    @Option(names = "--figures", paramLabel = "DIR", description = Vocabulary.FIGURES)
    Path figures;

    @Override
    public Integer call() {
        String[] given = Inputs.modelAndData(inputs, modelOption, dataOption, true);
        Inputs.requireNotInput("--confusion-csv", confusionCsv, "model file", given[0]);
        Inputs.requireNotInput("--confusion-csv", confusionCsv, "data file", given[1]);
        Path modelFile = Path.of(given[0]);
        Model model = Model.load(modelFile);
        TaskFigures.checkFiguresFit(figures, model.task());
        if (confusionCsv != null && model.task() == Task.BINARY) {
            throw new IllegalArgumentException("--confusion-csv is for multi-class models; this model is binary");
        }
        Dataset data = ModelInputs.load(model, dataOptions, given[1], split);
        Assessment a = model.assess(data);
        // from the assessment's scores: the bits model.scores(data) gives, without a second pass
        Optional<ProbabilityMetrics> probabilities = ModelProbabilities.of(model, a.scores(), data.y());
        Path figure = figures == null ? null : TaskFigures.writeConfusionFigure(figures, a.figures(),
                model.labelNames(), data.name(),
                "oneneuron evaluate " + modelFile + " " + given[1] + " --split " + split + " --figures " + figures);
        if (model.task() != Task.BINARY) {
            return multiOutput(modelFile, model, data, a, probabilities, figure);
        }
        BinaryMetrics m = a.metrics();
        Map<String, Object> json = Json.object("evaluate");
        json.put("model_file", modelFile.toString());
        json.put("data", data.name());
        json.put("n", data.n());
        json.put("task", model.task().word());
        Figures.putMetrics(json, m);
        json.put("network_only_accuracy", a.networkOnly().accuracy());
        Figures.putProbabilities(json, model, probabilities);
        Figures.putLoss(json, a.loss());
        a.neuron().ifPresent(n -> json.put("neuron", Figures.neuron(n)));
        json.put("positive_label", model.labelNames().get(1));
        json.put("confusion_figure", figure == null ? null : figure.toString());
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            Json.print(out, json);
            return ExitCodes.OK;
        }
        out.println(String.format(Locale.ROOT, "%s on %s (%s, +1 = %s)", modelFile, data.name(),
                Plural.count(data.n(), "sample"), model.labelNames().get(1)));
        out.println(String.format(Locale.ROOT, "accuracy  %s (%s; network alone %s)",
                TrainReport.percent(m.accuracy()), Plural.count(m.errors(), "error"),
                TrainReport.percent(a.networkOnly().accuracy())));
        out.println("precision " + TrainReport.percent(m.precision()) + "   recall "
                + TrainReport.percent(m.recall()) + "   F1 " + TrainReport.percent(m.f1()));
        out.println("ROC AUC   " + TrainReport.number(m.rocAuc()));
        out.println("probability " + Figures.probabilitiesText(model, probabilities));
        out.println("loss      " + Figures.lossText(a.loss()));
        out.println(String.format(Locale.ROOT, "confusion           predicted -1  predicted +1%n"
                + "  actual -1 %14d %13d%n  actual +1 %14d %13d", m.trueNegatives(), m.falsePositives(),
                m.falseNegatives(), m.truePositives()));
        figureLine(out, figure);
        out.flush();
        return ExitCodes.OK;
    }

    /** The figures of a multi-class or regression model. */
    private Integer multiOutput(Path modelFile, Model model, Dataset data, Assessment a,
                                Optional<ProbabilityMetrics> probabilities, Path figure) {
        if (confusionCsv != null && model.task() == Task.REGRESSION) {
            throw new IllegalArgumentException("--confusion-csv is for multi-class models; this model is a regression");
        }
        Map<String, Object> json = Json.object("evaluate");
        json.put("model_file", modelFile.toString());
        json.put("data", data.name());
        json.put("n", data.n());
        json.put("task", model.task().word());
        PrintWriter out = spec.commandLine().getOut();
        if (a.figures() instanceof ClassMetrics m) {
            TaskFigures.putClasses(json, m, model.labelNames());
            json.put("network_only_accuracy", a.networkFigures().accuracy());
            json.put("confusion_figure", figure == null ? null : figure.toString());
            if (confusionCsv != null) {
                AtomicFiles.writeString(confusionCsv, TaskFigures.confusionCsv(m.confusion(), model.labelNames()));
                json.put("confusion_csv", confusionCsv.toString());
            }
        } else if (a.figures() instanceof RegressionMetrics m) {
            TaskFigures.putRegression(json, m);
            RegressionMetrics alone = (RegressionMetrics) a.networkFigures();
            json.put("network_only_rmse", alone.rmse());
            json.put("network_only_r2", alone.r2());
            json.put("target_standardizer", Figures.target(model.targetStandardizer()));
        }
        Figures.putProbabilities(json, model, probabilities);
        Figures.putLoss(json, a.loss());
        a.neuron().ifPresent(n -> json.put("neuron", Figures.neuron(n)));
        if (common.json()) {
            Json.print(out, json);
            return ExitCodes.OK;
        }
        out.println(String.format(Locale.ROOT, "%s on %s (%s, %s%s)", modelFile, data.name(),
                Plural.count(data.n(), "sample"),
                model.task().word(), model.task() == Task.MULTICLASS ? ", " + model.outputs() + " classes" : ""));
        if (a.figures() instanceof ClassMetrics m) {
            TaskFigures.printClasses(out, m, model.labelNames(), TrainReport.percent(a.networkFigures().accuracy()));
            out.println("probability " + Figures.probabilitiesText(model, probabilities));
        } else {
            TaskFigures.printRegression(out, (RegressionMetrics) a.figures(), (RegressionMetrics) a.networkFigures());
        }
        out.println("loss      " + Figures.lossText(a.loss(), model.targetStandardizer()));
        if (confusionCsv != null) {
            out.println("confusion matrix written to " + confusionCsv);
        }
        figureLine(out, figure);
        out.flush();
        return ExitCodes.OK;
    }

    static void figureLine(PrintWriter out, Path figure) {
        if (figure != null) {
            out.println("confusion figure written to " + figure + " (and .svg, .pdf, .json, .csv)");
        }
    }
}
