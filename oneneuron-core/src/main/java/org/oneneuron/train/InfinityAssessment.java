package org.oneneuron.train;

import java.util.List;
import java.util.Objects;

/**
 * The trajectory verdict of a run (PAPER.md §5, §9): {@code converged_finite},
 * {@code escaping_to_infinity}, {@code no_attained_minimum} or {@code not_converged}, with the
 * figures and thresholds it was decided with.
 *
 * @param verdict              the verdict
 * @param growing              names of the quantities growing without bound (empty if none)
 * @param trends               every tracked quantity's trend over the window
 * @param windowFrom           first step of the window
 * @param windowTo             last step
 * @param lossRelativeDecrease (L_start − L_end)/|L_start| over the window: tiny while escaping
 *                             (the loss "only creeps")
 * @param finalLoss            L at the last step
 * @param finalGradientNorm    ‖∇L‖ at the last step
 * @param evidence             one sentence that says why
 * @param thresholds           the tolerances used
 * @param outputs              with K ≥ 2 outputs, each output neuron's road (empty otherwise, and
 *                             for trajectories too short to assess)
 */
public record InfinityAssessment(Verdict verdict, List<String> growing, List<ParameterTrend> trends,
                                 long windowFrom, long windowTo, double lossRelativeDecrease,
                                 double finalLoss, double finalGradientNorm, String evidence,
                                 InfinityThresholds thresholds, List<OutputRoad> outputs) {

    /** An assessment without per-output roads. */
    public InfinityAssessment(Verdict verdict, List<String> growing, List<ParameterTrend> trends,
                              long windowFrom, long windowTo, double lossRelativeDecrease,
                              double finalLoss, double finalGradientNorm, String evidence,
                              InfinityThresholds thresholds) {
        this(verdict, growing, trends, windowFrom, windowTo, lossRelativeDecrease, finalLoss,
                finalGradientNorm, evidence, thresholds, List.of());
    }

    public InfinityAssessment {
        Objects.requireNonNull(verdict, "verdict");
        growing = List.copyOf(growing);
        trends = List.copyOf(trends);
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(thresholds, "thresholds");
        outputs = List.copyOf(outputs);
    }

    /** The outputs whose neuron runs off to infinity (their k). */
    public List<Integer> outputsRunningOff() {
        return outputs.stream().filter(OutputRoad::runningOff).map(OutputRoad::output).toList();
    }

    /** The trend of one quantity, if tracked. */
    public java.util.Optional<ParameterTrend> trend(String parameter) {
        return trends.stream().filter(t -> t.parameter().equals(parameter)).findFirst();
    }
}
