package org.oneneuron.cli.landscape;

import org.oneneuron.cli.Vocabulary;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oneneuron.cli.CommonOptions;
import org.oneneuron.cli.ExitCodes;
import org.oneneuron.cli.Json;
import org.oneneuron.landscape.CertifyConfig;
import org.oneneuron.landscape.Escape;
import org.oneneuron.landscape.EscapeCertificate;
import org.oneneuron.landscape.EscapeConfig;
import org.oneneuron.landscape.EscapeStep;
import org.oneneuron.landscape.MomentTest;
import org.oneneuron.landscape.NetworkPoints;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.run.ContinuedRun;
import org.oneneuron.run.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oneneuron escape}: the escape certificate of PAPER §4 at a plain network's point. */
@Command(name = "escape", mixinStandardHelpOptions = true,
        description = {"Show the escape the theorem promises from a plain network's bad point (PAPER.md §4).",
            "",
            "Embed a plain network's point with the special neuron at a = 0 and show the escape: g ="
                + " ∂L~/∂a, κ = λ + Σ ℓ''(z_i)E_i², the step a = -g/κ, the predicted decrease g²/(2κ) and"
                + " the decrease measured there; a random search for a better direction w; the moment test."
                + " With --continue, train on by gradient descent and report where the run ends (often: off"
                + " to infinity). With K outputs (multi-class), one neuron per output (PAPER.md §10): the"
                + " escape of each output's neuron, the other scores held, and the output with the largest"
                + " predicted decrease (or --output)."},
        footer = {"", "Examples:",
            "  oneneuron escape --construction A1",
            "  oneneuron escape --construction A1 --w 1,0 --lambda 0.01 --json",
            "  oneneuron escape --construction A1 --continue --steps 20000"})
public final class EscapeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    SubjectOptions subject;

    @Mixin
    ContinuationOptions training;

    @Option(names = "--w", paramLabel = "W", split = ",",
            description = "The neuron's w to evaluate (comma-separated, d values); default: the construction's "
                    + "(1, 0), or the search's best for other subjects.")
    List<Double> w;

    @Option(names = "--b", paramLabel = "B", description = "The neuron's b.")
    double b;

    @Option(names = "--continue", description = "Train on from the escape step and certify where it ends.")
    boolean continueTraining;

    @Option(names = "--output", paramLabel = "K",
            description = "With K outputs: the output (0-based) whose neuron escapes; default: the one with the "
                    + "largest predicted decrease.")
    Integer output;

    @Option(names = "--seed", paramLabel = "S", description = Vocabulary.SEED + " Here: of the direction search.")
    long seed = Vocabulary.TRAIN.seed();

    @Override
    public Integer call() {
        training.check();
        if (subject.augmented) {
            throw new IllegalArgumentException("escape starts from the plain point; drop --augmented");
        }
        Subject s = subject.resolve(common.threadsOr(1));
        Problem plain = s.problem().orElseThrow(() -> new IllegalArgumentException(
                "escape needs a network subject (A1, A2, B, B-leaky, a recipe or --model), not " + s.label()));
        requirePlain(plain, "escape starts", "");
        double lambda = s.lambda();
        double[] direction = w != null ? w.stream().mapToDouble(Double::doubleValue).toArray()
                : s.construction().map(c -> c.escapeW()).orElse(null);
        int outputs = plain.spec().outputs();
        if (output != null && (output < 0 || output >= outputs)) {
            throw new IllegalArgumentException("--output must be in 0.." + (outputs - 1) + ", got " + output);
        }
        EscapeCertificate[] perOutput = new EscapeCertificate[outputs];
        int k = output != null ? output : 0;
        for (int j = 0; j < outputs; j++) {
            if (output == null || j == output) {
                perOutput[j] = Escape.certify(outputs == 1
                        ? NetworkPoints.escapeProblem(plain.objective(), s.theta(), lambda)
                        : NetworkPoints.escapeProblem(plain.objective(), s.theta(), lambda, j),
                        direction, b, EscapeConfig.defaults().withSeed(seed));
                if (output == null && perOutput[j].chosen().predictedDecrease()
                        > perOutput[k].chosen().predictedDecrease()) {
                    k = j;
                }
            }
        }
        EscapeCertificate cert = perOutput[k];
        ContinuedRun run = null;
        if (continueTraining) {
            Problem augmented = augmented(plain, lambda);
            EscapeStep step = cert.chosen();
            double[] start = NetworkPoints.embed(augmented.objective(), s.theta(), k, step.w(), step.stepUsed(),
                    step.b());
            run = ContinuedRun.from(augmented, start, training.config(), CertifyConfig.defaults().withPerturbations(0));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            Map<String, Object> json = Json.object("escape");
            json.put("subject", s.label());
            json.put("target_standardizer", CertificateReport.target(s));
            json.put("lambda", lambda);
            json.put("loss_total_before", cert.loss());
            json.put("already_global", cert.alreadyGlobal());
            json.put("max_abs_c", cert.maxAbsC());
            json.putAll(step(cert.chosen()));
            json.put("best", step(cert.best()));
            json.put("directions_tried", cert.directionsTried());
            json.put("moments", moments(cert.moments()));
            json.put("escapes", cert.escapes());
            json.put("outcome", cert.outcome());
            if (outputs > 1) {
                json.put("output", k);
                List<Map<String, Object>> all = new java.util.ArrayList<>();
                for (int j = 0; j < outputs; j++) {
                    if (perOutput[j] != null) {
                        Map<String, Object> one = step(perOutput[j].chosen());
                        one.put("output", j);
                        all.add(one);
                    }
                }
                json.put("outputs", all);
            }
            if (run != null) {
                json.put("training", CertificateReport.training(run.training()));
                json.put("final_certificate", CertificateReport.json(run.certificate()));
                json.put("final_verdict", run.certificate().verdict().word());
            }
            Json.print(out, json);
        } else {
            if (outputs > 1) {
                out.println("escape by the neuron of output " + k + " of " + outputs + (output == null
                        ? " (the largest predicted decrease of the " + outputs + " outputs)" : ""));
            }
            text(out, s, cert, run, lambda);
        }
        ContinuationOptions.failOnTrouble(run == null ? null : run.training());
        return ExitCodes.OK;
    }

    /**
     * Refuses a subject that already has special neurons (a model trained with one and kept): the
     * escape embeds a neuron at a = 0 in a plain network, and this network's scores without its
     * neurons are not the point the model is at.
     */
    static void requirePlain(Problem plain, String what, String alternative) {
        if (plain.spec().neuron().present()) {
            throw new IllegalArgumentException(what + " from a plain network, but this model has the "
                    + plain.spec().neuron().word() + " neuron" + (plain.spec().outputs() > 1 ? " (one per output)" : "")
                    + "; give a model trained with --neuron none (or one whose scaffold dropped the neuron,"
                    + " train's default)"
                    + alternative);
        }
    }

    /** The plain problem with the paper's skip-exp neuron and λ. */
    static Problem augmented(Problem plain, double lambda) {
        if (plain.spec().neuron().present()) {
            throw new IllegalArgumentException("the network already has a special neuron: "
                    + plain.spec().neuron().word());
        }
        if (lambda == 0) {
            throw new IllegalArgumentException(SubjectOptions.ZERO_LAMBDA);
        }
        return plain.withNeuron(NeuronKind.SKIP_EXP, lambda);
    }

    private static Map<String, Object> step(EscapeStep s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("direction", s.w());
        m.put("b", s.b());
        m.put("g", s.g());
        m.put("kappa", s.kappa());
        m.put("step", s.step());
        m.put("predicted_decrease", s.predictedDecrease());
        m.put("measured_decrease", s.measuredDecrease());
        m.put("halvings", s.halvings());
        m.put("step_used", s.stepUsed());
        m.put("measured_decrease_used", s.decreaseUsed());
        return m;
    }

    private static Map<String, Object> moments(MomentTest m) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("u", m.u());
        j.put("values", m.moments());
        j.put("scale", m.scale());
        j.put("first_nonzero", m.firstNonzero());
        j.put("degenerate", m.degenerate());
        return j;
    }

    private static void text(PrintWriter out, Subject s, EscapeCertificate cert, ContinuedRun run, double lambda) {
        out.println("escape from " + s.label() + ", λ = " + lambda);
        CertificateReport.targetRow(out, s);
        CertificateReport.row(out, "loss_total_before", CertificateReport.num(cert.loss()));
        if (cert.alreadyGlobal()) {
            CertificateReport.row(out, "result", "the loss is within " + CertificateReport.num(CertifyConfig.LOSS_TOLERANCE)
                    + " of its minimum (certify's rule): the point is already a global minimum, no escape to show");
        } else if (cert.atInfimum()) {
            CertificateReport.row(out, "result", "the loss is within " + CertificateReport.num(CertifyConfig.LOSS_TOLERANCE)
                    + " of its infimum 0, which this loss never attains (certify's no_attained_minimum): the point is"
                    + " no minimum at all, descent goes on towards infinity (PAPER.md §5); no bad point to escape from");
        }
        EscapeStep c = cert.chosen();
        CertificateReport.row(out, "direction", vector(c.w()) + ", b = " + CertificateReport.num(c.b()));
        CertificateReport.row(out, "g", CertificateReport.num(c.g()) + "  (∂L~/∂a at a = 0)");
        CertificateReport.row(out, "kappa", CertificateReport.num(c.kappa()) + "  (λ + Σ ℓ''(z_i) E_i²)");
        CertificateReport.row(out, "step", "a = " + CertificateReport.num(c.step()));
        CertificateReport.row(out, "predicted", CertificateReport.num(c.predictedDecrease()) + "  (g²/(2κ))"
                + (c.predictedDecrease() > cert.loss() ? "  more than the loss itself: the quadratic model along a"
                        + " does not hold this far" : ""));
        CertificateReport.row(out, "measured", CertificateReport.num(c.measuredDecrease())
                + (c.measuredDecrease() <= cert.roundOff() ? "  the full step does not lower the loss beyond round-off" : ""));
        if (c.halvings() > 0) {
            CertificateReport.row(out, "step_used", String.format(Locale.ROOT, "a = %s after %d halvings: measured"
                    + " decrease %s%s", CertificateReport.num(c.stepUsed()), c.halvings(),
                    CertificateReport.num(c.decreaseUsed()), c.decreaseUsed() > cert.roundOff() ? ""
                            : "  (no tested step lowered the loss)"));
        }
        EscapeStep best = cert.best();
        CertificateReport.row(out, "best_search", String.format(Locale.ROOT, "w = %s: predicted %s, measured %s (%d random directions + ascent)",
                vector(best.w()), CertificateReport.num(best.predictedDecrease()),
                CertificateReport.num(best.measuredDecrease()), cert.directionsTried()));
        MomentTest m = cert.moments();
        CertificateReport.row(out, "moments", vector(m.moments()) + (!m.certifiesEscape() ? "  (none clearly nonzero)"
                : cert.alreadyGlobal() ? "  (m_" + m.firstNonzero() + " != 0, but the loss is already at its minimum)"
                : cert.atInfimum() ? "  (m_" + m.firstNonzero() + " != 0, but the loss is already at its infimum)"
                : "  (m_" + m.firstNonzero() + " != 0: not a local minimum of L~)"));
        CertificateReport.row(out, "escapes", cert.escapes() + "  (" + outcomeText(cert) + ")");
        if (run != null) {
            out.println("continued " + run.training().steps() + " GD steps from the escape step:");
            CertificateReport.row(out, "trainer", run.training().infinity().verdict().word() + ": "
                    + run.training().infinity().evidence());
            CertificateReport.text(out, run.certificate());
            CertificateReport.row(out, "final_verdict", run.certificate().verdict().word());
        }
        out.flush();
    }

    private static String outcomeText(EscapeCertificate cert) {
        EscapeStep shown = cert.requested().filter(r -> r.decreaseUsed() > cert.roundOff()).orElse(cert.best());
        return switch (cert.outcome()) {
            case "already_global" -> "already a global minimum";
            case "no_attained_minimum" -> "at the infimum of a loss that never attains it: no minimum here";
            case "escapes" -> "a step a = " + CertificateReport.num(shown.stepUsed()) + " lowers the loss by "
                    + CertificateReport.num(shown.decreaseUsed());
            case "descent_direction_only" -> "the moment test certifies a descent direction but no tested step"
                    + " decreased the loss";
            default -> "no tested step decreased the loss and no moment is clearly nonzero";
        };
    }

    private static String vector(double[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(CertificateReport.num(v[i]));
        }
        return sb.append(')').toString();
    }
}
