package org.oneneuron.study;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What one finished run reports: final figures, verdict and a thinned trajectory. Figures that do
 * not apply (the neuron's a, b, ‖w‖ for a plain run; held-out accuracy without held-out data) are
 * NaN, written as JSON null. Serializable, so that a cluster's executors can send outcomes to the
 * driver bit for bit (oneneuron-spark).
 *
 * @param loss            final total objective L~
 * @param networkOnlyLoss final data loss of the network alone
 * @param gradNorm        final ‖∇L~‖
 * @param a               final a
 * @param b               final b
 * @param wNorm           final ‖w‖
 * @param maxContribution final max_i |a·E_i| on the training data
 * @param trainAccuracy   training accuracy of the full model f~
 * @param heldOutAccuracy held-out accuracy of the full model f~
 * @param verdict         PAPER.md §9 word, snake_case
 * @param verdictReason   the figures and tolerances the verdict was decided with
 * @param steps           steps taken
 * @param seconds         wall time of the run (not part of the run's reproducible numbers)
 * @param diagnostic      numerical trouble met (overflow clamp, non-finite value), or ""
 * @param trajectory      thinned trajectory, first and last step included
 * @param thetaPath       θ at a few steps, start and end included (empty in older journals)
 * @param outputNeurons   each output's neuron of a K-output augmented run (K ≥ 2), else empty
 * @param heldOutRmse     a regression's held-out RMSE, √(mean (f~ - t)²) in the targets' units (NaN
 *                        for classifiers, without held-out data, and in older journals)
 */
public record RunOutcome(double loss, double networkOnlyLoss, double gradNorm, double a, double b,
                         double wNorm, double maxContribution, double trainAccuracy,
                         double heldOutAccuracy, String verdict, String verdictReason, int steps,
                         double seconds, String diagnostic, List<TrajectoryPoint> trajectory,
                         ThetaPath thetaPath, List<OutputNeuronOutcome> outputNeurons,
                         double heldOutRmse) implements Serializable {

    /** An outcome without a held-out RMSE (a classifier's, or one from an older journal). */
    public RunOutcome(double loss, double networkOnlyLoss, double gradNorm, double a, double b,
                      double wNorm, double maxContribution, double trainAccuracy,
                      double heldOutAccuracy, String verdict, String verdictReason, int steps,
                      double seconds, String diagnostic, List<TrajectoryPoint> trajectory,
                      ThetaPath thetaPath, List<OutputNeuronOutcome> outputNeurons) {
        this(loss, networkOnlyLoss, gradNorm, a, b, wNorm, maxContribution, trainAccuracy, heldOutAccuracy,
                verdict, verdictReason, steps, seconds, diagnostic, trajectory, thetaPath, outputNeurons, Double.NaN);
    }

    /** An outcome without per-output neurons (one output, or a plain run). */
    public RunOutcome(double loss, double networkOnlyLoss, double gradNorm, double a, double b,
                      double wNorm, double maxContribution, double trainAccuracy,
                      double heldOutAccuracy, String verdict, String verdictReason, int steps,
                      double seconds, String diagnostic, List<TrajectoryPoint> trajectory,
                      ThetaPath thetaPath) {
        this(loss, networkOnlyLoss, gradNorm, a, b, wNorm, maxContribution, trainAccuracy, heldOutAccuracy,
                verdict, verdictReason, steps, seconds, diagnostic, trajectory, thetaPath, List.of());
    }

    public RunOutcome {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(verdictReason, "verdictReason");
        Objects.requireNonNull(diagnostic, "diagnostic");
        trajectory = List.copyOf(trajectory);
        Objects.requireNonNull(thetaPath, "thetaPath");
        outputNeurons = List.copyOf(outputNeurons);
    }

    /** An outcome without recorded θ (as journals before the θ path was added). */
    public RunOutcome(double loss, double networkOnlyLoss, double gradNorm, double a, double b,
                      double wNorm, double maxContribution, double trainAccuracy,
                      double heldOutAccuracy, String verdict, String verdictReason, int steps,
                      double seconds, String diagnostic, List<TrajectoryPoint> trajectory) {
        this(loss, networkOnlyLoss, gradNorm, a, b, wNorm, maxContribution, trainAccuracy,
                heldOutAccuracy, verdict, verdictReason, steps, seconds, diagnostic, trajectory,
                ThetaPath.empty());
    }

    /** The same outcome with the wall time set to zero, for comparing reproducible numbers. */
    public RunOutcome withoutTiming() {
        return new RunOutcome(loss, networkOnlyLoss, gradNorm, a, b, wNorm, maxContribution,
                trainAccuracy, heldOutAccuracy, verdict, verdictReason, steps, 0.0, diagnostic,
                trajectory, thetaPath, outputNeurons, heldOutRmse);
    }
}
