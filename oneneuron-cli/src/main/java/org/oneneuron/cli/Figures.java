package org.oneneuron.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneneuron.data.TargetStandardizer;
import org.oneneuron.eval.BinaryMetrics;
import org.oneneuron.eval.ProbabilityMetrics;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.run.LossFigures;
import org.oneneuron.run.Model;

/**
 * The named figures every command reports the same way: the loss figures ({@code loss_total},
 * {@code loss_data}, {@code loss_network_only}, {@code loss_penalty}), the classification
 * figures and the special neuron's.
 */
public final class Figures {

    private Figures() {
    }

    /** Puts the four loss figures under their names. */
    public static void putLoss(Map<String, Object> json, LossFigures loss) {
        json.put("loss_total", loss.total());
        json.put("loss_data", loss.data());
        json.put("loss_network_only", loss.networkOnly());
        json.put("loss_penalty", loss.penalty());
    }

    /** One line: "total T = data D + penalty P; network alone N". */
    public static String lossText(LossFigures loss) {
        return "total " + TrainReport.number(loss.total()) + " = data " + TrainReport.number(loss.data())
                + " + penalty " + TrainReport.number(loss.penalty()) + "; network alone "
                + TrainReport.number(loss.networkOnly());
    }

    /**
     * {@link #lossText} with, for a regression trained on standardized targets, the units said:
     * "... (standardized target (t - μ)/σ)", as the objective saw them.
     */
    public static String lossText(LossFigures loss, TargetStandardizer target) {
        return lossText(loss) + (target.isIdentity() ? "" : " (standardized target " + targetWords(target) + ")");
    }

    /** E.g. {@code (t - 100012)/36045.2}. */
    static String targetWords(TargetStandardizer target) {
        return "(t - " + TrainReport.number(target.mean()) + ")/" + TrainReport.number(target.scale());
    }

    /**
     * For the landscape commands, whose figures are all of the objective: e.g. {@code standardized:
     * the loss is of (t - μ)/σ, μ = 100012, σ = 36045.2 (the model's target_standardizer)}.
     */
    public static String targetScaling(TargetStandardizer target) {
        return "standardized: the loss is of (t - μ)/σ, μ = " + TrainReport.number(target.mean()) + ", σ = "
                + TrainReport.number(target.scale()) + " (the model's target_standardizer)";
    }

    /** A regression's target scaling as {@code {"mean": μ, "scale": σ}}; null for none (the identity). */
    public static Map<String, Object> target(TargetStandardizer target) {
        if (target.isIdentity()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mean", target.mean());
        out.put("scale", target.scale());
        return out;
    }

    /**
     * The model's probabilities (those {@code predict} prints) judged on labeled data:
     * {@code probability_method}, {@code probability_log_loss}, {@code brier}, {@code ece}; all
     * null when the model gives no probabilities.
     */
    public static void putProbabilities(Map<String, Object> json, Model model, Optional<ProbabilityMetrics> m) {
        json.put("probability_method", model.probabilityMethod().orElse(null));
        json.put("probability_log_loss", m.map(ProbabilityMetrics::logLoss).orElse(null));
        json.put("brier", m.map(ProbabilityMetrics::brier).orElse(null));
        json.put("ece", m.map(ProbabilityMetrics::ece).orElse(null));
    }

    /** One line: the method, then "log-loss L, Brier B, ECE E"; or why there are none. */
    public static String probabilitiesText(Model model, Optional<ProbabilityMetrics> m) {
        return m.map(p -> model.probabilityMethod().orElseThrow() + ": log-loss " + TrainReport.number(p.logLoss())
                + ", Brier " + TrainReport.number(p.brier()) + ", ECE " + TrainReport.number(p.ece())
                + " (" + ProbabilityMetrics.BINS + " bins)")
                .orElse("none: the model file records no calibration");
    }

    /** accuracy, errors, precision, recall, f1, roc_auc and the confusion counts. */
    public static void putMetrics(Map<String, Object> json, BinaryMetrics m) {
        json.put("accuracy", m.accuracy());
        json.put("errors", m.errors());
        json.put("precision", m.precision());
        json.put("recall", m.recall());
        json.put("f1", m.f1());
        json.put("roc_auc", m.rocAuc());
        Map<String, Object> confusion = new LinkedHashMap<>();
        confusion.put("true_positives", m.truePositives());
        confusion.put("false_positives", m.falsePositives());
        confusion.put("true_negatives", m.trueNegatives());
        confusion.put("false_negatives", m.falseNegatives());
        json.put("confusion", confusion);
    }

    /** What a certificate knew of the least loss: {@code kind} (exact, below, convex, theorem, unknown), {@code value}, {@code basis}. */
    public static Map<String, Object> leastLoss(org.oneneuron.landscape.LeastLoss least) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", least.kind().word());
        m.put("value", least.value());
        m.put("basis", least.basis());
        return m;
    }

    /** Each output's neuron: {@code output}, {@code a}, {@code b}, {@code w_norm}, {@code max_contribution}. */
    public static List<Map<String, Object>> outputNeurons(List<org.oneneuron.landscape.OutputNeurons.Figures> all) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (org.oneneuron.landscape.OutputNeurons.Figures f : all) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("output", f.output());
            m.put("a", f.a());
            m.put("b", f.b());
            m.put("w_norm", f.wNorm());
            m.put("max_contribution", f.maxContribution());
            list.add(m);
        }
        return list;
    }

    /**
     * Each output neuron's road to infinity (K ≥ 2 outputs): {@code output}, {@code running_off},
     * {@code growing}, the trends of {@code a}, {@code b}, {@code w_norm} ({@code start}, {@code end},
     * {@code per_efold}: |q| at the window's ends and its slope per e-fold of steps),
     * {@code horizon_steps} and {@code evidence}.
     */
    public static List<Map<String, Object>> outputRoads(List<org.oneneuron.train.OutputRoad> roads) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (org.oneneuron.train.OutputRoad r : roads) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("output", r.output());
            m.put("running_off", r.runningOff());
            m.put("growing", r.growing());
            m.put("a", trend(r.a()));
            m.put("b", trend(r.b()));
            m.put("w_norm", trend(r.wNorm()));
            m.put("horizon_steps", r.horizonSteps());
            m.put("evidence", r.evidence());
            list.add(m);
        }
        return list;
    }

    private static Map<String, Object> trend(org.oneneuron.train.ParameterTrend t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", t.start());
        m.put("end", t.end());
        m.put("per_efold", t.perEfold());
        m.put("growing", t.growing());
        return m;
    }

    /** The neuron's figures: {@code a}, {@code b}, {@code w_norm}, {@code max_contribution}. */
    public static Map<String, Object> neuron(NeuronSnapshot n) {
        Map<String, Object> neuron = new LinkedHashMap<>();
        neuron.put("a", n.a());
        neuron.put("b", n.b());
        neuron.put("w_norm", n.wNorm());
        neuron.put("max_contribution", n.maxContribution());
        return neuron;
    }
}
