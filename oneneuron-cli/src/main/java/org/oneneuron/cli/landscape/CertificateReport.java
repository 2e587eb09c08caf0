package org.oneneuron.cli.landscape;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.oneneuron.cli.Plural;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.landscape.Certificate;
import org.oneneuron.landscape.CertifyConfig;
import org.oneneuron.landscape.DataFloor;
import org.oneneuron.landscape.PerturbationProbe;
import org.oneneuron.train.TrainingResult;

/** A certificate (and a training run) as a snake_case JSON map and as aligned text lines. */
final class CertificateReport {

    private CertificateReport() {
    }

    static Map<String, Object> json(Certificate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss_total", c.loss());
        m.put("loss_minimum", c.minimumLoss());
        m.put("least_loss", org.oneneuron.cli.Figures.leastLoss(c.leastLoss()));
        m.put("loss_network_only", c.networkOnlyLoss());
        m.put("training_error", c.trainingError());
        m.put("grad_norm", c.gradNorm());
        m.put("hess_eig_min", c.hessEigMin());
        m.put("hess_eig_min_residual", c.hessEigMinResidual());
        m.put("hess_eig_max", c.hessEigMax());
        m.put("hess_eig_max_residual", c.hessEigMaxResidual());
        m.put("hessian_method", c.hessianMethod());
        m.put("hessian_converged", c.hessianConverged());
        m.put("hessian_asymmetry", c.hessianAsymmetry());
        m.put("neuron", c.neuron().map(CertificateReport::neuron).orElse(null));
        m.put("identity_residual", c.identityResidual());
        Map<String, Object> kinks = new LinkedHashMap<>();
        kinks.put("treatment", c.kinks().treatment());
        kinks.put("units_at_kink", c.kinks().unitsAtKink());
        kinks.put("units_checked", c.kinks().unitsChecked());
        kinks.put("tolerance", c.kinks().tolerance());
        m.put("kinks", kinks);
        m.put("perturbation", c.perturbation().map(CertificateReport::probe).orElse(null));
        m.put("point_verdict", c.pointVerdict().word());
        m.put("trajectory_verdict", c.trajectory().map(v -> v.word()).orElse(null));
        m.put("verdict", c.verdict().word());
        m.put("reason", c.reason());
        m.put("data_floor", c.dataFloor().map(CertificateReport::floor).orElse(null));
        m.put("escape", c.escape().map(CertificateReport::escape).orElse(null));
        m.put("tolerances", tolerances(c.config()));
        return m;
    }

    private static Map<String, Object> escape(org.oneneuron.landscape.EscapeEvidence e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("escapes", e.escapes());
        m.put("decrease", e.decrease());
        m.put("slope", e.slope());
        m.put("kappa", e.kappa());
        m.put("step", e.step());
        m.put("step_used", e.stepUsed());
        m.put("halvings", e.halvings());
        m.put("barrier", e.barrier());
        m.put("decrease_from_a_zero", e.decreaseFromAZero());
        m.put("lambda_a_squared", e.lambdaASquared());
        m.put("w_distance", e.wDistance());
        m.put("directions_tried", e.directionsTried());
        m.put("ascent_steps", e.ascentSteps());
        m.put("seed", e.seed());
        m.put("tolerance", e.tolerance());
        return m;
    }

    private static Map<String, Object> floor(DataFloor f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("conflicting_groups", f.groups());
        m.put("conflicting_samples", f.samples());
        m.put("loss", f.loss());
        m.put("forced_errors", f.classes() ? f.forcedErrors() : null);
        m.put("example", f.example());
        return m;
    }

    private static Map<String, Object> neuron(NeuronSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", s.a());
        m.put("b", s.b());
        m.put("w_norm", s.wNorm());
        m.put("max_contribution", s.maxContribution());
        return m;
    }

    private static Map<String, Object> probe(PerturbationProbe p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("directions", p.directions());
        m.put("requested", p.requested());
        m.put("limit", p.limit());
        m.put("radius", p.radius());
        m.put("smallest_change", p.ran() ? p.smallestChange() : null);
        m.put("decreases", p.decreases());
        m.put("tolerance", p.ran() ? p.tolerance() : null);
        m.put("undetected_fraction_95", p.ran() ? p.undetectedFraction95() : null);
        m.put("seconds", p.seconds());
        return m;
    }

    private static Map<String, Object> tolerances(CertifyConfig config) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gradient", config.gradientTolerance());
        m.put("curvature_relative", config.curvatureTolerance());
        m.put("loss", config.lossTolerance());
        m.put("dense_limit", config.denseLimit());
        m.put("lanczos_steps", config.lanczos().steps());
        return m;
    }

    static Map<String, Object> training(TrainingResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("optimizer", r.optimizer());
        m.put("steps", r.steps());
        m.put("final_loss_total", r.finalLoss());
        m.put("final_grad_norm", r.finalGradientNorm());
        m.put("stop", r.stop().reason().word());
        m.put("infinity_verdict", r.infinity().verdict().word());
        m.put("growing", r.infinity().growing());
        m.put("infinity_evidence", r.infinity().evidence());
        if (!r.infinity().outputs().isEmpty()) {
            m.put("infinity_outputs", org.oneneuron.cli.Figures.outputRoads(r.infinity().outputs()));
        }
        m.put("seconds", r.seconds());
        return m;
    }

    static void text(PrintWriter out, Certificate c) {
        row(out, "verdict", c.verdict().word() + (c.verdict() != c.pointVerdict()
                ? " (point alone: " + c.pointVerdict().word() + ")" : ""));
        row(out, "loss_total", num(c.loss()));
        c.dataFloor().ifPresent(f -> row(out, "data_floor", num(f.loss()) + "  (zero loss is unattainable: "
                + Plural.count(f.groups(), "group") + " of identical inputs " + (f.groups() == 1 ? "carries" : "carry")
                + (f.classes() ? " conflicting labels; at least " + Plural.count(f.forcedErrors(), "sample")
                + " misclassified by any classifier)" : " different targets)")));
        row(out, "least_loss", c.leastLoss().kind().word() + (Double.isNaN(c.leastLoss().value()) ? ""
                : " " + num(c.leastLoss().value())) + "  (" + c.leastLoss().basis() + ")");
        row(out, "loss_network_only", num(c.networkOnlyLoss()));
        row(out, "training_error", num(c.trainingError()));
        row(out, "grad_norm", num(c.gradNorm()));
        row(out, "hess_eig_min", num(c.hessEigMin()) + "  (residual " + num(c.hessEigMinResidual()) + ", "
                + c.hessianMethod() + (c.hessianConverged() ? "" : ", NOT converged") + ")");
        row(out, "hess_eig_max", num(c.hessEigMax()) + "  (residual " + num(c.hessEigMaxResidual()) + ")");
        c.neuron().ifPresent(s -> row(out, "neuron", String.format(Locale.ROOT,
                "a = %s, b = %s, ‖w‖ = %s, max|a·E_i| = %s", num(s.a()), num(s.b()), num(s.wNorm()),
                num(s.maxContribution()))));
        if (!Double.isNaN(c.identityResidual())) {
            row(out, "identity_residual", num(c.identityResidual()) + "  (a·∂a - ∂b - λa², PAPER §4)");
        }
        c.perturbation().ifPresent(p -> row(out, "perturbation", !p.ran() ? p.limit() : String.format(Locale.ROOT,
                "%d%s %s of radius %s: smallest change %s, %s%s", p.directions(),
                p.directions() < p.requested() ? " of " + p.requested() : "",
                Plural.noun(Math.max(p.directions(), p.requested()), "direction"), num(p.radius()),
                num(p.smallestChange()), Plural.count(p.decreases(), "decrease"),
                p.directions() < p.requested() ? " (" + p.limit() + ")" : "")));
        row(out, "kinks", c.kinks().unitsChecked() == 0 ? "none to check (no hidden unit with a kinked activation)"
                : c.kinks().unitsAtKink() + " of " + c.kinks().unitsChecked() + " hidden units at a kink ("
                + c.kinks().treatment() + ")");
        row(out, "reason", c.reason());
        CertifyConfig t = c.config();
        row(out, "tolerances", String.format(Locale.ROOT, "‖∇L‖ <= %s, λ_min >= -%s·max(1, ‖H‖), %s",
                num(t.gradientTolerance()), num(t.curvatureTolerance()), Double.isNaN(c.minimumLoss())
                        ? "no known loss minimum to compare with"
                        : "loss within " + num(t.lossTolerance()) + " of " + num(c.minimumLoss())));
        out.flush();
    }

    /**
     * The subject's {@code target_standardizer} (null for the raw targets): a regression model's
     * loss figures are of its standardized target (t - μ)/σ, as train and evaluate say.
     */
    static Map<String, Object> target(Subject s) {
        return org.oneneuron.cli.Figures.target(s.target());
    }

    /** The row saying so, for a subject whose targets are standardized; nothing otherwise. */
    static void targetRow(PrintWriter out, Subject s) {
        if (!s.target().isIdentity()) {
            row(out, "target", org.oneneuron.cli.Figures.targetScaling(s.target()));
        }
    }

    static void row(PrintWriter out, String key, String value) {
        out.printf(Locale.ROOT, "  %-18s %s%n", key, value);
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
