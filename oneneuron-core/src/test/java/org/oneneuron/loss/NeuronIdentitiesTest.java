package org.oneneuron.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.model.ParameterLayout;
import org.oneneuron.testing.Gen;
import org.oneneuron.testing.Property;

/**
 * The proof mechanics of PAPER.md §4 at random points: the bias identity for exponential units,
 * the homogeneity identities for relu, linear and quadratic units, a = 0 reproducing the plain
 * model, and the per-layer chain computing exactly what the skip neuron computes.
 */
class NeuronIdentitiesTest {

    private static final double LAMBDA = 0.37;

    private static final List<NeuronKind> EXPONENTIAL_KINDS =
            List.of(NeuronKind.SKIP_EXP, NeuronKind.PER_LAYER_EXP, NeuronKind.NO_SKIP);
    private static final List<NeuronKind> HOMOGENEOUS_KINDS =
            List.of(NeuronKind.RELU, NeuronKind.LINEAR, NeuronKind.QUADRATIC);

    /** A random problem with a neuron kind from the list and any loss. */
    private static RandomProblem problem(Gen g, List<NeuronKind> kinds) {
        return new RandomProblem(g.oneOf("kind", kinds), g.oneOf("loss", RandomProblem.LOSSES), g.seed("seed"));
    }

    private static NetworkObjective objective(RandomProblem p) {
        return NetworkObjective.builder(p.spec, p.data).loss(p.loss).lambda(LAMBDA).build();
    }

    @Test
    void biasIdentityForExponentialUnits() {
        Property.forAll(60, g -> checkBiasIdentity(problem(g, EXPONENTIAL_KINDS)));
    }

    private static void checkBiasIdentity(RandomProblem p) {
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

    @Test
    void homogeneityIdentityForReluLinearQuadraticUnits() {
        Property.forAll(60, g -> checkHomogeneityIdentity(problem(g, HOMOGENEOUS_KINDS)));
    }

    private static void checkHomogeneityIdentity(RandomProblem p) {
        NeuronKind kind = p.spec.neuron();
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

    @Test
    void zeroOutputWeightReproducesThePlainModel() {
        Property.forAll(60, g -> checkPlainModelAtZeroWeight(problem(g, List.of(NeuronKind.values()))));
    }

    private static void checkPlainModelAtZeroWeight(RandomProblem p) {
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

    @Test
    void perLayerChainEqualsSkipNeuron() {
        Property.forAll(60, g -> checkChainEqualsSkip(g.oneOf("loss", RandomProblem.LOSSES), g.seed("seed")));
    }

    private static void checkChainEqualsSkip(String loss, long seed) {
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
