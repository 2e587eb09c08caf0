package org.oneneuron.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.Standardizer;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.Trainer;
import org.oneneuron.train.TrainingResult;
import org.oneneuron.train.Verdict;

/**
 * A trained augmented WDBC model (30-16-1 tanh + skip-exp, λ = 0.1, summed cubic hinge, L-BFGS):
 * global_minimum is claimed only with every figure behind it, and never for an unfinished run.
 */
@Tag("slow")
class TrainedModelCertificateTest {

    private static final Dataset WDBC = Standardizer.fit(Datasets.wdbc()).apply(Datasets.wdbc());
    private static final NetworkObjective AUGMENTED = NetworkObjective.of(
            new NetworkSpec(30, List.of(16), Activation.TANH, NeuronKind.SKIP_EXP), WDBC, Losses.CUBIC_HINGE,
            Reduction.SUM, 0.1);

    private static TrainingResult train(long steps) {
        double[] start = Initializer.FAN_IN_UNIFORM.initialize(AUGMENTED.layout(), 7L);
        TrainConfig config = TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.LBFGS).maxSteps(steps)
                .gradientTolerance(1e-10).build();
        return Trainer.train(AUGMENTED, start, config);
    }

    private static Certificate certify(double[] theta) {
        return Certifier.certify(AUGMENTED, theta, NetworkPoints.context(AUGMENTED, theta),
                CertifyConfig.defaults().withPerturbations(200));
    }

    @Test
    void globalMinimumIsClaimedOnlyWithTheFiguresBehindIt() {
        TrainingResult trained = train(3000);
        Certificate cert = certify(trained.theta());
        NeuronSnapshot neuron = cert.neuron().orElseThrow();
        CertifyConfig t = cert.config();
        assertEquals(0.0, cert.identityResidual(), 1e-9 * Math.max(1.0, cert.loss()));
        if (cert.verdict() == Verdict.GLOBAL_MINIMUM) {
            assertTrue(cert.loss() <= t.lossTolerance(), cert.reason());
            assertTrue(cert.networkOnlyLoss() <= t.lossTolerance(), cert.reason());
            assertTrue(cert.gradNorm() <= t.gradientTolerance(), cert.reason());
            assertEquals(0.0, cert.trainingError());
        } else {
            assertTrue(cert.loss() > t.lossTolerance() || cert.networkOnlyLoss() > t.lossTolerance()
                    || cert.gradNorm() > t.gradientTolerance(), cert.reason());
        }
        assertTrue(cert.loss() < 1e-3, "L-BFGS fits WDBC with 16 tanh units: loss " + cert.loss());
    }

    @Test
    void anUnfinishedRunIsNeverGlobal() {
        Certificate cert = certify(train(5).theta());
        assertTrue(cert.loss() > cert.config().lossTolerance());
        assertNotEquals(Verdict.GLOBAL_MINIMUM, cert.verdict());
        assertEquals(Verdict.NOT_STATIONARY, cert.verdict(), cert.reason());
    }
}
