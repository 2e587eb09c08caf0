package org.oneneuron.cli.landscape;

import org.oneneuron.cli.Vocabulary;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oneneuron.cli.CommonOptions;
import org.oneneuron.cli.ExitCodes;
import org.oneneuron.cli.Json;
import org.oneneuron.cli.Plural;
import org.oneneuron.landscape.DenseHessian;
import org.oneneuron.landscape.EigenDecomposition;
import org.oneneuron.landscape.Hutchinson;
import org.oneneuron.landscape.Lanczos;
import org.oneneuron.landscape.LanczosConfig;
import org.oneneuron.landscape.LanczosResult;
import org.oneneuron.landscape.Slq;
import org.oneneuron.landscape.SlqConfig;
import org.oneneuron.landscape.SpectralDensity;
import org.oneneuron.landscape.TraceEstimate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oneneuron spectrum}: extreme Hessian eigenvalues, spectral density and trace at a point. */
@Command(name = "spectrum", mixinStandardHelpOptions = true,
        description = {"The Hessian's spectrum at a point: extreme eigenvalues, density and trace.",
            "",
            "The Hessian's spectrum at a point from Hessian-vector products only: extreme eigenvalues"
                + " by Lanczos (with residuals and a converged flag), the spectral density by stochastic"
                + " Lanczos quadrature (its moments estimate tr(H^k)/n), and Hutchinson's trace with its"
                + " standard error. --dense also assembles H and solves it exactly (small models)."},
        footer = {"", "Examples:",
            "  oneneuron spectrum --construction A1 --augmented --dense",
            "  oneneuron spectrum --construction dead-relu --hidden 32 --json",
            "  oneneuron spectrum --model model.json --data wdbc --lanczos-steps 60"})
public final class SpectrumCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    SubjectOptions subject;

    @Option(names = "--lanczos-steps", paramLabel = "K", description = "Lanczos steps.")
    int lanczosSteps = LanczosConfig.defaults().steps();

    @Option(names = "--probes", paramLabel = "M",
            description = "Rademacher probes for SLQ and, independently, for Hutchinson.")
    int probes = SlqConfig.defaults().probes();

    @Option(names = "--slq-steps", paramLabel = "K", description = "Lanczos steps per SLQ probe.")
    int slqSteps = SlqConfig.defaults().steps();

    @Option(names = "--density-points", paramLabel = "N", description = "Grid points of the smoothed density.")
    int densityPoints = 60;

    @Option(names = "--seed", paramLabel = "S", description = Vocabulary.SEED
            + " Here: Lanczos' start vector S, SLQ's probes S + 1, Hutchinson's S + 2.")
    long seed = Vocabulary.TRAIN.seed();

    @Option(names = "--dense", description = "Also assemble the dense Hessian and solve it exactly.")
    boolean dense;

    @Override
    public Integer call() {
        if (densityPoints < 2) {
            throw new IllegalArgumentException("--density-points must be >= 2, got " + densityPoints);
        }
        if (lanczosSteps < 1) {
            throw new IllegalArgumentException("--lanczos-steps must be >= 1, got " + lanczosSteps);
        }
        if (probes < 2) {
            throw new IllegalArgumentException("--probes must be >= 2, got " + probes);
        }
        if (slqSteps < 1) {
            throw new IllegalArgumentException("--slq-steps must be >= 1, got " + slqSteps);
        }
        Subject s = subject.resolveObjective(common.threadsOr(1));
        double[] theta = s.theta();
        int n = theta.length;
        LanczosResult lanczos = Lanczos.extremes(s.objective(), theta,
                LanczosConfig.defaults().withSteps(lanczosSteps).withSeed(seed));
        SpectralDensity density = Slq.density(s.objective(), theta, new SlqConfig(probes, slqSteps, seed + 1));
        TraceEstimate trace = Hutchinson.trace(s.objective(), theta, probes, seed + 2);
        TraceEstimate m1 = density.moment(1);
        TraceEstimate m2 = density.moment(2);
        double lo = lanczos.min().value();
        double hi = lanczos.max().value();
        // the density's own nodes too: the Lanczos extremes of a short run (--lanczos-steps) may not span them
        double[] span = {lo, hi};
        for (double[] nodes : density.nodes()) {
            for (double node : nodes) {
                span[0] = Math.min(span[0], node);
                span[1] = Math.max(span[1], node);
            }
        }
        double pad = 0.05 * Math.max(span[1] - span[0], 1e-12);
        double gridLo = span[0];
        double gridHi = span[1];
        double[] grid = new double[densityPoints];
        for (int i = 0; i < densityPoints; i++) {
            grid[i] = gridLo - pad + (gridHi - gridLo + 2 * pad) * i / (densityPoints - 1);
        }
        double sigma = Math.max((gridHi - gridLo) / densityPoints, 1e-12);
        double[] phi = density.smoothed(grid, sigma);

        Map<String, Object> json = Json.object("spectrum");
        json.put("subject", s.label());
        json.put("target_standardizer", CertificateReport.target(s));
        json.put("dimension", n);
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("eig_min", lo);
        l.put("eig_min_residual", lanczos.min().residual());
        l.put("eig_max", hi);
        l.put("eig_max_residual", lanczos.max().residual());
        l.put("eig_min_resolved", resolved(lo, lanczos.min().residual()));
        l.put("eig_max_resolved", resolved(hi, lanczos.max().residual()));
        l.put("steps", lanczos.steps());
        l.put("invariant", lanczos.invariant());
        l.put("converged", lanczos.converged());
        l.put("relative_tolerance", lanczos.relativeTolerance());
        json.put("lanczos", l);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("trace", trace.mean());
        h.put("standard_error", trace.standardError());
        h.put("probes", trace.probes());
        json.put("hutchinson", h);
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("probes", density.probes());
        q.put("steps", slqSteps);
        q.put("trace", n * m1.mean());
        q.put("trace_standard_error", n * m1.standardError());
        q.put("trace_of_square", n * m2.mean());
        q.put("trace_of_square_standard_error", n * m2.standardError());
        q.put("sigma", sigma);
        q.put("grid", grid);
        q.put("density", phi);
        json.put("slq", q);
        Map<String, Object> d = null;
        if (dense) {
            DenseHessian hess = DenseHessian.assemble(s.objective(), theta, 1);
            EigenDecomposition eig = hess.eigenvalues();
            d = new LinkedHashMap<>();
            d.put("eig_min", eig.value(0));
            d.put("eig_max", eig.value(n - 1));
            d.put("trace", hess.trace());
            d.put("trace_of_square", hess.traceOfSquare());
            d.put("asymmetry", hess.asymmetry());
            d.put("eigenvalues", eig.values());
            json.put("dense", d);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            Json.print(out, json);
            return ExitCodes.OK;
        }
        out.println("spectrum of " + s.label() + ", " + Plural.count(n, "parameter"));
        CertificateReport.targetRow(out, s);
        CertificateReport.row(out, "eig_min", CertificateReport.num(lo) + "  (residual "
                + CertificateReport.num(lanczos.min().residual()) + unresolved(lo, lanczos.min().residual()) + ")");
        CertificateReport.row(out, "eig_max", CertificateReport.num(hi) + "  (residual "
                + CertificateReport.num(lanczos.max().residual()) + unresolved(hi, lanczos.max().residual()) + ")");
        CertificateReport.row(out, "lanczos", Plural.count(lanczos.steps(), "step") + ", " + (lanczos.converged() ? "converged"
                : "NOT converged") + " (tolerance " + CertificateReport.num(lanczos.relativeTolerance()) + "·‖H‖)"
                + (lanczos.invariant() ? ", invariant subspace (exact up to the residuals)" : ""));
        CertificateReport.row(out, "trace", String.format(Locale.ROOT, "%s ± %s (Hutchinson, %s); "
                + "%s ± %s (SLQ)", CertificateReport.num(trace.mean()), CertificateReport.num(trace.standardError()),
                Plural.count(trace.probes(), "probe"), CertificateReport.num(n * m1.mean()), CertificateReport.num(n * m1.standardError())));
        CertificateReport.row(out, "tr(H²)", CertificateReport.num(n * m2.mean()) + " ± "
                + CertificateReport.num(n * m2.standardError()) + " (SLQ)");
        if (d != null) {
            CertificateReport.row(out, "dense", String.format(Locale.ROOT,
                    "eig_min %s, eig_max %s, trace %s, tr(H²) %s, asymmetry %s",
                    CertificateReport.num((double) d.get("eig_min")), CertificateReport.num((double) d.get("eig_max")),
                    CertificateReport.num((double) d.get("trace")), CertificateReport.num((double) d.get("trace_of_square")),
                    CertificateReport.num((double) d.get("asymmetry"))));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Whether a Ritz value is resolved: |θ| at least its residual ‖Hy − θy‖. Below it, round-off at
     * ‖H‖ (products of a Hessian with ‖H‖ ≈ 1e19 carry errors ~1e3) hides the value, sign included,
     * whatever "converged" (relative to ‖H‖) says.
     */
    static boolean resolved(double value, double residual) {
        return Math.abs(value) >= residual;
    }

    private static String unresolved(double value, double residual) {
        return resolved(value, residual) ? "" : "; not resolved: |value| is below its residual, sign included";
    }
}
