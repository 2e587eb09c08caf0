package org.oneneuron.landscape;

import java.util.Optional;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.train.Verdict;

/**
 * Everything known about one point θ, and the verdict decided from it (PAPER.md §9). Figures the
 * model does not have are NaN (the identity residual of a plain model, the training error of a
 * regression).
 *
 * @param loss                       L(θ)
 * @param minimumLoss                the per-sample floor used (NaN: not attained by this loss)
 * @param leastLoss                  what is known of the least loss the network reaches
 * @param networkOnlyLoss            the loss of the network alone (= loss for plain models)
 * @param trainingError              fraction misclassified
 * @param gradNorm                   ‖∇L(θ)‖
 * @param hessEigMin                 λ_min(H)
 * @param hessEigMinResidual         ‖Hv - λ_min v‖ of its eigenvector
 * @param hessEigMax                 λ_max(H)
 * @param hessEigMaxResidual         ‖Hv - λ_max v‖
 * @param hessianMethod              "dense" (assembled from HVPs, exact solver), "lanczos", or
 *                                   "skipped" (not stationary, {@link CertifyConfig#curvatureWhenStationary()}:
 *                                   the eigenvalues are NaN)
 * @param hessianConverged           dense, or Lanczos residuals within tolerance
 * @param hessianAsymmetry           relative asymmetry of the assembled Hessian (NaN for lanczos)
 * @param neuron                     the special neuron's figures (augmented models)
 * @param identityResidual           a·∂L/∂a - ∂L/∂b - λa² (PAPER.md §4; NaN for plain models)
 * @param kinks                      how kinks were treated, and the units flagged
 * @param perturbation               the random-perturbation probe, when run
 * @param negativeDirection          the direction of decrease for a saddle (empty otherwise)
 * @param pointVerdict               the verdict from this point's figures alone
 * @param trajectory                 the trainer's verdict on the run that ended here, if any
 * @param verdict                    the overall verdict: the trajectory's escaping_to_infinity or
 *                                   no_attained_minimum overrides every point verdict but
 *                                   global_minimum
 * @param reason                     one line naming the figures and tolerances that decided it
 * @param config                     the tolerances used
 * @param dataFloor                  when identical inputs carry conflicting labels, the data's
 *                                   floor, which is then {@code minimumLoss}
 * @param escape                     the theorem's escape, when it was asked (a point curvature
 *                                   alone would call a bad local minimum, exponential neuron)
 */
public record Certificate(double loss, double minimumLoss, LeastLoss leastLoss, double networkOnlyLoss, double trainingError,
                          double gradNorm, double hessEigMin, double hessEigMinResidual, double hessEigMax,
                          double hessEigMaxResidual, String hessianMethod, boolean hessianConverged,
                          double hessianAsymmetry, Optional<NeuronSnapshot> neuron, double identityResidual,
                          KinkReport kinks, Optional<PerturbationProbe> perturbation,
                          double[] negativeDirection, Verdict pointVerdict, Optional<Verdict> trajectory,
                          Verdict verdict, String reason, CertifyConfig config,
                          Optional<DataFloor> dataFloor, Optional<EscapeEvidence> escape) {

    public Certificate {
        negativeDirection = negativeDirection.clone();
    }

    @Override
    public double[] negativeDirection() {
        return negativeDirection.clone();
    }

    /** Whether the model has a special neuron. */
    public boolean augmented() {
        return neuron.isPresent();
    }
}
