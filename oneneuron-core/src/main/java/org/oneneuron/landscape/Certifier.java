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
 * <li>for a loss that never attains its floor (logistic, softmax cross-entropy), loss within
 *     lossTolerance of its infimum 0: {@code no_attained_minimum}, or {@code neuron_carries_fit}
 *     when the network alone is above it;</li>
 * <li>loss within lossTolerance of its per-sample floor (or of a known least loss): for an
 *     augmented model with the network alone
 *     above it, {@code neuron_carries_fit} (the neuron's contribution max_i |a·E_i| is reported
 *     beside it); else {@code global_minimum} if stationary;</li>
 * <li>‖∇L‖ > gradientTolerance: {@code not_stationary};</li>
 * <li>λ_min < -curvatureTolerance·max(1, ‖H‖), or a perturbation that decreases the loss beyond
 *     round-off: {@code saddle};</li>
 * <li>otherwise, for the exponential neuron, the theorem's escape is asked first
 *     ({@link EscapeProbe}): when it lowers the loss from the a = 0 point beside θ (θ itself when
 *     a = 0; at a ≠ 0 with λ > 0 the identity has already ruled θ out) the point is a {@code saddle}
 *     with the measured decrease and slope in the reason (PAPER.md §4: such a point cannot be a
 *     local minimum);</li>
 * <li>otherwise, for a convex loss ({@link LeastLoss.Kind#CONVEX}, a linear model),
 *     {@code global_minimum};</li>
 * <li>otherwise {@code bad_local_minimum} when the point is known to be beaten ({@link LeastLoss}:
 *     above a construction's or the least-squares least loss, at a recipe's beaten loss, or above
 *     the floor where the theorem puts every local minimum), with the escape's search effort when
 *     one was run; else {@code converged_finite}: a local minimum as far as curvature shows whose
 *     rank is not known (user data: the per-sample floor is only a lower bound).</li>
 * </ol>
 * A trajectory verdict escaping_to_infinity or no_attained_minimum from the trainer overrides
 * every point verdict but global_minimum; no_attained_minimum becomes {@code not_converged} when the
 * loss attains its minimum (the hinge family: zero loss at finite parameters), and a trajectory
 * {@code not_converged} turns a point's {@code not_stationary} into {@code not_converged} (the run
 * stopped while still moving). A run the trainer stopped for divergence, NaN/Inf or no progress
 * ({@link PointContext#numericalTrouble()}) is {@code diverged} at every point verdict but
 * global_minimum, its reason naming the stop. The probe is bounded by its use unless the config asks for an exact
 * count ({@link CertifyConfig#boundedProbe()}; the rule at {@code probe} below), and reports
 * what it ran and why. On data whose identical inputs carry conflicting labels
 * the minimum is the data's floor ({@link DataFloor}, from the context), and the reason says so.
 */
public final class Certifier {

    private Certifier() {
    }

    /**
     * The one definition of "the loss is at its minimum": L - L_min <= tolerance, with L_min the
     * attainable minimum (the per-sample floor, or the data's floor on conflicting labels; NaN when
     * the loss only approaches it, and then never). Certify's global_minimum needs it (with
     * stationarity), and the escape certificate's already_global is it, with
     * {@link CertifyConfig#LOSS_TOLERANCE}: both say the same of the same point.
     */
    public static boolean atMinimum(double loss, double minimum, double tolerance) {
        return !Double.isNaN(minimum) && loss - minimum <= tolerance;
    }

    /**
     * The one definition of "at the infimum of a loss that never attains it": the minimum is NaN
     * (logistic, softmax cross-entropy: {@link org.oneneuron.loss.OutputLoss#attainsMinimum}) and
     * L <= tolerance above the infimum 0 (every loss here is >= 0). Such a point is no minimum at all:
     * the parameters grow to approach 0 (PAPER.md §5). Certify's no_attained_minimum and the escape
     * certificate's outcome of the same name are it.
     */
    public static boolean atInfimum(double loss, double minimum, double tolerance) {
        return Double.isNaN(minimum) && loss <= tolerance;
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
        Curvature curvature = config.curvatureWhenStationary() && gradNorm > config.gradientTolerance()
                ? Curvature.SKIPPED
                : n <= config.denseLimit() ? dense(objective, theta) : lanczos(objective, theta, config);
        double norm = Math.max(Math.abs(curvature.min), Math.abs(curvature.max));
        double curvatureBound = -config.curvatureTolerance() * Math.max(1.0, norm);
        boolean negativeCurvature = curvature.min < curvatureBound;
        boolean stationary = gradNorm <= config.gradientTolerance();
        boolean minimumKnown = !Double.isNaN(context.minimumLoss());
        LeastLoss least = context.leastLoss();
        boolean atFloor = atMinimum(loss, context.minimumLoss(), config.lossTolerance());
        boolean lossAtMinimum = atFloor || least.reached(loss, config.lossTolerance());
        double reference = atFloor || !least.reached(loss, config.lossTolerance()) ? context.minimumLoss()
                : least.value();
        Optional<PerturbationProbe> probe = config.perturbations() == 0 ? Optional.empty()
                : Optional.of(probe(objective, theta, loss, config, stationary, lossAtMinimum, curvature));
        boolean perturbationDecrease = probe.map(p -> !p.noDecrease()).orElse(false);
        double contribution = neuron.map(NeuronSnapshot::maxContribution).orElse(0.0);
        boolean networkFits = atMinimum(networkOnly, context.minimumLoss(), config.lossTolerance());

        Verdict point;
        String reason;
        double[] direction = new double[0];
        Optional<EscapeEvidence> escape = Optional.empty();
        boolean atInfimum = atInfimum(loss, context.minimumLoss(), config.lossTolerance());
        boolean networkAtInfimum = atInfimum(networkOnly, context.minimumLoss(), config.lossTolerance());
        if (atInfimum) {
            point = neuron.isPresent() && !networkAtInfimum ? Verdict.NEURON_CARRIES_FIT : Verdict.NO_ATTAINED_MINIMUM;
            reason = fmt("loss %.3e <= %.1e, at the infimum 0 that this loss never attains (PAPER.md §5, §10: the"
                    + " parameters grow to approach it)%s", loss, config.lossTolerance(), neuron.isPresent()
                    ? fmt("; network alone %.6g, neuron contribution max|a·E_i| = %.3e", networkOnly, contribution)
                    : "");
        } else if (atFloor && neuron.isPresent() && !networkFits) {
            point = Verdict.NEURON_CARRIES_FIT;
            reason = fmt("loss %.3e <= %.1e above its minimum, but the network alone is at %.6g, with "
                    + "neuron contribution max|a·E_i| = %.3e", loss - context.minimumLoss(),
                    config.lossTolerance(), networkOnly, contribution);
        } else if (!stationary) {
            point = Verdict.NOT_STATIONARY;
            reason = fmt("‖∇L‖ = %.3e > %.1e", gradNorm, config.gradientTolerance());
        } else if (lossAtMinimum) {
            point = Verdict.GLOBAL_MINIMUM;
            reason = fmt("‖∇L‖ = %.3e <= %.1e and loss %.6g within %.1e of its minimum %.6g%s%s", gradNorm,
                    config.gradientTolerance(), loss, config.lossTolerance(), reference,
                    atFloor ? "" : " (" + least.describe() + ")",
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
        } else if (least.kind() == LeastLoss.Kind.CONVEX) {
            point = Verdict.GLOBAL_MINIMUM;
            reason = fmt("‖∇L‖ = %.3e <= %.1e at loss %.6g, and %s", gradNorm, config.gradientTolerance(), loss,
                    least.describe());
        } else if (least.beaten(loss, config.lossTolerance())) {
            escape = context.escape().map(p -> p.probe(theta, loss));
            String figures = fmt("‖∇L‖ = %.3e <= %.1e, λ_min = %.3e >= %.3e, loss %.6g %s",
                    gradNorm, config.gradientTolerance(), curvature.min, curvatureBound, loss, beatenBy(least));
            if (escape.isPresent() && escape.get().escapes()) {
                point = Verdict.SADDLE;
                direction = escapeDirection(theta, escape.get().escapePoint());
                reason = "stationary, " + figures + ", but " + escape.get().describe();
            } else {
                point = Verdict.BAD_LOCAL_MINIMUM;
                reason = figures + escape.map(e -> "; " + e.describe()).orElse("") + probeNote(probe);
            }
        } else {
            point = Verdict.CONVERGED_FINITE;
            reason = fmt("‖∇L‖ = %.3e, λ_min = %.3e: a local minimum as far as curvature shows, at loss %.6g%s;"
                    + " whether it is bad is not known (%s)", gradNorm, curvature.min, loss,
                    minimumKnown ? fmt(", above the per-sample floor %.6g (a lower bound only)",
                            context.minimumLoss()) : "", least.describe()) + probeNote(probe);
        }
        Verdict overall = point;
        Optional<Verdict> trajectory = context.trajectory();
        if (trajectory.isPresent() && point != Verdict.GLOBAL_MINIMUM && point != Verdict.NO_ATTAINED_MINIMUM) {
            Verdict t = trajectory.get();
            Optional<org.oneneuron.train.Stop> trouble = context.numericalTrouble();
            if (trouble.isPresent()) {
                // a run that diverged (or met NaN/Inf) did not stop while moving: it blew up
                overall = Verdict.DIVERGED;
                reason = "trainer: " + trouble.get().message() + "; at the last point " + point.word() + ": "
                        + reason;
            } else if (t == Verdict.NO_ATTAINED_MINIMUM && minimumKnown) {
                overall = Verdict.NOT_CONVERGED;
                reason = "trainer: parameters growing while the loss goes to zero, but this loss attains its minimum "
                        + fmt("%.6g", context.minimumLoss()) + " at finite parameters, so the run has not converged;"
                        + " at the last point " + point.word() + ": " + reason;
            } else if (t == Verdict.ESCAPING_TO_INFINITY || t == Verdict.NO_ATTAINED_MINIMUM) {
                overall = t;
                reason = "trainer: " + overall.word() + "; at the last point " + point.word() + ": " + reason;
            } else if (t == Verdict.NOT_CONVERGED && point == Verdict.NOT_STATIONARY) {
                overall = t;
                reason = "trainer: stopped while still moving; at the last point " + point.word() + ": " + reason;
            }
        }
        if (context.kinks().flagged()) {
            int units = context.kinks().unitsAtKink();
            reason += fmt("; %d %s at a kink (derivatives one-sided there)", units, units == 1 ? "unit" : "units");
        }
        if (context.dataFloor().isPresent()) {
            reason += "; " + context.dataFloor().get().describe();
        }
        return new Certificate(loss, context.minimumLoss(), least, networkOnly, context.trainingError(), gradNorm,
                curvature.min, curvature.minResidual, curvature.max, curvature.maxResidual,
                curvature.method, curvature.converged, curvature.asymmetry, neuron, identity,
                context.kinks(), probe, direction, point, trajectory, overall, reason, config,
                context.dataFloor(), escape);
    }

    /** Why a point at this loss is not a global minimum, after "loss X". */
    private static String beatenBy(LeastLoss least) {
        return switch (least.kind()) {
            case EXACT -> fmt("above the minimum %.6g (%s)", least.value(), least.basis());
            case BELOW -> "above the minimum: " + least.describe();
            case THEOREM -> Double.isNaN(least.value()) ? "at a point the theorem excludes: " + least.basis()
                    : fmt("above the minimum %.6g, the per-sample floor where the theorem puts every local minimum"
                            + " of L~ (PAPER.md §2, §10)", least.value());
            case CONVEX, UNKNOWN -> least.describe();
        };
    }

    /** The unit vector from θ towards the escape's end point. */
    private static double[] escapeDirection(double[] theta, double[] end) {
        double[] d = new double[theta.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = end[i] - theta[i];
        }
        double norm = Vectors.norm(d);
        if (norm > 0.0) {
            Vectors.scale(1.0 / norm, d);
        }
        return d;
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

    /** The extremes of the Hessian and the number of Hessian-vector products they cost. */
    private record Curvature(double min, double minResidual, double[] minVector, double max,
                             double maxResidual, String method, boolean converged, double asymmetry,
                             int products) {

        /** Not computed: the point is not stationary, so the curvature cannot change the verdict. */
        static final Curvature SKIPPED = new Curvature(Double.NaN, Double.NaN, new double[0], Double.NaN,
                Double.NaN, "skipped", false, Double.NaN, 0);
    }

    private static Curvature dense(Objective objective, double[] theta) {
        DenseHessian h = DenseHessian.assemble(objective, theta, 1);
        EigenDecomposition eig = h.eigen();
        int n = eig.n();
        double[] vmin = eig.vector(0);
        double[] vmax = eig.vector(n - 1);
        return new Curvature(eig.value(0), residual(h, vmin, eig.value(0)), vmin, eig.value(n - 1),
                residual(h, vmax, eig.value(n - 1)), "dense", true, h.asymmetry(), n);
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
                r.max().residual(), "lanczos", r.converged(), Double.NaN, r.steps());
    }

    /**
     * The perturbation probe as the config bounds it. Bounded (the default): not run where it
     * cannot change the verdict (rule 2 or rules 1 and 3 decide first: a point that is not
     * stationary, or whose loss is at its minimum), and above the dense limit at most
     * {@value #PROBE_VALUES_PER_HVP} directions per Hessian-vector product of the Lanczos run. One
     * direction costs one loss value, a sixth to a tenth of a product (measured on MLPs and the
     * MNIST CNN), so the probe then costs at most about half the curvature's work; below the dense
     * limit the curvature costs n products and the probe runs as requested.
     */
    private static PerturbationProbe probe(Objective objective, double[] theta, double loss, CertifyConfig config,
                                           boolean stationary, boolean lossAtMinimum, Curvature curvature) {
        int requested = config.perturbations();
        if (!config.boundedProbe()) {
            return perturb(objective, theta, loss, config, requested, PerturbationProbe.REQUESTED);
        }
        if (!stationary) {
            return PerturbationProbe.notRun(requested, config.perturbationRadius(),
                    "not run: the point is not stationary, so the probe cannot change the verdict");
        }
        if (lossAtMinimum) {
            return PerturbationProbe.notRun(requested, config.perturbationRadius(),
                    "not run: the loss is at its minimum, so the probe cannot change the verdict");
        }
        int budget = curvature.method.equals("lanczos") ? probeBudget(curvature.products) : requested;
        return budget >= requested ? perturb(objective, theta, loss, config, requested, PerturbationProbe.REQUESTED)
                : perturb(objective, theta, loss, config, budget, fmt("budget: %d loss values per Hessian-vector "
                        + "product of the Lanczos run (%d products)", PROBE_VALUES_PER_HVP, curvature.products));
    }

    /** Directions the bounded probe may try per Hessian-vector product of a Lanczos run. */
    public static final int PROBE_VALUES_PER_HVP = 3;

    /** The fewest directions a bounded probe tries at a point where it runs (3/N ≈ 3%). */
    public static final int PROBE_FLOOR = 100;

    /** The bounded probe's directions after a Lanczos run of {@code products} products. */
    static int probeBudget(int products) {
        return Math.max(PROBE_FLOOR, PROBE_VALUES_PER_HVP * products);
    }

    /** "; perturbation probe: …" when the probe ran fewer directions than requested, else "". */
    private static String probeNote(Optional<PerturbationProbe> probe) {
        return probe.filter(p -> p.ran() && p.directions() < p.requested())
                .map(p -> fmt("; perturbation probe: %d of %d directions (%s), none lowers the loss, so a "
                        + "decreasing fraction of directions above %.3f would have been seen with 95%% probability",
                        p.directions(), p.requested(), p.limit(), p.undetectedFraction95())).orElse("");
    }

    /** L(θ + r·u) - L(θ) over {@code directions} random unit directions u (the seed's first ones). */
    public static PerturbationProbe perturb(Objective objective, double[] theta, double loss,
                                            CertifyConfig config, int directions, String limit) {
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(config.seed());
        double tolerance = 1e-12 * Math.max(1.0, Math.abs(loss));
        double[] point = new double[theta.length];
        double smallest = Double.POSITIVE_INFINITY;
        double[] worst = new double[0];
        int decreases = 0;
        for (int k = 0; k < directions; k++) {
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
        return new PerturbationProbe(directions, config.perturbations(), limit, config.perturbationRadius(),
                directions == 0 ? Double.NaN : smallest, decreases, tolerance, (System.nanoTime() - start) * 1e-9,
                worst);
    }
}
