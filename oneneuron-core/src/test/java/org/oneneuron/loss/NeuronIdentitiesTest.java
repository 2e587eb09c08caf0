package org.oneneuron.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.model.ParameterLayout;

/**
 * The proof mechanics of PAPER.md §4 at random points: the bias identity for exponential units,
 * the homogeneity identities for relu, linear and quadratic units, a = 0 reproducing the plain
 * model, and the per-layer chain computing exactly what the skip neuron computes.
 */
class NeuronIdentitiesTest {

    private static final double LAMBDA = 0.37;

    @Provide
    Arbitrary<String> losses() {
        return Arbitraries.of(RandomProblem.LOSSES);
    }

    @Provide
    Arbitrary<NeuronKind> exponentialKinds() {
        return Arbitraries.of(NeuronKind.SKIP_EXP, NeuronKind.PER_LAYER_EXP, NeuronKind.NO_SKIP);
    }

    @Provide
    Arbitrary<NeuronKind> homogeneousKinds() {
        return Arbitraries.of(NeuronKind.RELU, NeuronKind.LINEAR, NeuronKind.QUADRATIC);
    }

    private static NetworkObjective objective(RandomProblem p) {
        return NetworkObjective.builder(p.spec, p.data).loss(p.loss).lambda(LAMBDA).build();
    }

    @Property(tries = 60)
    void biasIdentityForExponentialUnits(@ForAll("exponentialKinds") NeuronKind kind,
                                         @ForAll("losses") String loss, @ForAll long seed) {
        RandomProblem p = new RandomProblem(kind, loss, seed);
        NetworkObjective obj = objective(p);
        ParameterLayout layout = obj.layout();
        double[] g = new double[obj.dimension()];
        obj.valueAndGradient(p.theta, g);
        double a = p.theta[layout.neuronAOffset()];
        double aDa = a * g[layout.neuronAOffset()];
        double db = g[layout.neuronBOffset()];
        double scale = Math.max(Math.max(Math.abs(aDa), Math.abs(db)), LAMBDA * a * a);
        assertEquals(LAMBDA * a * a, aDa - db, 1e-10 * scale);
    }

    @Property(tries = 60)
    void homogeneityIdentityForReluLinearQuadraticUnits(@ForAll("homogeneousKinds") NeuronKind kind,
                                                        @ForAll("losses") String loss, @ForAll long seed) {
        RandomProblem p = new RandomProblem(kind, loss, seed);
        NetworkObjective obj = objective(p);
        ParameterLayout layout = obj.layout();
        double[] g = new double[obj.dimension()];
        obj.valueAndGradient(p.theta, g);
        double a = p.theta[layout.neuronAOffset()];
        double aDa = a * g[layout.neuronAOffset()];
        double inner = p.theta[layout.neuronBOffset()] * g[layout.neuronBOffset()];
        double scale = Math.abs(aDa) + Math.abs(inner);
        for (int j = 0; j < layout.neuronInputDim(); j++) {
            int k = layout.neuronWOffset() + j;
            inner += p.theta[k] * g[k];
            scale += Math.abs(p.theta[k] * g[k]);
        }
        double degree = kind == NeuronKind.QUADRATIC ? 2 : 1;
        assertEquals(LAMBDA * a * a, aDa - inner / degree, 1e-10 * Math.max(scale, LAMBDA * a * a));
    }

    @Property(tries = 60)
    void zeroOutputWeightReproducesThePlainModel(@ForAll NeuronKind kind, @ForAll("losses") String loss,
                                                 @ForAll long seed) {
        RandomProblem p = new RandomProblem(kind, loss, seed);
        NetworkObjective aug = objective(p);
        ParameterLayout layout = aug.layout();
        double[] theta = p.theta.clone();
        if (layout.hasNeuron()) {
            theta[layout.neuronAOffset()] = 0;
        }
        NetworkObjective plain = NetworkObjective.builder(p.spec.withNeuron(NeuronKind.NONE), p.data)
                .loss(p.loss).build();
        double[] plainTheta = Arrays.copyOf(theta, layout.networkDimension());
        assertArrayEquals(plain.scores(plainTheta), aug.scores(theta), 0.0);
        double[] ga = new double[aug.dimension()];
        double[] gp = new double[plain.dimension()];
        assertEquals(plain.valueAndGradient(plainTheta, gp), aug.valueAndGradient(theta, ga), 0.0);
        assertArrayEquals(gp, Arrays.copyOf(ga, gp.length), 0.0);
    }

    @Property(tries = 60)
    void perLayerChainEqualsSkipNeuron(@ForAll("losses") String loss, @ForAll long seed) {
        RandomProblem skip = new RandomProblem(NeuronKind.SKIP_EXP, loss, seed);
        RandomProblem chain = new RandomProblem(NeuronKind.PER_LAYER_EXP, loss, seed);
        assertArrayEquals(skip.theta, chain.theta, 0.0);
        NetworkObjective s = objective(skip);
        NetworkObjective c = objective(chain);
        assertArrayEquals(s.scores(skip.theta), c.scores(chain.theta), 0.0);
        double[] gs = new double[s.dimension()];
        double[] gc = new double[c.dimension()];
        assertEquals(s.valueAndGradient(skip.theta, gs), c.valueAndGradient(chain.theta, gc), 0.0);
        assertArrayEquals(gs, gc, 0.0);
        double[] v = new double[s.dimension()];
        Arrays.fill(v, 0.25);
        double[] hs = new double[s.dimension()];
        double[] hc = new double[c.dimension()];
        s.hessianVector(skip.theta, v, hs);
        c.hessianVector(chain.theta, v, hc);
        assertArrayEquals(hs, hc, 0.0);
        assertTrue(s.neuron(skip.theta).isPresent());
    }
}
