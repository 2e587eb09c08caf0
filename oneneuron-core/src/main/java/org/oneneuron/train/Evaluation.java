package org.oneneuron.train;

/**
 * A fitted model's figures on one data set: the augmented model's and, side by side, the network
 * alone (special neuron removed, PAPER.md §5), so "the neuron carries the fit" is visible.
 *
 * @param samples             n
 * @param accuracy            fraction of samples with sign(f~) = y
 * @param loss                data loss of f~ (the model's loss and reduction, no penalty)
 * @param networkOnlyAccuracy fraction with sign(f) = y for the network alone
 * @param networkOnlyLoss     data loss of the network alone
 */
public record Evaluation(int samples, double accuracy, double loss, double networkOnlyAccuracy,
                         double networkOnlyLoss) {
}
