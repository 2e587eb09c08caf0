package org.oneneuron.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.testing.Property;

/**
 * The float64 objective answers an assessment's questions at one θ (scores, network scores, the
 * named losses, the neuron's figures) from one remembered value pass: the bits of separate
 * passes, and a different θ is never answered from the memo.
 */
class ReportingPassTest {

    @Test
    void rememberedFiguresAreTheBitsOfFreshPasses() {
        Property.forAll(60, g -> {
            NeuronKind kind = g.oneOf("kind", NeuronKind.class);
            RandomProblem p = new RandomProblem(kind, "cubic-hinge", g.seed("problem"));
            double[] other = p.theta.clone();
            other[g.intIn("entry", 0, other.length - 1)] += 0.25;
            NetworkObjective used = NetworkObjective.builder(p.spec, p.data).loss(p.loss).lambda(0.3).build();
            used.scores(other);
            double[] scores = used.scores(p.theta);
            double[] network = used.networkScores(p.theta);
            double value = used.value(p.theta);
            double data = used.dataLoss(p.theta);
            double alone = used.networkOnlyLoss(p.theta);
            var neuron = used.neuron(p.theta);
            double otherValue = used.value(other);

            NetworkObjective fresh = NetworkObjective.builder(p.spec, p.data).loss(p.loss).lambda(0.3).build();
            assertArrayEquals(fresh.copy().scores(p.theta), scores, 0.0);
            assertArrayEquals(fresh.copy().networkScores(p.theta), network, 0.0);
            assertEquals(fresh.copy().value(p.theta), value, 0.0);
            assertEquals(fresh.copy().dataLoss(p.theta), data, 0.0);
            assertEquals(fresh.copy().networkOnlyLoss(p.theta), alone, 0.0);
            assertEquals(fresh.copy().neuron(p.theta).map(NeuronSnapshot::maxContribution),
                    neuron.map(NeuronSnapshot::maxContribution));
            assertEquals(fresh.copy().value(other), otherValue, 0.0, "another θ is not the memo's");
            double[] gradient = new double[p.theta.length];
            assertEquals(fresh.copy().valueAndGradient(p.theta, gradient), value, 0.0, "the gradient pass's value");
        });
    }
}
