package org.oneneuron.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.run.Problem;

/**
 * certify's escape probe takes its step by {@code escape}'s rule: where the full step a = -g/κ of
 * the quadratic model overshoots (EscapeTest's logistic case, here as a network: x = 0 badly
 * misclassified, x = 1 confidently right), it halves a until the measured loss falls, and the
 * decrease it reports is the one measured at the step it used.
 */
class EscapeProbeStepTest {

    @Test
    void anOvershootingFullStepIsHalvedUntilTheLossFallsAsEscapeDoes() {
        Dataset data = new Dataset("overshoot", new double[] {0, 1}, new double[] {1, -1}, 1, List.of("x"),
                List.of("-1", "+1"));
        NetworkSpec spec = NetworkSpec.mlp(1, List.of(), Activation.TANH, NeuronKind.SKIP_EXP);
        NetworkObjective aug = Problem.builder(spec, data).loss(Losses.LOGISTIC).lambda(1e-3).build().objective();
        double[] theta = NetworkPoints.embed(aug, new double[] {0, -10}, 0, new double[] {0}, 0.0, 0.0);
        double loss = aug.value(theta);

        EscapeEvidence e = EscapeCheck.at(aug, theta, loss, EscapeConfig.defaults());
        double[] full = e.escapePoint();
        full[aug.layout().neuronAOffset()] = e.step();
        assertTrue(loss - aug.value(full) <= e.tolerance(), "the full step does not lower the loss: "
                + (loss - aug.value(full)));
        assertTrue(e.halvings() > 0 && e.halvings() < Escape.MAX_HALVINGS, "halvings " + e.halvings());
        assertEquals(e.step() / Math.pow(2, e.halvings()), e.stepUsed(), 0.0);
        assertEquals(e.stepUsed(), e.escapePoint()[aug.layout().neuronAOffset()], 0.0, "the end point is at the step used");
        assertEquals(loss - aug.value(e.escapePoint()), e.decrease(), 0.0, "the decrease measured there");
        assertTrue(e.escapes(), e.describe());
        assertTrue(e.describe().contains("halved " + e.halvings() + " times"), e.describe());
    }
}
