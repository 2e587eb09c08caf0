package org.oneneuron.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.oneneuron.constructions.Constructions;
import org.oneneuron.constructions.NetworkConstruction;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.run.Problem;
import org.oneneuron.train.Verdict;

/**
 * Verdicts checked by the theorem's own escape (issue 17, point 1): the flat saddles of case A
 * (the dead network, the neuron at a = 0 with wᵀx nearly constant over the collinear inputs, so
 * G(w) ≈ 0 and the Hessian has no negative eigenvalue) are saddles, not bad local minima; the
 * plain network's A1 stays a bad local minimum.
 */
class EscapeVerdictTest {

    private static final double LAMBDA = 0.1;
    private static final CertifyConfig NO_PROBE = CertifyConfig.defaults().withPerturbations(0);
    /** The study's end-point tolerances (‖∇L‖ <= 1e-3, curvature 1e-4·max(1, ‖H‖), loss 1e-2). */
    private static final CertifyConfig STUDY = new CertifyConfig(1e-3, 1e-4, 1e-2, 0, LanczosConfig.defaults(),
            0, 1e-3, 1L);

    /** A1's θ with the skip-exp neuron at a = 0, w = (t, t + ε) (wᵀx = t + ε x₂ on x₁ + x₂ = 1), b = 0. */
    private static double[] flatSaddle(NetworkObjective aug, double t, double epsilon) {
        NetworkConstruction a1 = Constructions.caseA1();
        return NetworkPoints.embed(aug, a1.badPoint(), new double[] {t, t + epsilon}, 0.0, 0.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1e-4, 1e-2})
    void aFlatSaddleOfCaseAIsASaddleWithItsEscape(double epsilon) {
        NetworkObjective aug = Problem.plain(Constructions.caseA1()).withNeuron(NeuronKind.SKIP_EXP, LAMBDA)
                .objective();
        double[] theta = flatSaddle(aug, 0.4, epsilon);
        PointContext context = NetworkPoints.context(aug, theta);

        Certificate curvatureOnly = Certifier.certify(aug, theta, context.withEscape(Optional.empty()), STUDY);
        assertEquals(Verdict.BAD_LOCAL_MINIMUM, curvatureOnly.verdict(),
                "without the escape the tolerances call it a minimum: " + curvatureOnly.reason());
        assertTrue(curvatureOnly.escape().isEmpty());

        Certificate cert = Certifier.certify(aug, theta, context, STUDY);
        assertEquals(Verdict.SADDLE, cert.verdict(), cert.reason());
        EscapeEvidence escape = cert.escape().orElseThrow();
        assertTrue(escape.escapes());
        assertTrue(escape.decrease() > 1e-4, "A1's escape lowers L~ by about 6e-3, got " + escape.decrease());
        assertTrue(Math.abs(escape.slope()) > 0.1, "slope " + escape.slope());
        assertEquals(0.0, escape.barrier(), 1e-12, "a is already 0: setting it to 0 costs nothing");
        assertEquals(cert.loss() - escape.decrease(), aug.value(escape.escapePoint()), 1e-12,
                "the decrease is measured on the objective");
        assertTrue(cert.reason().contains("escape lowers L~"), cert.reason());
        assertTrue(cert.reason().contains("random directions"), "the effort is stated: " + cert.reason());
        double[] d = cert.negativeDirection();
        assertEquals(1.0, Vectors.norm(d), 1e-12, "the direction towards the escape is reported");
    }

    @Test
    void thePlainA1IsStillABadLocalMinimumAndNoEscapeIsAsked() {
        NetworkConstruction a1 = Constructions.caseA1();
        NetworkObjective plain = Problem.plain(a1).objective();
        double[] theta = a1.badPoint();
        Certificate cert = Certifier.certify(plain, theta, Problem.plain(a1).context(theta), NO_PROBE);
        assertEquals(Verdict.BAD_LOCAL_MINIMUM, cert.verdict(), cert.reason());
        assertTrue(cert.escape().isEmpty(), "the plain loss has no neuron to escape with");
    }

    @Test
    void anAblationUnitThatCannotEscapeKeepsTheBadLocalMinimum() {
        Problem problem = Problem.plain(Constructions.caseA1()).withNeuron(NeuronKind.RELU, LAMBDA);
        NetworkObjective relu = problem.objective();
        double[] theta = flatSaddle(relu, 0.4, 0.0);
        PointContext context = problem.context(theta);
        assertTrue(context.escape().isEmpty(), "PAPER.md §7: the relu unit adds only piecewise-affine functions");
        Certificate cert = Certifier.certify(relu, theta, context, NO_PROBE);
        assertEquals(Verdict.BAD_LOCAL_MINIMUM, cert.verdict(), cert.reason());
    }

    @Test
    void whenTheSearchFindsNoDecreaseTheVerdictStaysAndStatesTheEffort() {
        NetworkObjective aug = Problem.plain(Constructions.caseA1()).withNeuron(NeuronKind.SKIP_EXP, LAMBDA)
                .objective();
        double[] theta = flatSaddle(aug, 0.4, 0.0);
        PointContext context = NetworkPoints.context(aug, theta).withEscape(Optional.of((t, loss) ->
                new EscapeEvidence(false, -1e-3, 0.0, 1.0, 0.0, 0.0, 64, 25, 3L, 1e-12, t)));
        Certificate cert = Certifier.certify(aug, theta, context, NO_PROBE);
        assertEquals(Verdict.BAD_LOCAL_MINIMUM, cert.verdict(), cert.reason());
        assertTrue(cert.reason().contains("no escape found") && cert.reason().contains("64 random directions"),
                cert.reason());
    }
}
