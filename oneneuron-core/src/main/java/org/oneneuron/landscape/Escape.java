package org.oneneuron.landscape;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The escape certificate of PAPER.md §4. Embed a plain network's point θ_b with the special
 * neuron at a = 0, compute c_i = -∂ℓ_i/∂f (= ℓ'(z_i) y_i for margin losses), and look for a
 * direction w with G(w) = Σ_i c_i exp(wᵀx_i) clearly nonzero; along a the loss then falls by about g²/(2κ).
 * Directions with wᵀx_i constant over the data are rejected (there G(w) ∝ Σc_i, the saddle
 * pitfall).
 */
public final class Escape {

    private Escape() {
    }

    /**
     * Certifies escape (or a global minimum) at the problem's point.
     *
     * @param w a direction to evaluate and report, or null to let the search choose
     * @param b the neuron's bias for every step
     */
    public static EscapeCertificate certify(EscapeProblem problem, double[] w, double b,
                                            EscapeConfig config) {
        double[] c = problem.c();
        double loss = problem.augmentedLoss(0.0, new double[problem.n()]);
        double maxAbsC = 0.0;
        for (double ci : c) {
            maxAbsC = Math.max(maxAbsC, Math.abs(ci));
        }
        boolean global = Certifier.atMinimum(loss, problem.minimumLoss(), CertifyConfig.LOSS_TOLERANCE);
        boolean infimum = Certifier.atInfimum(loss, problem.minimumLoss(), CertifyConfig.LOSS_TOLERANCE);
        Optional<EscapeStep> requested = Optional.ofNullable(w).map(v -> step(problem, v, b));
        requested.ifPresent(s -> requireSpread(s, config));
        Search search = search(problem, requested.orElse(null), b, config);
        double tolerance = roundOff(loss);
        requested = requested.map(s -> exhibit(problem, s, tolerance));
        EscapeStep best = exhibit(problem, search.best, tolerance);
        EscapeStep chosen = requested.orElse(best);
        MomentTest moments = moments(c, problem.projections(chosen.w()), chosen.w(), config);
        return new EscapeCertificate(loss, maxAbsC, global, infimum, requested, best, search.tried,
                moments, config.relativeTolerance(), tolerance);
    }

    /** The most halvings of a = -g/κ tried before the certificate says no tested step lowered the loss. */
    public static final int MAX_HALVINGS = 40;

    /** A decrease counts when it exceeds round-off, 1e-12·max(1, |L~|) (as in certify's escape check). */
    public static double roundOff(double loss) {
        return 1e-12 * Math.max(1.0, Math.abs(loss));
    }

    /**
     * The escape the proof promises is a direction along which small steps lower the loss: keep
     * a = -g/κ when it lowers L~ by more than {@code tolerance}, else halve it (at most
     * {@value #MAX_HALVINGS} times) until it does. Without such a step the result carries the last
     * step tried and its (non-positive) decrease, {@code halvings} = {@value #MAX_HALVINGS}.
     */
    static EscapeStep exhibit(EscapeProblem problem, EscapeStep s, double tolerance) {
        if (s.g() == 0.0 || s.measuredDecrease() > tolerance) {
            return s;
        }
        double[] e = exponentials(problem, s.w(), s.b());
        double before = problem.augmentedLoss(0.0, e);
        Halved h = halve(s.step(), s.measuredDecrease(), a -> before - problem.augmentedLoss(a, e), tolerance);
        return s.withUsed(h.step(), h.decrease(), h.halvings());
    }

    /**
     * A step along a and the decrease measured there, after {@code halvings} halvings of the full
     * step (0: the full step was kept).
     */
    record Halved(double step, double decrease, int halvings) {
    }

    /**
     * The one step rule of the escape, for {@code escape}'s certificate ({@link #exhibit}) and for
     * certify's probe ({@link EscapeCheck}) alike: the full step {@code a} when its measured
     * decrease exceeds {@code tolerance}, else a/2, a/4, … (at most {@value #MAX_HALVINGS}
     * halvings) until one does; without one, the last step tried and its decrease.
     *
     * @param decreaseAt the measured decrease L~(start) − L~(path end with that a)
     */
    static Halved halve(double fullStep, double fullDecrease, java.util.function.DoubleUnaryOperator decreaseAt,
                        double tolerance) {
        if (fullDecrease > tolerance) {
            return new Halved(fullStep, fullDecrease, 0);
        }
        double a = fullStep;
        double decrease = fullDecrease;
        for (int h = 1; h <= MAX_HALVINGS; h++) {
            a *= 0.5;
            decrease = decreaseAt.applyAsDouble(a);
            if (decrease > tolerance) {
                return new Halved(a, decrease, h);
            }
        }
        return new Halved(a, decrease, MAX_HALVINGS);
    }

    private static double[] exponentials(EscapeProblem problem, double[] w, double b) {
        double[] t = problem.projections(w);
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.exp(t[i] + b);
        }
        return t;
    }

    /** The second-order model along a for (w, b) and the decrease measured at its best step. */
    public static EscapeStep step(EscapeProblem problem, double[] w, double b) {
        double[] t = problem.projections(w);
        double[] e = new double[t.length];
        double g = 0.0;
        double kappa = problem.lambda();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double[] c = problem.c();
        for (int i = 0; i < t.length; i++) {
            double exponent = t[i] + b;
            if (exponent > 700.0) {
                throw new IllegalArgumentException("w·x_" + i + " + b = " + exponent
                        + " overflows exp; choose a smaller w or b");
            }
            e[i] = Math.exp(exponent);
            g -= c[i] * e[i];
            kappa += problem.curvature(i) * e[i] * e[i];
            min = Math.min(min, t[i]);
            max = Math.max(max, t[i]);
        }
        double a = g == 0.0 ? 0.0 : -g / kappa;
        double predicted = g == 0.0 ? 0.0 : g * g / (2.0 * kappa);
        double measured = problem.augmentedLoss(0.0, e) - problem.augmentedLoss(a, e);
        return new EscapeStep(w, b, g, kappa, a, predicted, measured, max - min);
    }

    private static void requireSpread(EscapeStep s, EscapeConfig config) {
        if (degenerate(s, config)) {
            throw new IllegalArgumentException("w = " + java.util.Arrays.toString(s.w())
                    + " has wᵀx constant over the data (spread " + s.projectionSpread()
                    + "): G(w) is then proportional to Σc_i and cannot show an escape");
        }
    }

    private static boolean degenerate(EscapeStep s, EscapeConfig config) {
        return s.projectionSpread() <= config.relativeTolerance() * Math.max(1.0, s.wNorm());
    }

    private record Search(EscapeStep best, int tried) {
    }

    /** Random directions at three scales, the best one polished by ascent on g²/(2κ). */
    private static Search search(EscapeProblem problem, EscapeStep seedStep, double b, EscapeConfig config) {
        SplittableRandom random = new SplittableRandom(config.seed());
        int d = problem.data().d();
        double reach = maxRowNorm(problem);
        double[] scales = {0.5, 1.0, 2.0};
        EscapeStep best = seedStep;
        int tried = 0;
        for (int k = 0; k < config.randomDirections(); k++) {
            double[] w = Vectors.randomUnit(d, random);
            Vectors.scale(scales[k % scales.length] / reach, w);
            EscapeStep s = step(problem, w, b);
            tried++;
            if (!degenerate(s, config) && (best == null || s.predictedDecrease() > best.predictedDecrease())) {
                best = s;
            }
        }
        if (best == null) {
            throw new IllegalStateException("every one of " + tried
                    + " random directions had wᵀx constant over the data: are all inputs identical?");
        }
        return new Search(ascend(problem, best, config, reach), tried);
    }

    private static double maxRowNorm(EscapeProblem problem) {
        int d = problem.data().d();
        double[] x = problem.data().x();
        double reach = 0.0;
        for (int i = 0; i < problem.n(); i++) {
            double s = 0.0;
            for (int j = 0; j < d; j++) {
                s += x[i * d + j] * x[i * d + j];
            }
            reach = Math.max(reach, Math.sqrt(s));
        }
        return reach > 0.0 ? reach : 1.0;
    }

    /**
     * Gradient ascent on D(w) = g²/(2κ) with backtracking: ∇g = -Σ c_i E_i x_i,
     * ∇κ = 2 Σ ℓ''_i E_i² x_i, ∇D = (g/κ)∇g - (g²/(2κ²))∇κ.
     */
    private static EscapeStep ascend(EscapeProblem problem, EscapeStep start, EscapeConfig config,
                                     double reach) {
        EscapeStep current = start;
        double rate = 1.0;
        int d = problem.data().d();
        double[] x = problem.data().x();
        double[] c = problem.c();
        for (int it = 0; it < config.ascentSteps() && current.g() != 0.0; it++) {
            double[] w = current.w();
            double[] t = problem.projections(w);
            double[] grad = new double[d];
            double ratio = current.g() / current.kappa();
            for (int i = 0; i < t.length; i++) {
                double e = Math.exp(t[i] + current.b());
                double coeff = -ratio * c[i] * e - ratio * ratio * problem.curvature(i) * e * e;
                for (int j = 0; j < d; j++) {
                    grad[j] += coeff * x[i * d + j];
                }
            }
            double gradNorm = Vectors.norm(grad);
            if (!(gradNorm > 0.0)) {
                break;
            }
            boolean improved = false;
            for (int tries = 0; tries < 30 && !improved; tries++) {
                double[] candidate = w.clone();
                Vectors.axpy(rate / (gradNorm * reach), grad, candidate);
                if (Vectors.norm(candidate) * reach > config.maxExponent()) {
                    rate *= 0.5;
                    continue;
                }
                EscapeStep s = step(problem, candidate, current.b());
                if (s.predictedDecrease() > current.predictedDecrease() && !degenerate(s, config)) {
                    current = s;
                    rate *= 1.5;
                    improved = true;
                } else {
                    rate *= 0.5;
                }
            }
            if (!improved) {
                break;
            }
        }
        return current;
    }

    /** The moment test along u with uᵀx_i scaled to [-1, 1]. */
    static MomentTest moments(double[] c, double[] t, double[] u, EscapeConfig config) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double scale = 0.0;
        for (int i = 0; i < t.length; i++) {
            min = Math.min(min, t[i]);
            max = Math.max(max, t[i]);
            scale += Math.abs(c[i]);
        }
        double spread = max - min;
        boolean degenerate = spread <= config.relativeTolerance() * Math.max(1.0, Math.max(-min, max));
        int orders = degenerate ? 1 : config.momentOrders();
        double[] m = new double[orders];
        for (int i = 0; i < t.length; i++) {
            double s = degenerate ? 0.0 : 2.0 * (t[i] - min) / spread - 1.0;
            double power = 1.0;
            for (int k = 0; k < orders; k++) {
                m[k] += c[i] * power;
                power *= s;
            }
        }
        int first = -1;
        for (int k = 0; k < orders && first < 0; k++) {
            if (Math.abs(m[k]) > config.relativeTolerance() * scale && scale > 0.0) {
                first = k;
            }
        }
        return new MomentTest(u, m, scale, config.relativeTolerance(), first, degenerate);
    }
}
