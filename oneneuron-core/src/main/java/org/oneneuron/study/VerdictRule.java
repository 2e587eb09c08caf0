package org.oneneuron.study;

import java.util.Locale;
import org.oneneuron.train.Verdict;

/**
 * How a finished run is judged (PAPER.md §9), with the tolerances in one place.
 *
 * @param nearZero     total loss below this is "near zero" (PAPER.md §5: 1e-2); the network-only
 *                     loss is judged with the same bound
 * @param gradTol      gradient norm at or below this is "stationary"
 * @param growth       relative growth of the watched parameter norm over the run's second half
 *                     that, with a loss that only creeps, marks a run heading to infinity
 * @param creep        relative loss decrease over the second half below which the loss "creeps"
 * @param curvatureTol negative curvature beyond -curvatureTol·max(1, λ_max) makes a saddle
 */
record VerdictRule(double nearZero, double gradTol, double growth, double creep, double curvatureTol) {

    VerdictRule {
        if (!(nearZero > 0 && gradTol > 0 && growth > 0 && creep > 0 && curvatureTol > 0)) {
            throw new IllegalArgumentException("verdict tolerances must be positive");
        }
    }

    /** nearZero 1e-2, gradTol 1e-3, growth 10%, creep 5%, curvatureTol 1e-4. */
    static VerdictRule defaults() {
        return new VerdictRule(1e-2, 1e-3, 0.10, 0.05, 1e-4);
    }

    /** The end figures of a run a verdict is decided from. */
    record EndState(boolean augmented, boolean unattainedLoss, double loss, double networkOnlyLoss,
                    double maxContribution, double gradNorm, double normMid, double normEnd,
                    double lossMid, String normName) {
    }

    /** The verdict word and the reason with the figures it was decided with. */
    record Decision(Verdict verdict, String reason) {
    }

    /** Judges without curvature; null means "stationary above zero: needs the curvature probe". */
    Decision judge(EndState s) {
        if (s.loss < nearZero) {
            if (s.augmented && !(s.networkOnlyLoss < nearZero)) {
                return new Decision(Verdict.NEURON_CARRIES_FIT, fmt("loss %.3g < %.0e but network-only"
                        + " loss %.3g; max contribution %.3g", s.loss, nearZero, s.networkOnlyLoss,
                        s.maxContribution));
            }
            return new Decision(Verdict.GLOBAL_MINIMUM, fmt("loss %.3g < %.0e; network-only loss %.3g;"
                    + " grad norm %.3g", s.loss, nearZero, s.networkOnlyLoss, s.gradNorm));
        }
        double grown = (s.normEnd - s.normMid) / Math.max(1, s.normMid);
        double dropped = (s.lossMid - s.loss) / Math.max(1e-300, Math.abs(s.lossMid));
        if (grown > growth && dropped < creep) {
            String why = fmt("%s grew %.3g -> %.3g over the second half (+%.0f%%) while the loss fell"
                    + " only %.2g%% to %.3g", s.normName, s.normMid, s.normEnd, 100 * grown,
                    100 * dropped, s.loss);
            return new Decision(s.unattainedLoss ? Verdict.NO_ATTAINED_MINIMUM
                    : Verdict.ESCAPING_TO_INFINITY, why);
        }
        if (s.gradNorm > gradTol) {
            return new Decision(Verdict.NOT_STATIONARY, fmt("grad norm %.3g > %.0e; loss %.3g",
                    s.gradNorm, gradTol, s.loss));
        }
        return null;
    }

    /** Saddle or bad local minimum from the probed extreme eigenvalues. */
    Decision judgeCurvature(EndState s, CurvatureProbe.Extremes e) {
        double bound = -curvatureTol * Math.max(1, Math.abs(e.max()));
        if (e.min() < bound) {
            return new Decision(Verdict.SADDLE, fmt("grad norm %.3g <= %.0e, loss %.3g, λ_min %.3g <"
                    + " %.2g (Lanczos %d steps, finite-difference HVP)", s.gradNorm, gradTol, s.loss,
                    e.min(), bound, e.steps()));
        }
        return new Decision(Verdict.BAD_LOCAL_MINIMUM, fmt("grad norm %.3g <= %.0e, loss %.3g >="
                + " %.0e, λ_min %.3g >= %.2g (Lanczos %d steps, finite-difference HVP)", s.gradNorm,
                gradTol, s.loss, nearZero, e.min(), bound, e.steps()));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
