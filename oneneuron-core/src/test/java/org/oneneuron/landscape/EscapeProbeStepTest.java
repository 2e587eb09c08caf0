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
     * The escape is judged from the a = 0 point, the only kind of point a local minimum can be
     * (PAPER.md §4), not across the barrier: at the end of the probe's own path (a ≠ 0, so setting a
     * to 0 first rises by the escape's gain) the same search finds the same direction and takes the
     * same step with the same halvings, ending where it starts. The point itself is ruled out by the
     * identity (λa² > 0), and its a = 0 point escapes by the first escape's gain, so the probe
     * escapes, saying both. Judged by the whole path the step would be halved 40 times towards
     * a = 0, and by "below the start beyond the rise" the point would count as a bad minimum.
     */
    @Test
    void atAPointWithANonzeroTheIdentityRulesItOutAndTheAZeroPointIsJudged() {
        NetworkObjective aug = overshoot(1e-3);
        double[] theta = NetworkPoints.embed(aug, new double[] {0, -10}, 0, new double[] {0}, 0.0, 0.0);
        EscapeEvidence first = EscapeCheck.at(aug, theta, aug.value(theta), EscapeConfig.defaults());
        assertTrue(first.escapes() && first.halvings() > 0, first.describe());

        double[] end = first.escapePoint();
        EscapeEvidence again = EscapeCheck.at(aug, end, aug.value(end), EscapeConfig.defaults());
        assertEquals(first.decrease(), again.barrier(), 1e-12, "setting a to 0 gives back the escape's gain");
        assertEquals(first.halvings(), again.halvings(), again.describe());
        assertEquals(first.stepUsed(), again.stepUsed(), 0.0);
        assertEquals(first.decrease(), again.decreaseFromAZero(), 1e-12, "the a = 0 point escapes as before");
        assertTrue(Math.abs(again.decrease()) <= 1e-12, "the path ends where it starts: " + again.decrease());
        double a = end[aug.layout().neuronAOffset()];
        assertEquals(1e-3 * (a * a), again.lambdaASquared(), 0.0);
        assertTrue(again.escapes(), again.describe());
        assertTrue(again.describe().contains("a ≠ 0 here, so ∇L~ ≠ 0 exactly"), again.describe());
    }

    /**
     * Without the penalty nothing forces a = 0 at a local minimum, so at a point with a ≠ 0 the
     * a = 0 point's escape does not bear on it: none is claimed, though that escape is measured.
     */
    @Test
    void withoutThePenaltyNoEscapeIsClaimedAtAPointWithANonzero() {
        NetworkObjective aug = overshoot(0.0);
        double[] theta = NetworkPoints.embed(aug, new double[] {0, -10}, 0, new double[] {0}, 0.0, 0.0);
        EscapeEvidence first = EscapeCheck.at(aug, theta, aug.value(theta), EscapeConfig.defaults());
        assertTrue(first.escapes(), "at a = 0 the escape stands without the penalty: " + first.describe());

        double[] end = first.escapePoint();
        EscapeEvidence again = EscapeCheck.at(aug, end, aug.value(end), EscapeConfig.defaults());
        assertTrue(again.decreaseFromAZero() > again.tolerance(), again.describe());
        assertEquals(0.0, again.lambdaASquared(), 0.0);
        assertTrue(!again.escapes(), again.describe());
        assertTrue(again.describe().contains("no escape claimed: a ≠ 0 here and λ = 0"), again.describe());
    }

    private static NetworkObjective overshoot(double lambda) {
        Dataset data = new Dataset("overshoot", new double[] {0, 1}, new double[] {1, -1}, 1, List.of("x"),
                List.of("-1", "+1"));
        NetworkSpec spec = NetworkSpec.mlp(1, List.of(), Activation.TANH, NeuronKind.SKIP_EXP);
        return Problem.builder(spec, data).loss(Losses.LOGISTIC).lambda(lambda).allowZeroLambda(lambda == 0.0).build()
                .objective();
    }
}
