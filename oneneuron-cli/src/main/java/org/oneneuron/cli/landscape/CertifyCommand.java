package org.oneneuron.cli.landscape;

import org.oneneuron.cli.Vocabulary;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oneneuron.cli.CommonOptions;
import org.oneneuron.cli.ExitCodes;
import org.oneneuron.cli.Json;
import org.oneneuron.landscape.Certificate;
import org.oneneuron.landscape.Certifier;
import org.oneneuron.landscape.OutputNeurons;
import org.oneneuron.landscape.CertifyConfig;
import org.oneneuron.run.ContinuedRun;
import org.oneneuron.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oneneuron certify}: what a point is (PAPER §9 verdict) and the figures that say so. */
@Command(name = "certify", mixinStandardHelpOptions = true,
        description = {"Certify a point: is it a global minimum, a bad local minimum, a saddle, or running off?",
            "",
            "Reports the loss, network-only loss, training error, gradient norm, extreme Hessian"
                + " eigenvalues with residuals, the special neuron's figures, a perturbation probe, and a"
                + " verdict (global_minimum, neuron_carries_fit, bad_local_minimum, saddle, not_stationary,"
                + " not_converged, diverged, escaping_to_infinity, no_attained_minimum). See docs/LANDSCAPE.md for the"
                + " rules."},
        footer = {"", "Examples:",
            "  oneneuron certify --construction A1",
            "  oneneuron certify --construction A2 --perturbations 10000 --json",
            "  oneneuron certify --construction C            (trains 100000 GD steps first)",
            "  oneneuron certify --construction dead-relu --data wdbc --hidden 16",
            "  oneneuron certify --model model.json --data wdbc"})
public final class CertifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    SubjectOptions subject;

    @Option(names = "--perturbations", paramLabel = "N",
            description = "Random directions of the perturbation probe, exactly N wherever the point is; 0 to "
                    + "skip. Default: " + CertifyConfig.DEFAULT_PERTURBATIONS + " at most, run only where the probe "
                    + "can change the verdict (a stationary point above the loss's minimum) and, for models "
                    + "above the dense limit, at most " + Certifier.PROBE_VALUES_PER_HVP + " per Hessian-vector "
                    + "product of the Lanczos run (docs/LANDSCAPE.md).")
    Integer perturbations;

    @Option(names = "--train-steps", paramLabel = "N",
            description = "Train this many GD steps (lr --lr) from the point first and certify the end with "
                    + "the trainer's verdict. Default: 0 (certify the point itself); 100000 for C.")
    Long trainSteps;

    @Option(names = "--lr", paramLabel = "η", description = Vocabulary.LR + " Here: of --train-steps.")
    double learningRate = Vocabulary.TRAIN.learningRate();

    @Override
    public Integer call() {
        Subject s = subject.resolveObjective(common.threadsOr(1));
        CertifyConfig config = perturbations == null ? CertifyConfig.defaults()
                : CertifyConfig.defaults().withPerturbations(perturbations).withBoundedProbe(false);
        if (trainSteps != null && trainSteps < 0) {
            throw new IllegalArgumentException("--train-steps must be >= 0 (0 = certify the point itself), got "
                    + trainSteps);
        }
        long steps = trainSteps != null ? trainSteps : subject.isC() ? 100_000 : 0;
        TrainingResult training = null;
        Certificate cert;
        if (steps > 0) {
            ContinuationOptions gd = new ContinuationOptions();
            gd.learningRate = learningRate;
            ContinuedRun run = ContinuedRun.from(s.objective(), s.theta(), gd.config(steps), s.context(), config);
            training = run.training();
            cert = run.certificate();
        } else {
            cert = Certifier.certify(s.objective(), s.theta(), s.context(), config);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            Map<String, Object> json = Json.object("certify");
            json.put("subject", s.label());
            json.put("target_standardizer", CertificateReport.target(s));
            json.put("dimension", s.objective().dimension());
            json.putAll(CertificateReport.json(cert));
            double[] end = training == null ? s.theta() : training.theta();
            s.problem().map(p -> OutputNeurons.of(p.objective(), end)).filter(l -> !l.isEmpty())
                    .ifPresent(l -> json.put("neuron_outputs", org.oneneuron.cli.Figures.outputNeurons(l)));
            json.put("training", training == null ? null : CertificateReport.training(training));
            Json.print(out, json);
        } else {
            out.println("certify " + s.label() + (training == null ? ""
                    : ", after " + training.steps() + " GD steps (trainer: " + training.infinity().verdict().word()
                    + "; " + training.infinity().evidence() + ")"));
            CertificateReport.targetRow(out, s);
            CertificateReport.text(out, cert);
            if (s.problem().isPresent() && s.problem().get().spec().outputs() > 1) {
                double[] end = training == null ? s.theta() : training.theta();
                for (OutputNeurons.Figures f : OutputNeurons.of(s.problem().get().objective(), end)) {
                    CertificateReport.row(out, "neuron_" + f.output(), String.format(java.util.Locale.ROOT,
                            "a = %s, b = %s, ‖w‖ = %s, max|a·E_i| = %s", CertificateReport.num(f.a()),
                            CertificateReport.num(f.b()), CertificateReport.num(f.wNorm()),
                            CertificateReport.num(f.maxContribution())));
                }
                out.flush();
            }
            if (training != null) {
                for (org.oneneuron.train.OutputRoad road : training.infinity().outputs()) {
                    CertificateReport.row(out, "road_" + road.output(), road.evidence());
                }
                out.flush();
            }
        }
        ContinuationOptions.failOnTrouble(training);
        return ExitCodes.OK;
    }
}
