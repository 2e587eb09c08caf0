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
        NetworkObjective plain = Problem.plain(recipe).objective();
        double[] theta = recipe.badPoint();
        return Certifier.certify(plain, theta, NetworkPoints.context(plain, theta),
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
    void yunRefusesDataALinearModelFits() {
        Dataset line = new Dataset("line", new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7}, 1,
                List.of("x"), List.of());
        NetworkSpec spec = new NetworkSpec(1, List.of(2), Activation.RELU, NeuronKind.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> YunRecipe.build(spec, line));
        assertTrue(e.getMessage().contains("a linear model fits"), e.getMessage());
    }
}
