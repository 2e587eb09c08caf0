package org.oneneuron.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oneneuron.data.Dataset;
import org.oneneuron.io.AtomicFiles;
import org.oneneuron.run.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oneneuron predict}: one line per sample with the score and the predicted label. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Write a CSV with the score f~(x) and the predicted label of every sample"
                + " (label +1 when the score is >= 0). Scores are exact (round-trip decimals).",
        footer = {"", "Examples:", "  oneneuron predict model.json new.csv --out scores.csv",
            "  oneneuron predict model.json wdbc | head"})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    DataOptions dataOptions;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by 'train'.")
    Path modelFile;

    @Parameters(index = "1", paramLabel = "DATA", description = "A data file or built-in name.")
    String dataArgument;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here (default: stdout).")
    Path out;

    @Override
    public Integer call() {
        Model model = Model.load(modelFile);
        Dataset data = ModelInputs.load(model, dataOptions, dataArgument);
        double[] scores = model.scores(data);
        StringBuilder csv = new StringBuilder("score,label\n");
        for (double score : scores) {
            csv.append(score).append(',').append(model.labelNames().get(score >= 0 ? 1 : 0)).append('\n');
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            stdout.print(csv);
            stdout.flush();
            return ExitCodes.OK;
        }
        AtomicFiles.writeString(out, csv.toString());
        if (common.json()) {
            Map<String, Object> json = Json.object("predict");
            json.put("model_file", modelFile.toString());
            json.put("data", data.name());
            json.put("n", scores.length);
            json.put("out", out.toString());
            Json.print(stdout, json);
        } else if (!common.quiet()) {
            stdout.println("wrote " + scores.length + " predictions to " + out);
            stdout.flush();
        }
        return ExitCodes.OK;
    }
}
