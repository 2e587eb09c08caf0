package org.oneneuron.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Task;
import org.oneneuron.onnx.OnnxExporter;
import org.oneneuron.run.Model;
import org.oneneuron.run.NeuronDrop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code oneneuron export}: rewrites a model file, with {@code --drop-neuron} as a plain MLP when
 * the special neuron no longer matters on the training data (and refuses otherwise).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a model file again, as OneNeuron JSON or as ONNX (--format onnx);"
                    + " with --drop-neuron, without the special neuron.",
            "The neuron is dropped only when its largest contribution max |a*E_i| on the training"
                    + " data is below --tolerance and every training prediction keeps its class (a"
                    + " regression: the contribution alone decides); otherwise the command refuses (exit 1)"
                    + " and says by how much they differ (a regression: the predictions and the MAE)."},
        footer = {"", "Examples:",
            "  oneneuron export model.json --drop-neuron --data wdbc --out plain.json",
            "  oneneuron export model.json --drop-neuron --tolerance 1e-3 --out plain.json",
            "  oneneuron export model.json --format onnx --out model.onnx",
            "", "ONNX (opset 13, float32): input 'features' [N, d] raw; outputs 'score' [N, 1] and"
                    + " 'label' [N, 1] (+1 where score >= 0); a multi-class model: 'score' and 'probabilities'"
                    + " [N, K] and 'label' [N, 1] (int64 class index). See docs/MODEL-FORMAT.md."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    DataOptions dataOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = Vocabulary.MODEL_FILE)
    String modelArgument;

    @Option(names = "--model", paramLabel = "FILE", description = Vocabulary.MODEL_FILE)
    String modelOption;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json (a OneNeuron model file) or onnx; default: onnx when --out ends in .onnx, else json."
                    + " A --format that contradicts the extension of --out (.json, .onnx) is refused.")
    String format;

    @Option(names = "--drop-neuron", description = "Remove the special neuron (see above).")
    boolean dropNeuron;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-6", showDefaultValue =
            picocli.CommandLine.Help.Visibility.ALWAYS,
            description = "With --drop-neuron: the largest neuron contribution max |a*E_i| accepted (default:"
                    + " ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--data", paramLabel = "DATA", description = Vocabulary.DATA
            + " With --drop-neuron: the training data (default: the data named in the model's provenance).")
    String dataArgument;

    @Option(names = "--split", paramLabel = "PART", description = Vocabulary.SPLIT)
    String split = "all";

    @Override
    public Integer call() {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("--tolerance must be a finite number >= 0, got " + tolerance);
        }
        if (!dropNeuron) {
            GivenOptions.refuse(spec, List.of("--tolerance", "--data", "--split", "--label", "--positive", "--classes",
                    "--task"), option -> option + " applies only with --drop-neuron, which judges the neuron on the"
                    + " training data; add --drop-neuron, or leave " + option + " out");
        }
        Path modelFile = Path.of(Inputs.modelAndData(modelArgument == null ? null
                : java.util.List.of(modelArgument), modelOption, null, false)[0]);
        Model model = Model.load(modelFile);
        PrintWriter stdout = spec.commandLine().getOut();
        Map<String, Object> json = Json.object("export");
        json.put("model_file", modelFile.toString());
        json.put("out", out.toString());
        boolean onnx = onnx();
        json.put("format", onnx ? "onnx" : "json");
        json.put("dropped_neuron", false); // here in the key order; set once the neuron is dropped
        if (!dropNeuron) {
            write(model, onnx);
            report(stdout, json, "wrote " + out);
            return ExitCodes.OK;
        }
        String source = dataArgument != null ? dataArgument : model.provenance().get("data");
        if (source == null) {
            throw new IllegalArgumentException("--drop-neuron needs the training data: pass --data DATA");
        }
        Inputs.requireNotInput("--out", out, "data file", source);
        Dataset data = ModelInputs.load(model, dataOptions, source, split);
        NeuronDrop drop = NeuronDrop.of(model, data);
        json.put("data", data.name());
        json.put("n", drop.samples());
        json.put("tolerance", tolerance);
        json.put("max_contribution", drop.maxContribution());
        json.put("max_score_difference", drop.maxScoreDifference());
        json.put("mean_score_difference", drop.meanScoreDifference());
        boolean regression = model.task() == Task.REGRESSION;
        if (regression) {
            json.put("mae", drop.mae());
            json.put("plain_mae", drop.plainMae());
        } else {
            json.put("sign_changes", drop.signChanges());
        }
        json.put("dropped_neuron", drop.agrees(tolerance));
        if (!drop.agrees(tolerance)) {
            String why = String.format(Locale.ROOT, "refusing to drop the %s neuron: on %s its largest"
                    + " contribution max |a*E_i| = %.6g is not below the tolerance %.6g; %s",
                    model.spec().neuron().word(), data.name(), drop.maxContribution(), tolerance,
                    regression ? String.format(Locale.ROOT, "the plain network's predictions would differ by up"
                            + " to %.6g (mean %.6g) and its MAE would be %.6g instead of %.6g",
                            drop.maxScoreDifference(), drop.meanScoreDifference(), drop.plainMae(), drop.mae())
                    : String.format(Locale.ROOT, "the plain network's scores would differ by up to %.6g and %d of"
                            + " %s would change class", drop.maxScoreDifference(), drop.signChanges(),
                            Plural.count(drop.samples(), "prediction")));
            if (common.json()) {
                json.put("error", why);
                Json.print(stdout, json);
            }
            throw new CommandFailure(ExitCodes.FAILURE, why);
        }
        write(drop.plain(), onnx);
        report(stdout, json, String.format(Locale.ROOT, "wrote %s without the %s neuron: on %s (%s) %s"
                + " (max |a*E_i| %.3g < %.3g)", out, model.spec().neuron().word(), data.name(), Plural.count(drop.samples(), "sample"),
                regression ? String.format(Locale.ROOT, "the predictions differ by at most %.3g (mean %.3g;"
                        + " MAE %.6g instead of %.6g)", drop.maxScoreDifference(), drop.meanScoreDifference(),
                        drop.plainMae(), drop.mae())
                : String.format(Locale.ROOT, "every prediction keeps its class; max score difference %.3g",
                        drop.maxScoreDifference()), drop.maxContribution(), tolerance));
        return ExitCodes.OK;
    }

    /**
     * Whether to write ONNX: --format, else the extension of --out (.onnx); a --format that
     * contradicts the extension (json to a .onnx file, onnx to a .json file) is refused.
     */
    private boolean onnx() {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = name.endsWith(".onnx") ? "onnx" : name.endsWith(".json") ? "json" : null;
        if (format == null) {
            return "onnx".equals(extension);
        }
        String word = format.toLowerCase(Locale.ROOT);
        if (!word.equals("onnx") && !word.equals("json")) {
            throw new IllegalArgumentException("--format must be json or onnx, got '" + format + "'");
        }
        if (extension != null && !extension.equals(word)) {
            throw new IllegalArgumentException("--format " + format + " contradicts --out " + out + ", a ." + extension
                    + " file name: give --out a ." + word + " name, or leave --format out to write " + extension);
        }
        return word.equals("onnx");
    }

    private void write(Model model, boolean onnx) {
        if (onnx) {
            OnnxExporter.write(model, out);
        } else {
            model.save(out);
        }
    }

    private void report(PrintWriter stdout, Map<String, Object> json, String text) {
        if (common.json()) {
            Json.print(stdout, json);
        } else if (!common.quiet()) {
            stdout.println(text);
            stdout.flush();
        }
    }
}
