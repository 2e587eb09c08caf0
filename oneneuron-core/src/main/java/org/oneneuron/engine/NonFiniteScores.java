package org.oneneuron.engine;

import java.util.Locale;
import org.oneneuron.objective.NonFiniteException;

/**
 * What {@link Graph}'s passes say when a value leaves the finite (or, in float32, the float) range:
 * the quantity, the sample and the figures it came from, never a bare NaN parameter.
 */
final class NonFiniteScores {

    private NonFiniteScores() {
    }

    /** Throws naming the first non-finite score of the pass's n rows: the network's or the neuron's term. */
    static void report(Graph graph, double[] theta, int n, Workspace ws) {
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(ws.fNet[i])) {
                throw new NonFiniteException("network score f(x_i)", String.format(Locale.ROOT,
                        "%sat sample %d: f = %s", ws.pass.ar instanceof F32Arith ? "(float32) " : "",
                        ws.sampleOf(i / graph.outputs), ws.fNet[i]));
            }
            if (graph.head != null && !Double.isFinite(ws.g[i])) {
                double a = theta[graph.layout.neuronAOffset() + i % graph.outputs];
                String what = graph.spec.neuron().exponential() ? "a·exp(wᵀx_i + b) overflow" : "a·φ(wᵀx_i + b)";
                throw new NonFiniteException(what, String.format(Locale.ROOT,
                        "at sample %d: u = %.6g, a = %.6g", ws.sampleOf(i / graph.outputs), ws.u[i], a));
            }
        }
        throw new NonFiniteException("score f~(x_i)", "sum over the batch is not finite");
    }

    /**
     * A float32 reverse pass starts from δf~ rounded to float: a derivative past the float range
     * (a cubic hinge's 3·(1 − y·f~)² at a score near 1e19 already is) would become infinite and
     * the gradient NaN. Named here, with the score it came from, instead of as a NaN parameter.
     */
    static void checkFloatRange(Graph graph, double[] adjoint, int n, Workspace ws) {
        for (int i = 0; i < n; i++) {
            if (!(Math.abs(adjoint[i]) <= Float.MAX_VALUE)) {
                boolean neuron = graph.head != null;
                String term = neuron
                        ? String.format(Locale.ROOT, ", of it the neuron's %.6g at u = %.6g", ws.g[i], ws.u[i]) : "";
                throw new NonFiniteException("loss derivative δf~(x_i)", String.format(Locale.ROOT,
                        "(float32) at sample %d: %.6g is past the float32 range; the score f~ = %.6g%s",
                        ws.sampleOf(i / graph.outputs), adjoint[i], ws.fNet[i] + (neuron ? ws.g[i] : 0), term));
            }
        }
    }
}
