package org.oneneuron.landscape;

import org.oneneuron.run.Problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneneuron.constructions.Constructions;
import org.oneneuron.constructions.DeadReluRecipe;
import org.oneneuron.constructions.Recipe;
import org.oneneuron.constructions.YunRecipe;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.Standardizer;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.train.Verdict;

/** PAPER.md §6 D recipes, certified as bad local minima on real data. */
class RecipeCertificatesTest {

    private static final Dataset WDBC = Standardizer.fit(Datasets.wdbc()).apply(Datasets.wdbc());

    private static Certificate certify(Recipe recipe) {
        Problem problem = Problem.plain(recipe);
        NetworkObjective plain = problem.objective();
        double[] theta = recipe.badPoint();
        return Certifier.certify(plain, theta, problem.context(theta),
                CertifyConfig.defaults().withPerturbations(2000));
    }

    @Test
    void deadReluOnWdbcIsABadLocalMinimumAtTheBestConstant() {
        NetworkSpec spec = new NetworkSpec(30, List.of(8, 4), Activation.RELU, NeuronKind.NONE);
        Recipe recipe = DeadReluRecipe.build(spec, WDBC, Losses.CUBIC_HINGE);
        Certificate cert = certify(recipe);
        assertEquals(Verdict.BAD_LOCAL_MINIMUM, cert.verdict(), cert.reason());
        assertEquals(recipe.badLoss(), cert.loss(), 1e-9 * recipe.badLoss());
        assertTrue(cert.perturbation().orElseThrow().noDecrease());
        double positives = 0;
        for (double y : WDBC.y()) {
            positives += y > 0 ? 1 : 0;
        }
        assertEquals(Math.min(positives, WDBC.n() - positives) / WDBC.n(), cert.trainingError(), 1e-12,
                "a constant output gets the minority class wrong");
    }

    @Test
    void deadReluWithKOutputsIsABadLocalMinimumThatThePerOutputNeuronsEscape() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(9);
        double[] x = new double[60];
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            y[i] = i % 3;
            x[2 * i] = (y[i] == 1 ? 2 : 0) + rng.nextDouble(-1, 1);
            x[2 * i + 1] = (y[i] == 2 ? 2 : 0) + rng.nextDouble(-1, 1);
        }
        Dataset three = new Dataset("three", x, y, 2, null, List.of("a", "b", "c"));
        for (var loss : List.of(Losses.SOFTMAX_CE, Losses.MULTI_SQUARED_HINGE)) {
            NetworkSpec spec = NetworkSpec.mlp(2, List.of(4, 3), Activation.RELU, NeuronKind.NONE, 3);
            Recipe recipe = DeadReluRecipe.build(spec, three, loss);
            Problem plain = Problem.plain(recipe);
            double[] theta = recipe.badPoint();
            Certificate cert = Certifier.certify(plain.objective(), theta, plain.context(theta),
                    CertifyConfig.defaults().withPerturbations(500));
            assertEquals(Verdict.BAD_LOCAL_MINIMUM, cert.verdict(), loss.word() + ": " + cert.reason());
            assertTrue(cert.gradNorm() < 1e-9, loss.word() + ": the best constant is stationary, " + cert.gradNorm());
            assertEquals(LeastLoss.Kind.BELOW, cert.leastLoss().kind(), cert.reason());

            Problem augmented = plain.withNeuron(NeuronKind.SKIP_EXP, 0.01);
            double[] embedded = NetworkPoints.embed(augmented.objective(), theta, 0, new double[2], 0, 0);
            Certificate aug = Certifier.certify(augmented.objective(), embedded, augmented.context(embedded),
                    CertifyConfig.defaults().withPerturbations(0));
            assertEquals(Verdict.SADDLE, aug.verdict(), loss.word() + " with a neuron per output: " + aug.reason());
        }
    }

    @Test
    void deadReluNamesTheTaskADataSetOfOneOutputHas() {
        Dataset binary = new Dataset("two", new double[] {1, 2}, new double[] {1, -1}, 1, List.of("x"),
                List.of("-1", "+1"));
        NetworkSpec spec = NetworkSpec.mlp(1, List.of(3), Activation.RELU, NeuronKind.NONE, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeadReluRecipe.build(spec, binary, Losses.SOFTMAX_CE));
        assertTrue(e.getMessage().endsWith("got a binary task of 1 output"), e.getMessage());
    }

    @Test
    void deadReluRefusesALossWithoutABestConstant() {
        Dataset oneClass = new Dataset("one", new double[] {1, 2}, new double[] {1, 1}, 1, List.of("x"),
                List.of("-1", "+1"));
        NetworkSpec spec = new NetworkSpec(1, List.of(3), Activation.RELU, NeuronKind.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeadReluRecipe.build(spec, oneClass, Losses.LOGISTIC));
        assertTrue(e.getMessage().contains("no best constant"), e.getMessage());
    }

    @Test
    void yunOnCaseBDataReproducesTheKnownRiskOfOneThird() {
        NetworkSpec spec = new NetworkSpec(2, List.of(2), Activation.RELU, NeuronKind.NONE);
        Recipe recipe = YunRecipe.build(spec, Constructions.caseBData());
        assertEquals(1.0 / 3, recipe.badLoss(), 1e-12);
        Certificate cert = certify(recipe);
        assertEquals(Verdict.BAD_LOCAL_MINIMUM, cert.verdict(), cert.reason());
        assertEquals(1.0 / 3, cert.loss(), 1e-12);
    }

    @Test
    void yunOnNonlinearDataIsASpuriousMinimumAtTheLeastSquaresRisk() {
        double[] x = new double[40];
        double[] t = new double[20];
        for (int i = 0; i < 20; i++) {
            x[2 * i] = -1 + i / 9.5;
            x[2 * i + 1] = Math.sin(3 * i);
            t[i] = x[2 * i] * x[2 * i];
        }
        Dataset parabola = new Dataset("parabola", x, t, 2, List.of("u", "v"), List.of());
        NetworkSpec spec = new NetworkSpec(2, List.of(5, 3), Activation.leakyRelu(0.1), NeuronKind.NONE);
        Certificate cert = certify(YunRecipe.build(spec, parabola));
        assertEquals(Verdict.BAD_LOCAL_MINIMUM, cert.verdict(), cert.reason());
        assertEquals(0, cert.kinks().unitsAtKink());
    }

    @Test
    void theSamePointOnDataWithoutTheRecipesKnowledgeIsNotCalledBad() {
        // a regression at a stationary point above the floor 0: without the recipe's argument
        // (a better point exists), nothing says the least loss is below it
        NetworkSpec spec = new NetworkSpec(2, List.of(2), Activation.RELU, NeuronKind.NONE);
        Recipe recipe = YunRecipe.build(spec, Constructions.caseBData());
        Problem userData = Problem.builder(recipe.spec(), recipe.data()).loss(recipe.loss())
                .reduction(recipe.reduction()).build();
        double[] theta = recipe.badPoint();
        Certificate cert = Certifier.certify(userData.objective(), theta, userData.context(theta),
                CertifyConfig.defaults().withPerturbations(200));
        assertEquals(Verdict.CONVERGED_FINITE, cert.verdict(), cert.reason());
        assertEquals(LeastLoss.Kind.UNKNOWN, cert.leastLoss().kind());
        assertEquals(LeastLoss.Kind.BELOW, certify(recipe).leastLoss().kind());
    }

    @Test
    void aLinearModelKnowsItsLeastSquaresMinimum() {
        double[] x = new double[60];
        double[] t = new double[30];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int i = 0; i < 30; i++) {
            x[2 * i] = rng.nextDouble(-2, 2);
            x[2 * i + 1] = rng.nextDouble(-2, 2);
            t[i] = 1.5 * x[2 * i] - x[2 * i + 1] + rng.nextDouble(-0.3, 0.3);
        }
        Dataset noisy = new Dataset("noisy", x, t, 2, List.of("u", "v"), List.of());
        Problem linear = Problem.builder(new NetworkSpec(2, List.of(), Activation.RELU, NeuronKind.NONE), noisy)
                .loss(Losses.TARGET_SQUARED).build();
        LeastLoss least = linear.leastLoss(new double[3]);
        assertEquals(LeastLoss.Kind.EXACT, least.kind());
        double[] beta = org.oneneuron.constructions.LeastSquaresProbe.affineFit(noisy); // (β, γ), independent of CG
        double[] theta = {beta[0], beta[1], beta[2]};
        assertEquals(linear.objective().value(theta), least.value(), 1e-12, "CG from 0 reaches the OLS loss");
        assertTrue(least.value() > 1e-3, "noisy data: least loss above the floor, " + least.value());
        Certificate cert = Certifier.certify(linear.objective(), theta, linear.context(theta),
                CertifyConfig.defaults().withPerturbations(100));
        assertEquals(Verdict.GLOBAL_MINIMUM, cert.verdict(), cert.reason());
        Problem huber = linear.toBuilder().loss(Losses.HUBER).build();
        assertEquals(LeastLoss.Kind.CONVEX, huber.leastLoss(theta).kind(), "a linear model with Huber: convex");
    }

    @Test
    void yunRefusesDataALinearModelFits() {
        Dataset line = new Dataset("line", new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7}, 1,
                List.of("x"), List.of());
        NetworkSpec spec = new NetworkSpec(1, List.of(2), Activation.RELU, NeuronKind.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> YunRecipe.build(spec, line));
        assertTrue(e.getMessage().contains("a linear model fits"), e.getMessage());
    }
}
