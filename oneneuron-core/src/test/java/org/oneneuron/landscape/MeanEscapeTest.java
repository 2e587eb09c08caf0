package org.oneneuron.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.oneneuron.constructions.Constructions;
import org.oneneuron.constructions.NetworkConstruction;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.run.Problem;

/**
 * The escape and the plane slices with the mean-reduced loss (issue 17, point 5): the mean is the
 * sum scaled by 1/n, so with λ/n the certificate is the summed one scaled by 1/n, and its measured
 * decrease is the mean objective's own.
 */
class MeanEscapeTest {

    private static final double[] W = {1, 0};

    @Test
    void theMeanCertificateIsTheSummedOneScaledByOneOverN() {
        NetworkConstruction a1 = Constructions.caseA1();
        Problem summed = Problem.plain(a1);
        Problem mean = summed.toBuilder().reduction(Reduction.MEAN).build();
        int n = summed.data().n();
        double lambda = 0.01;
        double[] theta = a1.badPoint();
        EscapeStep s = Escape.certify(NetworkPoints.escapeProblem(summed.objective(), theta, lambda), W, 0.0,
                EscapeConfig.defaults()).chosen();
        EscapeStep m = Escape.certify(NetworkPoints.escapeProblem(mean.objective(), theta, lambda / n), W, 0.0,
                EscapeConfig.defaults()).chosen();
        assertEquals(s.g() / n, m.g(), 1e-12 * Math.abs(s.g()));
        assertEquals(s.kappa() / n, m.kappa(), 1e-12 * s.kappa());
        assertEquals(s.step(), m.step(), 1e-12 * Math.abs(s.step()), "the same best a");
        assertEquals(s.predictedDecrease() / n, m.predictedDecrease(), 1e-12 * s.predictedDecrease());
        assertEquals(s.measuredDecrease() / n, m.measuredDecrease(), 1e-12 * s.measuredDecrease());

        NetworkObjective augmented = mean.withNeuron(NeuronKind.SKIP_EXP, lambda / n).objective();
        double[] before = NetworkPoints.embed(augmented, theta, W, 0.0, 0.0);
        double[] after = NetworkPoints.embed(augmented, theta, W, m.step(), 0.0);
        assertEquals(m.measuredDecrease(), augmented.value(before) - augmented.value(after), 1e-14,
                "the decrease is that of the mean objective");
    }

    @Test
    void theSliceThroughPlainAndEscapeOfAMeanModelDescends() {
        NetworkConstruction a1 = Constructions.caseA1();
        Problem mean = Problem.plain(a1).toBuilder().reduction(Reduction.MEAN).build();
        double lambda = 0.01;
        double[] theta = a1.badPoint();
        EscapeStep m = Escape.certify(NetworkPoints.escapeProblem(mean.objective(), theta, lambda), W, 0.0,
                EscapeConfig.defaults()).chosen();
        NetworkObjective augmented = mean.withNeuron(NeuronKind.SKIP_EXP, lambda).objective();
        double[] plain = NetworkPoints.embed(augmented, theta, W, 0.0, 0.0);
        double[] escape = NetworkPoints.embed(augmented, theta, W, m.step(), 0.0);
        Slice line = Slices.lineThrough(augmented, plain, escape, "plain", "escape",
                new SliceConfig(21, 0.25, 1, 1L));
        assertTrue(line.minimum() < augmented.value(plain), "the line from plain to escape goes down: min "
                + line.minimum() + " vs " + augmented.value(plain));
        assertTrue(m.measuredDecrease() > 0.0);
    }
}
