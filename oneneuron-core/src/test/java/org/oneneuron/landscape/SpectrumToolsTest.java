package org.oneneuron.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Lanczos, the dense Hessian, Hutchinson and SLQ on quadratics ½θᵀAθ with a known spectrum. */
class SpectrumToolsTest {

    private static final int N = 300;
    private static final double LAMBDA_MIN = -2.0;
    private static final double LAMBDA_MAX = 10.0;

    /** Bulk in [-0.5, 1] plus separated extremes, the shape of a network Hessian. */
    private static double[] spectrum() {
        SplittableRandom random = new SplittableRandom(11);
        double[] s = new double[N];
        for (int i = 0; i < N; i++) {
            s[i] = random.nextDouble(-0.5, 1.0);
        }
        s[7] = LAMBDA_MIN;
        s[123] = LAMBDA_MAX;
        return s;
    }

    private final QuadraticObjective quadratic = QuadraticObjective.withSpectrum(spectrum(), 5);
    private final double[] theta = new double[N];

    @Test
    void lanczosFindsSeparatedExtremesToTheTolerance() {
        LanczosResult r = Lanczos.extremes(quadratic, theta, LanczosConfig.defaults());
        assertEquals(40, r.steps());
        assertEquals(LAMBDA_MIN, r.min().value(), 1e-6 * LAMBDA_MAX);
        assertEquals(LAMBDA_MAX, r.max().value(), 1e-6 * LAMBDA_MAX);
        assertTrue(r.converged(), "residuals " + r.min().residual() + ", " + r.max().residual());
        assertEquals(1.0, Vectors.norm(r.max().vector()), 1e-12);
    }

    @Test
    void lanczosStopsOnAnInvariantSubspaceWithExactValues() {
        double[] s = new double[50];
        for (int i = 0; i < s.length; i++) {
            s[i] = i % 3 - 1.0;
        }
        QuadraticObjective three = QuadraticObjective.withSpectrum(s, 3);
        LanczosResult r = Lanczos.extremes(three, new double[50], LanczosConfig.defaults());
        assertTrue(r.invariant());
        assertEquals(3, r.steps());
        assertEquals(-1.0, r.min().value(), 1e-12);
        assertEquals(1.0, r.max().value(), 1e-12);
        assertTrue(r.converged());
    }

    @Test
    void tooFewStepsAreReportedAsNotConverged() {
        LanczosResult r = Lanczos.extremes(quadratic, theta, LanczosConfig.defaults().withSteps(4));
        assertTrue(!r.converged(), "4 steps cannot resolve λ_min to 1e-6: residual " + r.min().residual());
    }

    @Test
    void denseHessianMatchesTheMatrixAndItsSpectrum() {
        DenseHessian h = DenseHessian.assemble(quadratic, theta, 2);
        assertEquals(0.0, h.asymmetry(), 1e-14);
        double[] a = quadratic.matrix();
        for (int i = 0; i < N; i += 37) {
            for (int j = 0; j < N; j += 41) {
                assertEquals(a[i * N + j], h.get(i, j), 1e-15);
            }
        }
        double[] values = h.eigenvalues().values();
        assertEquals(LAMBDA_MIN, values[0], 1e-11);
        assertEquals(LAMBDA_MAX, values[N - 1], 1e-11);
        double sum = 0.0;
        double sumSq = 0.0;
        for (double v : spectrum()) {
            sum += v;
            sumSq += v * v;
        }
        assertEquals(sum, h.trace(), 1e-10);
        assertEquals(sumSq, h.traceOfSquare(), 1e-10);
    }

    @Test
    void hutchinsonTraceIsWithinThreeStandardErrors() {
        double exact = DenseHessian.assemble(quadratic, theta, 1).trace();
        TraceEstimate t = Hutchinson.trace(quadratic, theta, 200, 9);
        assertTrue(t.standardError() > 0.0);
        assertEquals(exact, t.mean(), 3 * t.standardError());
        assertEquals(200, t.probes());
    }

    @Test
    void slqMomentsMatchTheDenseTraces() {
        DenseHessian h = DenseHessian.assemble(quadratic, theta, 1);
        SpectralDensity density = Slq.density(quadratic, theta, new SlqConfig(30, 20, 21));
        assertEquals(1.0, density.moment(0).mean(), 1e-12, "weights of each probe sum to 1");
        TraceEstimate second = density.moment(2);
        assertEquals(h.traceOfSquare() / N, second.mean(), 3 * second.standardError());
        TraceEstimate first = density.moment(1);
        assertEquals(h.trace() / N, first.mean(), 3 * first.standardError());
        double[] grid = {LAMBDA_MIN, 0.25, 5.0};
        double[] phi = density.smoothed(grid, 0.05);
        assertTrue(phi[1] > phi[2], "the bulk outweighs the empty gap");
    }
}
