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

    /**
     * The step along a is judged as {@code escape} judges it, by the decrease from the a = 0 point,
     * not by the whole path's: at the end of the probe's own path (a ≠ 0, so setting a to 0 first
     * rises by the escape's gain) the same search finds the same direction, and the probe takes the
     * same step with the same halvings, ending where it starts (no escape). Judged by the whole
     * path, every step would fall short of that rise and the step be halved 40 times towards a = 0,
     * the reported "best decrease" then being the rise itself.
     */
    @Test
    void theStepAlongAIsJudgedFromTheAZeroPointNotAcrossTheBarrier() {
        Dataset data = new Dataset("overshoot", new double[] {0, 1}, new double[] {1, -1}, 1, List.of("x"),
                List.of("-1", "+1"));
        NetworkSpec spec = NetworkSpec.mlp(1, List.of(), Activation.TANH, NeuronKind.SKIP_EXP);
        NetworkObjective aug = Problem.builder(spec, data).loss(Losses.LOGISTIC).lambda(1e-3).build().objective();
        double[] theta = NetworkPoints.embed(aug, new double[] {0, -10}, 0, new double[] {0}, 0.0, 0.0);
        EscapeEvidence first = EscapeCheck.at(aug, theta, aug.value(theta), EscapeConfig.defaults());
        assertTrue(first.escapes() && first.halvings() > 0, first.describe());

        double[] end = first.escapePoint();
        EscapeEvidence again = EscapeCheck.at(aug, end, aug.value(end), EscapeConfig.defaults());
        assertEquals(first.decrease(), again.barrier(), 1e-12, "setting a to 0 gives back the escape's gain");
        assertEquals(first.halvings(), again.halvings(), again.describe());
        assertEquals(first.stepUsed(), again.stepUsed(), 0.0);
        assertTrue(!again.escapes() && Math.abs(again.decrease()) <= 1e-12, again.describe());
        assertTrue(again.describe().contains("rise setting a = 0"), again.describe());
    }
}
