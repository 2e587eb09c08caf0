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
                    tried, config.ascentSteps(), config.seed(), Double.NaN, theta, outputs == 1 ? -1 : 0, 0.0, 0);
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
        double tolerance = Escape.roundOff(loss);
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
        double decrease = loss - augmented.value(end);
        double distance = 0.0;
        double[] w = best.w();
        for (int j = 0; j < w.length; j++) {
            double w0 = theta[layout.neuronWOffset() + k * d + j];
            distance += (w[j] - w0) * (w[j] - w0);
        }
        double db = best.b() - theta[layout.neuronBOffset() + k];
        distance = Math.sqrt(distance + db * db);
        boolean escapes = decrease > tolerance && barrier < decrease;
        return new EscapeEvidence(escapes, decrease, best.g(), best.kappa(), best.step(), barrier, distance,
                tried, config.ascentSteps(), config.seed(), tolerance, end, outputs == 1 ? -1 : k, used.step(),
                used.halvings());
    }
}
