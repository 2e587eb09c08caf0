package org.oneneuron.landscape;

import java.util.Arrays;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.model.ParameterLayout;

/**
 * The escape of PAPER.md §4 at an augmented network's point: the network's own scores (the neuron
 * removed) embedded with a = 0, the random-w search with ascent of {@link Escape}, and the decrease
 * measured on the exact objective at the end of the path of {@link EscapeEvidence}.
 */
final class EscapeCheck {

    private EscapeCheck() {
    }

    static EscapeEvidence at(NetworkObjective augmented, double[] theta, double loss, EscapeConfig config) {
        ParameterLayout layout = augmented.layout();
        double[] plain = Arrays.copyOf(theta, layout.networkDimension());
        EscapeProblem problem = new EscapeProblem(augmented.data(), augmented.networkScores(theta),
                augmented.scalarLoss(), augmented.lambda(), NetworkPoints.factors(augmented));
        EscapeCertificate certificate;
        try {
            certificate = Escape.certify(problem, null, 0.0, config);
        } catch (IllegalStateException e) {
            // every random direction had wᵀx constant over the data: no escape can be shown
            return new EscapeEvidence(false, Double.NaN, 0.0, Double.NaN, 0.0, Double.NaN, 0.0,
                    config.randomDirections(), config.ascentSteps(), config.seed(), Double.NaN, theta);
        }
        EscapeStep best = certificate.best();
        double[] end = NetworkPoints.embed(augmented, plain, best.w(), best.step(), best.b());
        double[] aZero = theta.clone();
        aZero[layout.neuronAOffset()] = 0.0;
        double barrier = augmented.value(aZero) - loss;
        double decrease = loss - augmented.value(end);
        double tolerance = 1e-12 * Math.max(1.0, Math.abs(loss));
        double[] w0 = Arrays.copyOfRange(theta, layout.neuronWOffset(), layout.neuronWOffset() + layout.neuronInputDim());
        double distance = 0.0;
        double[] w = best.w();
        for (int j = 0; j < w.length; j++) {
            distance += (w[j] - w0[j]) * (w[j] - w0[j]);
        }
        double db = best.b() - theta[layout.neuronBOffset()];
        distance = Math.sqrt(distance + db * db);
        boolean escapes = decrease > tolerance && barrier < decrease;
        return new EscapeEvidence(escapes, decrease, best.g(), best.kappa(), best.step(), barrier, distance,
                certificate.directionsTried(), config.ascentSteps(), config.seed(), tolerance, end);
    }
}
