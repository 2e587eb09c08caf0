package org.oneneuron.landscape;

import java.util.Arrays;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.model.ParameterLayout;

/**
 * The escape of PAPER.md §4 (§10 with K outputs) at an augmented network's point: the network's own
 * scores (the neurons removed) embedded with every a = 0, the random-w search with ascent of
 * {@link Escape} for each output's neuron (the proof's direction per output, {@link
 * NetworkPoints#outputProblem(NetworkObjective, double[], double, int)}), the output with the
 * largest predicted decrease taken, and the decrease measured on the exact objective at the end of
 * the path of {@link EscapeEvidence}: every a set to 0, output k's (w_k, b_k) moved to the search's
 * best, then a_k = -g_k/κ_k, halved where that full step does not lower L~ below its value at a = 0
 * ({@link Escape#halve}, the rule of {@code escape}'s certificate).
 *
 * <p>The escape is judged at the a = 0 point θ₀ (θ with every a set to 0), the only kind of point
 * the theorem allows a local minimum to be: it escapes when L~(θ₀) - L~(end) exceeds round-off. At
 * θ itself a ≠ 0 with λ > 0 already rules a minimum out exactly, by the identity
 * a_k·∂L~/∂a_k - ∂L~/∂b_k = λa_k² ≠ 0 (PAPER.md §4); a path that first rises to θ₀ and then ends
 * below θ would show nothing by itself. Without the penalty (λ = 0) nothing forces a = 0, so at a
 * point with a ≠ 0 the escape of θ₀ does not bear on θ and no escape is claimed.
 */
final class EscapeCheck {

    private EscapeCheck() {
    }

    static EscapeEvidence at(NetworkObjective augmented, double[] theta, double loss, EscapeConfig config) {
        ParameterLayout layout = augmented.layout();
        int outputs = augmented.outputs();
        double[] plain = Arrays.copyOf(theta, layout.networkDimension());
        EscapeStep best = null;
        int bestOutput = -1;
        int tried = 0;
        for (int k = 0; k < outputs; k++) {
            EscapeProblem problem = outputs == 1
                    ? new EscapeProblem(augmented.data(), augmented.networkScores(theta), augmented.scalarLoss(),
                            augmented.lambda(), NetworkPoints.factors(augmented))
                    : NetworkPoints.outputProblem(augmented, theta, augmented.lambda(), k);
            try {
                EscapeCertificate certificate = Escape.certify(problem, null, 0.0, config);
                tried += certificate.directionsTried();
                if (best == null || certificate.best().predictedDecrease() > best.predictedDecrease()) {
                    best = certificate.best();
                    bestOutput = k;
                }
            } catch (IllegalStateException e) {
                tried += config.randomDirections(); // every direction had wᵀx constant over the data
            }
        }
        if (best == null) {
            return new EscapeEvidence(false, Double.NaN, 0.0, Double.NaN, 0.0, Double.NaN, 0.0,
                    tried, config.ascentSteps(), config.seed(), Double.NaN, theta, outputs == 1 ? -1 : 0, 0.0, 0,
                    Double.NaN, lambdaASquared(augmented, theta));
        }
        int k = bestOutput;
        double[] end = theta.clone();
        double[] aZero = theta.clone();
        for (int j = 0; j < outputs; j++) {
            aZero[layout.neuronAOffset() + j] = 0.0;
            end[layout.neuronAOffset() + j] = 0.0;
        }
        int d = layout.neuronInputDim();
        System.arraycopy(best.w(), 0, end, layout.neuronWOffset() + k * d, d);
        end[layout.neuronAOffset() + k] = best.step();
        end[layout.neuronBOffset() + k] = best.b();
        double atZero = augmented.value(aZero);
        double barrier = atZero - loss;
        double tolerance = Escape.roundOff(atZero); // the a = 0 point's round-off: the escape is judged there
        int aAt = layout.neuronAOffset() + k;
        // escape's rule on the path's last leg: the step along a is judged by the decrease from the
        // a = 0 point, as escape judges it; judged by the whole path's decrease it would be halved
        // towards a = 0 wherever the barrier exceeds the full step's gain, and report ~ -barrier
        Escape.Halved used = best.g() == 0.0 ? new Escape.Halved(best.step(), atZero - augmented.value(end), 0)
                : Escape.halve(best.step(), atZero - augmented.value(end), a -> {
                    end[aAt] = a;
                    return atZero - augmented.value(end);
                }, tolerance);
        end[aAt] = used.step();
        double atEnd = augmented.value(end);
        double decrease = loss - atEnd;
        double fromAZero = atZero - atEnd;
        double distance = 0.0;
        double[] w = best.w();
        for (int j = 0; j < w.length; j++) {
            double w0 = theta[layout.neuronWOffset() + k * d + j];
            distance += (w[j] - w0) * (w[j] - w0);
        }
        double db = best.b() - theta[layout.neuronBOffset() + k];
        distance = Math.sqrt(distance + db * db);
        double lambdaA2 = lambdaASquared(augmented, theta);
        // θ₀'s escape bears on θ when θ is θ₀ to the loss's bits, or the identity rules θ out
        boolean bears = barrier == 0.0 || lambdaA2 > 0.0;
        boolean escapes = bears && fromAZero > tolerance;
        return new EscapeEvidence(escapes, decrease, best.g(), best.kappa(), best.step(), barrier, distance,
                tried, config.ascentSteps(), config.seed(), tolerance, end, outputs == 1 ? -1 : k,
                used.step(), used.halvings(), fromAZero, lambdaA2);
    }

    /** λ·max_k a_k² at θ: the identity's right-hand side; above 0, ∇L~(θ) ≠ 0 exactly. */
    private static double lambdaASquared(NetworkObjective augmented, double[] theta) {
        int ka = augmented.layout().neuronAOffset();
        double largest = 0.0;
        for (int j = 0; j < augmented.outputs(); j++) {
            largest = Math.max(largest, theta[ka + j] * theta[ka + j]);
        }
        return augmented.lambda() * largest;
    }
}
