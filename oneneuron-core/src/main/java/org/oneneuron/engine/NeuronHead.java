package org.oneneuron.engine;

import java.util.Locale;
import org.oneneuron.objective.NonFiniteException;
import org.oneneuron.linalg.ArrayMath;
import org.oneneuron.linalg.DeterministicMath;
import org.oneneuron.model.NeuronKind;

/**
 * The special neurons, one per output k: f~_k = f_k + a_k·φ(u_k), u_k = w_kᵀs + b_k, where s is
 * the raw input x (flattened) or, for no-skip, the output layer's input. The products s·wᵀ run in
 * the engine's precision; everything per row (u, φ, a·φ, the adjoints) runs in double, so the
 * neuron overflows only where the float64 engine does. Rules (PAPER.md §4, per output):
 *
 * <pre>
 *   value  g = a φ(u)           JVP  Rg = v_a φ + a φ' Ru
 *   VJP    ∂a = Σ δf φ,  δu = δf a φ',  ∂b = Σ δu,  ∂w = δuᵀ s,  δs += δu w
 *   R-op   R∂a = Σ (Rδf φ + δf φ' Ru),  Rδu = Rδf a φ' + δf v_a φ' + δf a φ'' Ru,
 *          R∂b = Σ Rδu,  R∂w = Rδuᵀ s + δuᵀ Rs,  Rδs += Rδu w + δu v_w
 * </pre>
 *
 * For φ = exp, a·φ(u) is a·E when E = exp(u) is a finite normal number and
 * sign(a)·exp(u + log|a|) otherwise (PAPER.md §8).
 */
final class NeuronHead {

    private final NeuronKind kind;
    private final boolean exp;
    /** K outputs. */
    final int outputs;
    /** Length of each w_k. */
    final int width;
    final int w;
    final int a;
    final int b;
    /** True when w reads the output layer's input (no-skip with a hidden representation). */
    final boolean readsRepresentation;

    NeuronHead(NeuronKind kind, int outputs, int width, int wOffset, int aOffset, int bOffset, boolean readsRep) {
        this.kind = kind;
        this.exp = kind.exponential();
        this.outputs = outputs;
        this.width = width;
        this.w = wOffset;
        this.a = aOffset;
        this.b = bOffset;
        this.readsRepresentation = readsRep;
    }

    /** u_k = s·w_k + b_k, φ, g = a·φ and f~ = fNet + g for every row and output. */
    void forward(Workspace ws, double[] theta, Buf src, int srcOff, int rows) {
        int n = rows * outputs;
        product(ws.pass, src, srcOff, rows, ws.pass.theta, false, ws.uP);
        double[] u = ws.u;
        if (ws.uP.d != u) {
            for (int i = 0; i < n; i++) {
                u[i] = ws.uP.f[i];
            }
        }
        for (int i = 0; i < n; i++) {
            u[i] += theta[b + i % outputs];
        }
        if (exp) {
            ArrayMath.exp(u, 0, ws.phi, 0, n);
        }
        for (int i = 0; i < n; i++) {
            double ak = theta[a + i % outputs];
            double p = exp ? ws.phi[i] : kind.phi(u[i]);
            ws.phi[i] = p;
            double gi = exp ? scaledExp(ak, p, u[i]) : ak * p;
            ws.g[i] = gi;
            ws.scores[i] = ws.fNet[i] + gi;
        }
    }

    /** out (=|+=) s·Mᵀ with M = the K×width block at {@link #w} of m: rows×K. */
    private void product(Pass p, Buf src, int srcOff, int rows, Buf m, boolean accumulate, Buf out) {
        if (outputs == 1) {
            p.ar.gemv(false, rows, width, src, srcOff, width, m, w, accumulate, out, 0);
        } else {
            p.ar.gemm(false, true, rows, outputs, width, src, srcOff, width, m, w, width, accumulate, out, 0, outputs);
        }
    }

    /** p.out_w (=|+=) δᵀ s: K×width. */
    private void weightProduct(Pass p, Buf delta, Buf src, int srcOff, boolean accumulate) {
        if (outputs == 1) {
            p.ar.gemv(true, p.rows, width, src, srcOff, width, delta, 0, accumulate, p.out, w);
        } else {
            p.ar.weightGemm(outputs, width, p.rows, delta, 0, src, srcOff, accumulate, p.out, w);
        }
    }

    /** ∂a, ∂b into ws.headGrad, ∂w into the pass output, δu kept for {@link #addInputAdjoint}. */
    void backward(Workspace ws, double[] theta, Buf src, int srcOff, double[] adjoint) {
        int rows = ws.pass.rows;
        double[] ga = ws.sumA;
        double[] gb = ws.sumB;
        java.util.Arrays.fill(ga, 0);
        java.util.Arrays.fill(gb, 0);
        for (int i = 0; i < rows * outputs; i++) {
            int k = i % outputs;
            double df = adjoint[i];
            if (df == 0) {
                ws.du[i] = 0;
                continue;
            }
            double e = ws.phi[i];
            if (!(e < Double.POSITIVE_INFINITY)) {
                throw new NonFiniteException("exp(wᵀx_i + b) overflow", String.format(Locale.ROOT,
                        "in ∂L/∂a at sample %d: u = %.6g", ws.sampleOf(i / outputs), ws.u[i]));
            }
            ga[k] += df * e;
            double dur = df * (exp ? ws.g[i] : theta[a + k] * kind.phi1(ws.u[i], e));
            ws.du[i] = dur;
            gb[k] += dur;
        }
        storeScalars(ws, ga, gb);
        ws.narrow(ws.du, ws.duP, rows * outputs);
        weightProduct(ws.pass, ws.duP, src, srcOff, ws.pass.accumulate);
    }

    /** δs += δu·W (first order) for no-skip. */
    void addInputAdjoint(Workspace ws, Buf ds) {
        Pass p = ws.pass;
        if (outputs == 1) {
            p.ar.outer(p.rows, width, ws.duP, 0, p.theta, w, true, ds, 0);
        } else {
            p.ar.gemm(false, false, p.rows, width, outputs, ws.duP, 0, outputs, p.theta, w, width, true, ds, 0, width);
        }
    }

    /** R(f~) = R(f) + v_a φ + a φ' Ru into ws.scoreTangents; rsrc is R(s) or null. */
    void tangent(Workspace ws, double[] theta, double[] v, Buf src, int srcOff, Buf rsrc) {
        Pass p = ws.pass;
        int rows = p.rows;
        product(p, src, srcOff, rows, p.v, false, ws.ruP);
        if (rsrc != null) {
            product(p, rsrc, 0, rows, p.theta, true, ws.ruP);
        }
        for (int i = 0; i < rows * outputs; i++) {
            int k = i % outputs;
            double rur = ws.ruP.get(i) + v[b + k];
            ws.ru[i] = rur;
            double e = ws.phi[i];
            double ap1 = exp ? ws.g[i] : theta[a + k] * kind.phi1(ws.u[i], e);
            double va = v[a + k];
            double rg = (va == 0 ? 0 : va * e) + ap1 * rur;
            if (!Double.isFinite(rg)) {
                throw new NonFiniteException("tangent of a·φ(wᵀx_i + b)", String.format(Locale.ROOT,
                        "at sample %d: u = %.6g, φ = %s", ws.sampleOf(i / outputs), ws.u[i], e));
            }
            ws.scoreTangents[i] = ws.rfNet[i] + rg;
        }
    }

    /** R(∂a), R(∂b) into ws.headGrad, R(∂w) into the pass output; δu, Rδu kept. */
    void secondOrder(Workspace ws, double[] theta, double[] v, Buf src, int srcOff, Buf rsrc, double[] adjoint,
                     double[] rAdjoint) {
        Pass p = ws.pass;
        int rows = p.rows;
        double[] rga = ws.sumA;
        double[] rgb = ws.sumB;
        java.util.Arrays.fill(rga, 0);
        java.util.Arrays.fill(rgb, 0);
        for (int i = 0; i < rows * outputs; i++) {
            int k = i % outputs;
            double df = adjoint[i];
            double rdf = rAdjoint[i];
            double e = ws.phi[i];
            if (df == 0 && rdf == 0) {
                ws.du[i] = 0;
                ws.rdu[i] = 0;
                continue;
            }
            if (!(e < Double.POSITIVE_INFINITY)) {
                throw new NonFiniteException("exp(wᵀx_i + b) overflow", String.format(Locale.ROOT,
                        "in the Hessian-vector product at sample %d: u = %.6g", ws.sampleOf(i / outputs), ws.u[i]));
            }
            double ak = theta[a + k];
            double ur = ws.u[i];
            double rur = ws.ru[i];
            double p1 = exp ? e : kind.phi1(ur, e);
            double ap1 = exp ? ws.g[i] : ak * p1;
            double ap2 = exp ? ws.g[i] : ak * kind.phi2(ur, e);
            rga[k] += rdf * e + df * p1 * rur;
            ws.du[i] = df * ap1;
            double rdu = rdf * ap1 + df * v[a + k] * p1 + df * ap2 * rur;
            ws.rdu[i] = rdu;
            rgb[k] += rdu;
        }
        storeScalars(ws, rga, rgb);
        ws.narrow(ws.du, ws.duP, rows * outputs);
        ws.narrow(ws.rdu, ws.rduP, rows * outputs);
        weightProduct(p, ws.rduP, src, srcOff, p.accumulate);
        if (rsrc != null) {
            weightProduct(p, ws.duP, rsrc, 0, true);
        }
    }

    /** δs += δu·W and Rδs += Rδu·W + δu·V (second order) for no-skip. */
    void addInputAdjoints(Workspace ws, Buf ds, Buf rds) {
        Pass p = ws.pass;
        if (outputs == 1) {
            p.ar.outer(p.rows, width, ws.duP, 0, p.theta, w, true, ds, 0);
            p.ar.outerPair(p.rows, width, ws.rduP, 0, p.theta, w, ws.duP, 0, p.v, w, true, rds, 0);
        } else {
            p.ar.gemm(false, false, p.rows, width, outputs, ws.duP, 0, outputs, p.theta, w, width, true, ds, 0, width);
            p.ar.gemm(false, false, p.rows, width, outputs, ws.rduP, 0, outputs, p.theta, w, width, true, rds, 0, width);
            p.ar.gemm(false, false, p.rows, width, outputs, ws.duP, 0, outputs, p.v, w, width, true, rds, 0, width);
        }
    }

    private void storeScalars(Workspace ws, double[] sa, double[] sb) {
        boolean acc = ws.pass.accumulate;
        for (int k = 0; k < outputs; k++) {
            ws.headGrad[k] = acc ? ws.headGrad[k] + sa[k] : sa[k];
            ws.headGrad[outputs + k] = acc ? ws.headGrad[outputs + k] + sb[k] : sb[k];
        }
    }

    /** a·e^u given e = exp(u): the product when e is a finite normal number, else sign(a)·exp(u + log|a|). */
    static double scaledExp(double a, double e, double u) {
        if (a == 0) {
            return 0;
        }
        if (e < Double.POSITIVE_INFINITY && e >= Double.MIN_NORMAL) {
            return a * e;
        }
        return Math.copySign(DeterministicMath.exp(u + Math.log(Math.abs(a))), a);
    }
}
