package org.oneneuron.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Task;
import org.oneneuron.eval.ClassMetrics;
import org.oneneuron.eval.RegressionMetrics;
import org.oneneuron.landscape.Certificate;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.run.Assessment;
import org.oneneuron.run.Calibration;
import org.oneneuron.run.ScaffoldFit;
import org.oneneuron.train.Timings;
import org.oneneuron.train.TrainingResult;
import org.oneneuron.train.Verdict;

/** The {@code train} command's report: one ordered map, printed as JSON or as aligned text. */
final class TrainReport {

    private TrainReport() {
    }

    static Map<String, Object> of(TrainingRun.Outcome o, Timings timings, List<String> warnings) {
        TrainingResult r = o.fit().training();
        NetworkSpec spec = o.model().spec();
        Assessment train = o.train();
        Map<String, Object> json = Json.object("train");
        json.put("data", o.data().train().name());
        json.put("n_train", o.data().train().n());
        json.put("n_test", o.data().heldOut().map(Dataset::n).orElse(null));
        json.put("features", spec.inputDim());
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("input_shape", spec.input().toString());
        network.put("architecture", spec.architecture());
        network.put("hidden", spec.isMlp() ? spec.hidden() : null);
        network.put("activation", spec.isMlp() ? spec.activation().word() : null);
        network.put("neuron", spec.neuron().word());
        network.put("parameters", spec.layout().dimension());
        json.put("network", network);
        json.put("loss_function", o.model().loss().word());
        json.put("reduction", o.model().reduction().word());
        json.put("dtype", o.fit().problem().precision().word());
        json.put("lambda", o.model().lambda());
        json.put("task", o.model().task().word());
        if (o.model().task() == Task.REGRESSION) {
            RegressionMetrics tr = (RegressionMetrics) train.figures();
            json.put("target_standardizer", Figures.target(o.model().targetStandardizer()));
            json.put("train_rmse", tr.rmse());
            json.put("train_mae", tr.mae());
            json.put("train_r2", tr.r2());
            o.test().ifPresent(test -> {
                RegressionMetrics te = (RegressionMetrics) test.figures();
                json.put("test_rmse", te.rmse());
                json.put("test_mae", te.mae());
                json.put("test_r2", te.r2());
            });
        } else {
            json.put("train_accuracy", train.figures().accuracy());
            json.put("train_errors", train.figures().errors());
            o.test().ifPresent(test -> {
                json.put("test_accuracy", test.figures().accuracy());
                json.put("test_errors", test.figures().errors());
            });
        }
        if (o.model().task() == Task.MULTICLASS) {
            Assessment on = o.test().orElse(train);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("part", o.test().isPresent() ? "held_out" : "train");
            TaskFigures.putClasses(figures, (ClassMetrics) on.figures(), o.model().labelNames());
            json.put("class_figures", figures);
        }
        Figures.putLoss(json, train.loss());
        json.put("gradient_norm", r.finalGradientNorm());
        train.neuron().ifPresent(n -> json.put("neuron", Figures.neuron(n)));
        if (!train.outputNeurons().isEmpty()) {
            json.put("neuron_outputs", Figures.outputNeurons(train.outputNeurons()));
        }
        json.put("optimizer", r.optimizer());
        json.put("steps", o.totalSteps());
        json.put("steps_this_run", o.stepsThisRun());
        o.scaffold().ifPresent(s -> json.put("scaffold", scaffold(s)));
        json.put("stop_reason", r.stop().reason().word());
        json.put("stop_detail", (o.scaffold().isPresent() && !o.fit().problem().spec().neuron().present()
                ? "fine-tune: " : "") + r.stop().detail());
        Certificate c = train.certificate().orElse(null);
        // a run in numerical trouble has no certificate: it is diverged, as certify and studies say
        json.put("verdict", o.numericalTrouble() ? Verdict.DIVERGED.word()
                : c == null ? r.infinity().verdict().word() : c.verdict().word());
        json.put("verdict_evidence", o.numericalTrouble() ? "trainer: " + r.stop().message()
                : c == null ? r.infinity().evidence() : c.reason());
        json.put("trajectory_verdict", r.infinity().verdict().word());
        json.put("trajectory_evidence", r.infinity().evidence());
        json.put("least_loss", c == null ? null : Figures.leastLoss(c.leastLoss()));
        json.put("hess_eig_min", c == null ? null : c.hessEigMin());
        json.put("hess_eig_max", c == null ? null : c.hessEigMax());
        json.put("growing", r.infinity().growing());
        if (!r.infinity().outputs().isEmpty()) {
            json.put("infinity_outputs", Figures.outputRoads(r.infinity().outputs()));
        }
        json.put("seconds", r.seconds());
        json.put("monitoring_seconds", r.monitoringSeconds());
        json.put("timings", timings(timings));
        json.put("probabilities", o.model().calibration().map(Calibration::describe).orElse(null));
        json.put("model_file", o.modelFile() == null ? null : o.modelFile().toString());
        json.put("warnings", warnings);
        json.put("provenance", new TreeMap<>(o.model().provenance()));
        return json;
    }

    /**
     * A drop or lambda schedule's rounds: λ and max_i |a·E_i| after each, whether the last is below
     * the tolerance (the neuron gone when dropped), the network alone's loss at the drop, the steps.
     */
    private static Map<String, Object> scaffold(ScaffoldFit s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schedule", s.scaffold().mode().word());
        out.put("lambdas", s.lambdas());
        out.put("max_contribution", s.contribution());
        out.put("tolerance", s.scaffold().tolerance());
        out.put("below_tolerance", s.lastContribution() < s.scaffold().tolerance());
        out.put("network_only_loss_at_drop", Double.isFinite(s.networkOnlyAtDrop()) ? s.networkOnlyAtDrop() : null);
        out.put("augmented_steps", s.augmentedSteps());
        out.put("fine_tune_steps", s.steps() - s.augmentedSteps());
        return out;
    }

    /** The phases in order, then {@code total}: each {@code {"seconds": wall, "cpu_seconds": thread CPU}}. */
    static Map<String, Object> timings(Timings timings) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Timings.Phase p : timings.phases()) {
            out.put(p.name(), phase(p.seconds(), p.cpuSeconds()));
        }
        out.put("total", phase(timings.totalSeconds(), timings.totalCpuSeconds()));
        return out;
    }

    private static Map<String, Object> phase(double seconds, double cpuSeconds) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seconds", seconds);
        out.put("cpu_seconds", cpuSeconds);
        return out;
    }

    /** Human-readable lines: the headline figures, then where the model went. */
    static void printText(PrintWriter out, Map<String, Object> json) {
        line(out, "data", json.get("data") + " (" + Plural.count(count(json.get("n_train")), "training sample")
                + (json.get("n_test") == null ? "" : ", " + json.get("n_test") + " test") + ", "
                + Plural.count(count(json.get("features")), "feature") + ")");
        @SuppressWarnings("unchecked")
        Map<String, Object> network = (Map<String, Object>) json.get("network");
        String shape = network.get("hidden") != null
                ? "hidden " + network.get("hidden") + ", " + network.get("activation")
                : network.get("architecture") + " on " + network.get("input_shape");
        line(out, "network", shape + ", neuron " + network.get("neuron") + ", "
                + Plural.count(count(network.get("parameters")), "parameter"));
        line(out, "objective", json.get("loss_function") + ", " + json.get("reduction") + ", lambda "
                + number(json.get("lambda")));
        if (json.containsKey("train_rmse")) {
            line(out, "train RMSE", number(json.get("train_rmse")) + " (MAE " + number(json.get("train_mae"))
                    + ", R² " + number(json.get("train_r2")) + ")");
            if (json.containsKey("test_rmse")) {
                line(out, "test RMSE", number(json.get("test_rmse")) + " (MAE " + number(json.get("test_mae"))
                        + ", R² " + number(json.get("test_r2")) + ")");
            }
        } else {
            line(out, "train accuracy", percent(json.get("train_accuracy")) + " ("
                    + Plural.count(count(json.get("train_errors")), "error") + ")");
            if (json.containsKey("test_accuracy")) {
                line(out, "test accuracy", percent(json.get("test_accuracy")) + " ("
                        + Plural.count(count(json.get("test_errors")), "error") + ")");
            }
        }
        if (json.get("class_figures") instanceof Map<?, ?> cf) {
            line(out, "macro F1", percent(cf.get("macro_f1")) + " (" + cf.get("part") + "; micro F1 "
                    + percent(cf.get("micro_f1")) + ", log-loss " + number(cf.get("log_loss")) + ")");
            out.print(confusion(cf));
        }
        line(out, "loss", "total " + number(json.get("loss_total")) + " = data "
                + number(json.get("loss_data")) + " + penalty " + number(json.get("loss_penalty"))
                + "; network alone " + number(json.get("loss_network_only"))
                + (json.get("target_standardizer") instanceof Map<?, ?> t ? " (standardized target (t - "
                + number(t.get("mean")) + ")/" + number(t.get("scale")) + ")" : ""));
        line(out, "gradient norm", number(json.get("gradient_norm")));
        if (json.get("neuron") instanceof Map<?, ?> n) {
            line(out, "neuron", "a " + number(n.get("a")) + ", b " + number(n.get("b")) + ", |w| "
                    + number(n.get("w_norm")) + ", max |a*E_i| " + number(n.get("max_contribution")));
        }
        if (json.get("neuron_outputs") instanceof List<?> outputs && outputs.size() > 1) {
            for (Object o : outputs) {
                Map<?, ?> n = (Map<?, ?>) o;
                line(out, "neuron " + n.get("output"), "a " + number(n.get("a")) + ", b " + number(n.get("b"))
                        + ", |w| " + number(n.get("w_norm")) + ", max |a*E_i| " + number(n.get("max_contribution")));
            }
        }
        Map<?, ?> scaffold = json.get("scaffold") instanceof Map<?, ?> m ? m : null;
        line(out, "steps", json.get("steps") + (scaffold == null ? "" : " (" + scaffold.get("augmented_steps")
                + " augmented, " + scaffold.get("fine_tune_steps") + " fine-tune)")
                + " with " + json.get("optimizer") + ", "
                + json.get("stop_reason") + String.format(Locale.ROOT, " (%.2f s)", (Double) json.get("seconds")));
        if (scaffold != null) {
            line(out, "scaffold", scaffoldLine(scaffold));
        }
        line(out, "verdict", json.get("verdict") + ": " + json.get("verdict_evidence"));
        if (json.get("infinity_outputs") instanceof List<?> roads) {
            for (Object o : roads) {
                Map<?, ?> road = (Map<?, ?>) o;
                line(out, "road " + road.get("output"), road.get("evidence").toString());
            }
        }
        if (json.get("timings") instanceof Map<?, ?> timings) {
            line(out, "time", timeLine(timings));
        }
        if (json.get("model_file") != null) {
            line(out, "model", json.get("model_file").toString());
        }
        out.flush();
    }

    /**
     * E.g. {@code lambda: neuron dropped after 4 rounds (λ 1.00 → 1.00e+03), max |a*E_i| 14.4 →
     * 273 (not below 0.00100); network alone at the drop 0.0452274}.
     */
    private static String scaffoldLine(Map<?, ?> scaffold) {
        List<?> lambdas = (List<?>) scaffold.get("lambdas");
        List<?> contributions = (List<?>) scaffold.get("max_contribution");
        if (lambdas.isEmpty()) {
            return scaffold.get("schedule") + ": stopped in its first round with the neuron";
        }
        Object atDrop = scaffold.get("network_only_loss_at_drop");
        return scaffold.get("schedule") + ": neuron dropped after " + lambdas.size()
                + (lambdas.size() == 1 ? " round" : " rounds") + " (λ " + range(lambdas) + "), max |a*E_i| "
                + range(contributions) + (Boolean.TRUE.equals(scaffold.get("below_tolerance")) ? " (below " : " (not below ")
                + short3(scaffold.get("tolerance")) + ")"
                + (atDrop == null ? "" : "; network alone at the drop " + number(atDrop));
    }

    /** The first and last values, e.g. {@code 1.00 → 1.00e+03} (one value: itself). */
    private static String range(List<?> values) {
        String first = short3(values.get(0));
        return values.size() == 1 ? first : first + " → " + short3(values.get(values.size() - 1));
    }

    private static String short3(Object value) {
        return value instanceof Double d && Double.isFinite(d) ? String.format(Locale.ROOT, "%.3g", d) : number(value);
    }

    /** E.g. {@code 3.41 s: load 0.21, prepare 0.05, optimizer 2.60, ...} (wall seconds; phases under 5 ms left out). */
    private static String timeLine(Map<?, ?> timings) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<?, ?> e : timings.entrySet()) {
            double seconds = (Double) ((Map<?, ?>) e.getValue()).get("seconds");
            if (e.getKey().equals("total")) {
                b.insert(0, String.format(Locale.ROOT, "%.2f s:", seconds));
            } else if (seconds >= 0.005) {
                b.append(String.format(Locale.ROOT, "%s %s %.2f", b.length() == 0 ? "" : ",",
                        e.getKey().toString().replace('_', ' '), seconds));
            }
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static String confusion(Map<?, ?> figures) {
        List<List<Long>> rows = (List<List<Long>>) figures.get("confusion_matrix");
        long[][] m = new long[rows.size()][];
        for (int r = 0; r < m.length; r++) {
            m[r] = rows.get(r).stream().mapToLong(Long::longValue).toArray();
        }
        return TaskFigures.confusionText(m, (List<String>) figures.get("classes"));
    }

    private static void line(PrintWriter out, String key, String value) {
        out.println(String.format(Locale.ROOT, "%-15s %s", key, value));
    }

    /** A figure for text output; an undefined one (NaN, or null as JSON writes it) reads n/a, as {@link #percent}. */
    static String number(Object value) {
        if (value == null || value instanceof Double d && Double.isNaN(d)) {
            return "n/a";
        }
        return value instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : String.valueOf(value);
    }

    /** A count from the JSON map (an int or a long) for {@link Plural#count}. */
    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    static String percent(Object value) {
        return value instanceof Double d && Double.isFinite(d)
                ? String.format(Locale.ROOT, "%.2f%%", 100 * d) : "n/a";
    }
}
