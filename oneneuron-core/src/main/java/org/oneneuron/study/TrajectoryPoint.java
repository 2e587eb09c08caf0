package org.oneneuron.study;

import java.io.Serializable;

/**
 * One sample of a run's trajectory (PAPER.md §5: report these next to the total loss).
 *
 * @param step            optimizer step
 * @param loss            total objective L~ (data loss + (λ/2)a²)
 * @param networkOnlyLoss data loss of the network with the neuron removed
 * @param gradNorm        ‖∇L~‖ before clipping
 * @param a               neuron output weight (NaN for plain runs)
 * @param b               neuron bias (NaN for plain runs)
 * @param wNorm           ‖w‖ of the neuron's input weights (NaN for plain runs)
 */
public record TrajectoryPoint(int step, double loss, double networkOnlyLoss, double gradNorm,
                              double a, double b, double wNorm)
        implements Serializable {
}
