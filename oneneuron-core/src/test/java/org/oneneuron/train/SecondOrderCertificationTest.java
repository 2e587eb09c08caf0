package org.oneneuron.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;

/** L-BFGS and Newton-CG drive an augmented model's gradient to 1e-10, so points can be certified. */
class SecondOrderCertificationTest {

    /** 12 points in the plane labelled by the sign of x₁ − 0.5·x₂ (separable). */
    private static Dataset separable() {
        SplittableRandom random = new SplittableRandom(17);
        int n = 12;
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = random.nextDouble(-1, 1);
            x[2 * i + 1] = random.nextDouble(-1, 1);
            y[i] = x[2 * i] - 0.5 * x[2 * i + 1] >= 0 ? 1 : -1;
        }
        return new Dataset("separable", x, y, 2, List.of("x1", "x2"), List.of("-1", "+1"));
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"LBFGS", "NEWTON_CG"})
    void reachesGradientNormOneInTenBillion(OptimizerKind kind) {
        NetworkSpec spec = new NetworkSpec(2, List.of(4), Activation.TANH, NeuronKind.SKIP_EXP);
        NetworkObjective objective = NetworkObjective.of(spec, separable(), Losses.CUBIC_HINGE,
                Reduction.SUM, 0.1);
        double[] theta0 = Initializer.FAN_IN_UNIFORM.initialize(spec.layout(), 3);
        TrainConfig config = TrainConfig.defaults().toBuilder().optimizer(kind).maxSteps(3000)
                .gradientTolerance(1e-10).build();
        TrainingResult result = Trainer.train(objective, theta0, config);
        assertEquals(StopReason.GRADIENT_TOLERANCE, result.stop().reason(), result.toString());
        assertTrue(result.finalGradientNorm() <= 1e-10, result.toString());
        assertTrue(result.finalLoss() < 1e-6, result.toString());
    }
}
