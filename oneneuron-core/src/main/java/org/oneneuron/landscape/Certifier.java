package org.oneneuron.landscape;

import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.objective.Objective;
import org.oneneuron.train.Verdict;

/**
 * Certifies a point: gradient, extreme Hessian eigenvalues with residuals, the special neuron's
 * figures and identity, a random-perturbation probe, and a verdict (PAPER.md §9):
 * <ol>
 * <li>loss within lossTolerance of its minimum: for an augmented model with the network alone
 *     above it, {@code neuron_carries_fit} (the neuron's contribution max_i |a·E_i| is reported
 *     beside it); else {@code global_minimum} if stationary;</li>
 * <li>‖∇L‖ > gradientTolerance: {@code not_stationary};</li>
 * <li>λ_min < -curvatureTolerance·max(1, ‖H‖), or a perturbation that decreases the loss beyond
 *     round-off: {@code saddle};</li>
 * <li>otherwise {@code bad_local_minimum} (or {@code converged_finite} when the loss's minimum is
 *     unknown, so "bad" cannot be decided).</li>
 * </ol>
 * A trajectory verdict escaping_to_infinity or no_attained_minimum from the trainer overrides
 * every point verdict but global_minimum. On data whose identical inputs carry conflicting labels
 * the minimum is the data's floor ({@link DataFloor}, from the context), and the reason says so.
 */
public final class Certifier {

    private Certifier() {
    }

    /** Certifies θ (not modified). */
    public static Certificate certify(Objective objective, double[] theta, PointContext context,
                                      CertifyConfig config) {
        Lanczos.checkPoint(objective, theta);
        int n = theta.length;
        double[] gradient = new double[n];
        double loss = objective.valueAndGradient(theta, gradient);
        if (!Double.isFinite(loss)) {
            throw new ArithmeticException("loss at the point is not finite: " + loss);
        }
        double gradNorm = Vectors.norm(gradient);
        Optional<NeuronSnapshot> neuron = objective.neuron(theta);
        double networkOnly = neuron.map(NeuronSnapshot::networkOnlyLoss).orElse(loss);
        double identity = identityResidual(theta, gradient, context);
        Curvature curvature = n <= config.denseLimit() ? dense(objective, theta) : lanczos(objective, theta, config);
        Optional<PerturbationProbe> probe = config.perturbations() == 0 ? Optional.empty()
                : Optional.of(perturb(objective, theta, loss, config));

        double norm = Math.max(Math.abs(curvature.min), Math.abs(curvature.max));
        double curvatureBound = -config.curvatureTolerance() * Math.max(1.0, norm);
        boolean negativeCurvature = curvature.min < curvatureBound;
        boolean perturbationDecrease = probe.map(p -> !p.noDecrease()).orElse(false);
        boolean stationary = gradNorm <= config.gradientTolerance();
        boolean minimumKnown = !Double.isNaN(context.minimumLoss());
        boolean lossAtMinimum = minimumKnown && loss - context.minimumLoss() <= config.lossTolerance();
        double contribution = neuron.map(NeuronSnapshot::maxContribution).orElse(0.0);
        boolean networkFits = minimumKnown && networkOnly - context.minimumLoss() <= config.lossTolerance();

        Verdict point;
        String reason;
        double[] direction = new double[0];
        if (lossAtMinimum && neuron.isPresent() && !networkFits) {
            point = Verdict.NEURON_CARRIES_FIT;
            reason = fmt("loss %.3e <= %.1e above its minimum, but the network alone is at %.6g, with "
                    + "neuron contribution max|a·E_i| = %.3e", loss - context.minimumLoss(),
                    config.lossTolerance(), networkOnly, contribution);
        } else if (!stationary) {
            point = Verdict.NOT_STATIONARY;
            reason = fmt("‖∇L‖ = %.3e > %.1e", gradNorm, config.gradientTolerance());
        } else if (lossAtMinimum) {
            point = Verdict.GLOBAL_MINIMUM;
            reason = fmt("‖∇L‖ = %.3e <= %.1e and loss %.6g within %.1e of its minimum %.6g%s", gradNorm,
                    config.gradientTolerance(), loss, config.lossTolerance(), context.minimumLoss(),
                    neuron.isPresent() ? fmt("; network alone %.3e, neuron contribution %.3e",
                            networkOnly, contribution) : "");
        } else if (negativeCurvature || perturbationDecrease) {
            point = Verdict.SADDLE;
            direction = negativeCurvature ? curvature.minVector : probe.orElseThrow().worstDirection();
            reason = negativeCurvature
                    ? fmt("stationary (‖∇L‖ = %.3e) with λ_min = %.6g < %.3e", gradNorm, curvature.min,
                            curvatureBound)
                    : fmt("stationary, λ_min = %.3e, but a perturbation of radius %.1e lowers the loss by %.3e",
                            curvature.min, config.perturbationRadius(), -probe.orElseThrow().smallestChange());
        } else if (minimumKnown) {
            point = Verdict.BAD_LOCAL_MINIMUM;
            reason = fmt("‖∇L‖ = %.3e <= %.1e, λ_min = %.3e >= %.3e, loss %.6g above the minimum %.6g",
                    gradNorm, config.gradientTolerance(), curvature.min, curvatureBound, loss,
                    context.minimumLoss());
        } else {
            point = Verdict.CONVERGED_FINITE;
            reason = fmt("‖∇L‖ = %.3e, λ_min = %.3e: a local minimum, but the loss's minimum is unknown",
                    gradNorm, curvature.min);
        }
        Verdict overall = point;
        Optional<Verdict> trajectory = context.trajectory();
        if (trajectory.isPresent() && point != Verdict.GLOBAL_MINIMUM
                && (trajectory.get() == Verdict.ESCAPING_TO_INFINITY
                || trajectory.get() == Verdict.NO_ATTAINED_MINIMUM)) {
            overall = trajectory.get();
            reason = "trainer: " + overall.word() + "; at the last point " + point.word() + ": " + reason;
        }
        if (context.kinks().flagged()) {
            reason += fmt("; %d unit(s) at a kink (derivatives one-sided there)", context.kinks().unitsAtKink());
        }
        if (context.dataFloor().isPresent()) {
            reason += "; " + context.dataFloor().get().describe();
        }
        return new Certificate(loss, context.minimumLoss(), networkOnly, context.trainingError(), gradNorm,
                curvature.min, curvature.minResidual, curvature.max, curvature.maxResidual,
                curvature.method, curvature.converged, curvature.asymmetry, neuron, identity,
                context.kinks(), probe, direction, point, trajectory, overall, reason, config,
                context.dataFloor());
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** a·∂L/∂a - ∂L/∂b - λa², or NaN when the context names no neuron. */
    private static double identityResidual(double[] theta, double[] gradient, PointContext context) {
        if (context.aIndex().isEmpty()) {
            return Double.NaN;
        }
        int ia = context.aIndex().getAsInt();
        int ib = context.bIndex().getAsInt();
        double a = theta[ia];
        return a * gradient[ia] - gradient[ib] - context.lambda() * a * a;
    }

    private record Curvature(double min, double minResidual, double[] minVector, double max,
                             double maxResidual, String method, boolean converged, double asymmetry) {
    }

    private static Curvature dense(Objective objective, double[] theta) {
        DenseHessian h = DenseHessian.assemble(objective, theta, 1);
        EigenDecomposition eig = h.eigen();
        int n = eig.n();
        double[] vmin = eig.vector(0);
        double[] vmax = eig.vector(n - 1);
        return new Curvature(eig.value(0), residual(h, vmin, eig.value(0)), vmin, eig.value(n - 1),
                residual(h, vmax, eig.value(n - 1)), "dense", true, h.asymmetry());
    }

    private static double residual(DenseHessian h, double[] v, double value) {
        int n = h.n();
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            double r = -value * v[i];
            for (int j = 0; j < n; j++) {
                r += h.get(i, j) * v[j];
            }
            s += r * r;
        }
        return Math.sqrt(s);
    }

    private static Curvature lanczos(Objective objective, double[] theta, CertifyConfig config) {
        LanczosResult r = Lanczos.extremes(objective, theta, config.lanczos());
        return new Curvature(r.min().value(), r.min().residual(), r.min().vector(), r.max().value(),
                r.max().residual(), "lanczos", r.converged(), Double.NaN);
    }

    /** L(θ + r·u) - L(θ) over random unit directions u. */
    public static PerturbationProbe perturb(Objective objective, double[] theta, double loss,
                                            CertifyConfig config) {
        SplittableRandom random = new SplittableRandom(config.seed());
        double tolerance = 1e-12 * Math.max(1.0, Math.abs(loss));
        double[] point = new double[theta.length];
        double smallest = Double.POSITIVE_INFINITY;
        double[] worst = new double[0];
        int decreases = 0;
        for (int k = 0; k < config.perturbations(); k++) {
            double[] u = Vectors.randomUnit(theta.length, random);
            for (int i = 0; i < theta.length; i++) {
                point[i] = theta[i] + config.perturbationRadius() * u[i];
            }
            double change = objective.value(point) - loss;
            if (change < -tolerance) {
                decreases++;
            }
            if (change < smallest) {
                smallest = change;
                worst = u;
            }
        }
        return new PerturbationProbe(config.perturbations(), config.perturbationRadius(), smallest,
                decreases, tolerance, worst);
    }
}
