package org.oneneuron.model;

import java.util.Locale;
import org.oneneuron.objective.NonFiniteException;
import org.oneneuron.linalg.Blas;

/**
 * Pearlmutter's R-operator for {@link Network}: a tangent (JVP) forward pass and the
 * second-order reverse pass, layer by layer. R(·) is the directional derivative along v.
 * Each primitive's rules side by side (value | JVP | VJP | R of the VJP):
 *
 * <pre>
 *  affine  Z = H Wᵀ + b    | RZ = RH Wᵀ + H Vᵀ + v_b | δH = δZ W, ∂W = δZᵀ H, ∂b = Σ_r δZ
 *                          |                          | RδH = RδZ W + δZ V, R∂W = RδZᵀ H + δZᵀ RH
 *  act     H = σ(Z)        | RH = σ'(Z) RZ            | δZ = σ'(Z) δH
 *                          |                          | RδZ = σ'(Z) RδH + σ''(Z) RZ δH
 *  neuron  g = a φ(u)      | Rg = v_a φ + a φ' Ru     | ∂a = δf φ, δu = δf a φ'
 *                          |                          | R∂a = Rδf φ + δf φ' Ru,
 *                          |                          | Rδu = Rδf a φ' + δf v_a φ' + δf a φ'' Ru
 *  relay   s_l = s_{l-1}   | identity                 | identity
 * </pre>
 */
final class NetworkTangent {

    private NetworkTangent() {
    }

    static void forward(Network net, double[] theta, double[] v, double[] x, int xOff, int rows,
                        NetworkWorkspace ws) {
        NetworkSpec spec = net.spec;
        ParameterLayout layout = net.layout;
        Blas blas = net.blas;
        int depth = net.depth;
        double[] in = x;
        int inOff = xOff;
        double[] rin = null;
        int inW = spec.inputDim();
        for (int l = 1; l <= depth; l++) {
            int hl = spec.width(l);
            double[] rz = ws.rz[l];
            int bo = layout.biasOffset(l);
            int wo = layout.weightOffset(l);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(v, bo, rz, r * hl, hl);
            }
            blas.dgemm(false, true, rows, hl, inW, 1.0, in, inOff, inW, v, wo, inW, 1.0, rz, 0, hl);
            if (rin != null) {
                blas.dgemm(false, true, rows, hl, inW, 1.0, rin, 0, inW, theta, wo, inW, 1.0, rz, 0, hl);
            }
            double[] rh = ws.rh[l];
            double[] d1 = ws.d1[l];
            int n = rows * hl;
            for (int i = 0; i < n; i++) {
                rh[i] = d1[i] * rz[i];
            }
            in = ws.h[l];
            inOff = 0;
            rin = rh;
            inW = hl;
        }
        double[] rf = ws.rf;
        int wOut = layout.weightOffset(depth + 1);
        blas.dgemv(false, rows, inW, 1.0, in, inOff, inW, v, wOut, 0.0, rf, 0);
        if (rin != null) {
            blas.dgemv(false, rows, inW, 1.0, rin, 0, inW, theta, wOut, 1.0, rf, 0);
        }
        double vb = v[layout.biasOffset(depth + 1)];
        for (int r = 0; r < rows; r++) {
            rf[r] += vb;
        }
        if (net.kind.present()) {
            neuronForward(net, theta, v, x, xOff, rows, ws);
        }
    }

    private static void neuronForward(Network net, double[] theta, double[] v, double[] x, int xOff,
                                      int rows, NetworkWorkspace ws) {
        ParameterLayout layout = net.layout;
        NeuronKind kind = net.kind;
        int depth = net.depth;
        int k = layout.neuronInputDim();
        int nw = layout.neuronWOffset();
        boolean hiddenSource = kind.readsHidden() && depth > 0;
        double[] src = hiddenSource ? ws.h[depth] : x;
        int srcOff = hiddenSource ? 0 : xOff;
        double[] ru = ws.ru;
        net.blas.dgemv(false, rows, k, 1.0, src, srcOff, k, v, nw, 0.0, ru, 0);
        if (hiddenSource) {
            net.blas.dgemv(false, rows, k, 1.0, ws.rh[depth], 0, k, theta, nw, 1.0, ru, 0);
        }
        double vb = v[layout.neuronBOffset()];
        double a = theta[layout.neuronAOffset()];
        double va = v[layout.neuronAOffset()];
        boolean exp = kind.exponential();
        for (int r = 0; r < rows; r++) {
            double rur = ru[r] + vb;
            ru[r] = rur;
            double e = ws.phi[r];
            double ap1 = exp ? ws.g[r] : a * kind.phi1(ws.u[r], e);
            double rg = (va == 0 ? 0 : va * e) + ap1 * rur;
            if (!Double.isFinite(rg)) {
                throw new NonFiniteException("tangent of a·φ(wᵀx_i + b)", String.format(Locale.ROOT,
                        "at sample %d: u = %.6g, φ = %s", ws.sampleOf(r), ws.u[r], e));
            }
            ws.rf[r] += rg;
        }
    }

    static void backward(Network net, double[] theta, double[] v, double[] x, int xOff, int rows,
                         double[] adjoint, double[] rAdjoint, double[] hv, NetworkWorkspace ws) {
        NetworkSpec spec = net.spec;
        ParameterLayout layout = net.layout;
        Blas blas = net.blas;
        int depth = net.depth;
        int wL = spec.width(depth);
        double[] hL = depth > 0 ? ws.h[depth] : x;
        int hLOff = depth > 0 ? 0 : xOff;
        double[] rhL = depth > 0 ? ws.rh[depth] : null;
        if (net.kind.present()) {
            neuronBackward(net, theta, v, x, xOff, rows, adjoint, rAdjoint, hv, ws);
        }
        int wOut = layout.weightOffset(depth + 1);
        blas.dgemv(true, rows, wL, 1.0, hL, hLOff, wL, rAdjoint, 0, 0.0, hv, wOut);
        if (rhL != null) {
            blas.dgemv(true, rows, wL, 1.0, rhL, 0, wL, adjoint, 0, 1.0, hv, wOut);
        }
        double sb = 0;
        for (int r = 0; r < rows; r++) {
            sb += rAdjoint[r];
        }
        hv[layout.biasOffset(depth + 1)] = sb;
        if (depth == 0) {
            return;
        }
        double[] dh = ws.adjA;
        double[] other = ws.adjB;
        double[] rdh = ws.radjA;
        double[] rOther = ws.radjB;
        boolean hiddenSource = net.kind.readsHidden();
        int nw = layout.neuronWOffset();
        for (int r = 0; r < rows; r++) {
            double df = adjoint[r];
            double rdf = rAdjoint[r];
            int row = r * wL;
            for (int j = 0; j < wL; j++) {
                double wj = theta[wOut + j];
                double vj = v[wOut + j];
                double d = df * wj;
                double rd = rdf * wj + df * vj;
                if (hiddenSource) {
                    d += ws.du[r] * theta[nw + j];
                    rd += ws.rdu[r] * theta[nw + j] + ws.du[r] * v[nw + j];
                }
                dh[row + j] = d;
                rdh[row + j] = rd;
            }
        }
        for (int l = depth; l >= 1; l--) {
            int hl = spec.width(l);
            int hp = spec.width(l - 1);
            double[] d1 = ws.d1[l];
            double[] d2 = ws.d2[l];
            double[] rz = ws.rz[l];
            int n = rows * hl;
            for (int i = 0; i < n; i++) {
                double dhi = dh[i];
                dh[i] = dhi * d1[i];
                rdh[i] = rdh[i] * d1[i] + dhi * d2[i] * rz[i];
            }
            double[] prev = l > 1 ? ws.h[l - 1] : x;
            int prevOff = l > 1 ? 0 : xOff;
            int wo = layout.weightOffset(l);
            blas.dgemm(true, false, hl, hp, rows, 1.0, rdh, 0, hl, prev, prevOff, hp, 0.0, hv, wo, hp);
            if (l > 1) {
                blas.dgemm(true, false, hl, hp, rows, 1.0, dh, 0, hl, ws.rh[l - 1], 0, hp, 1.0, hv, wo, hp);
            }
            Network.columnSums(rdh, rows, hl, hv, layout.biasOffset(l));
            if (l > 1) {
                blas.dgemm(false, false, rows, hp, hl, 1.0, rdh, 0, hl, theta, wo, hp, 0.0, rOther, 0, hp);
                blas.dgemm(false, false, rows, hp, hl, 1.0, dh, 0, hl, v, wo, hp, 1.0, rOther, 0, hp);
                blas.dgemm(false, false, rows, hp, hl, 1.0, dh, 0, hl, theta, wo, hp, 0.0, other, 0, hp);
                double[] t = dh;
                dh = other;
                other = t;
                t = rdh;
                rdh = rOther;
                rOther = t;
            }
        }
    }

    private static void neuronBackward(Network net, double[] theta, double[] v, double[] x, int xOff,
                                       int rows, double[] adjoint, double[] rAdjoint, double[] hv,
                                       NetworkWorkspace ws) {
        ParameterLayout layout = net.layout;
        NeuronKind kind = net.kind;
        int depth = net.depth;
        double a = theta[layout.neuronAOffset()];
        double va = v[layout.neuronAOffset()];
        boolean exp = kind.exponential();
        double rga = 0;
        double rgb = 0;
        for (int r = 0; r < rows; r++) {
            double df = adjoint[r];
            double rdf = rAdjoint[r];
            double e = ws.phi[r];
            if (df == 0 && rdf == 0) {
                ws.du[r] = 0;
                ws.rdu[r] = 0;
                continue;
            }
            if (!(e < Double.POSITIVE_INFINITY)) {
                throw new NonFiniteException("exp(wᵀx_i + b) overflow", String.format(Locale.ROOT,
                        "in the Hessian-vector product at sample %d: u = %.6g", ws.sampleOf(r), ws.u[r]));
            }
            double ur = ws.u[r];
            double rur = ws.ru[r];
            double p1 = exp ? e : kind.phi1(ur, e);
            double ap1 = exp ? ws.g[r] : a * p1;
            double ap2 = exp ? ws.g[r] : a * kind.phi2(ur, e);
            rga += rdf * e + df * p1 * rur;
            ws.du[r] = df * ap1;
            double rdu = rdf * ap1 + df * va * p1 + df * ap2 * rur;
            ws.rdu[r] = rdu;
            rgb += rdu;
        }
        hv[layout.neuronAOffset()] = rga;
        hv[layout.neuronBOffset()] = rgb;
        int k = layout.neuronInputDim();
        int nw = layout.neuronWOffset();
        boolean hiddenSource = kind.readsHidden() && depth > 0;
        double[] src = hiddenSource ? ws.h[depth] : x;
        int srcOff = hiddenSource ? 0 : xOff;
        net.blas.dgemv(true, rows, k, 1.0, src, srcOff, k, ws.rdu, 0, 0.0, hv, nw);
        if (hiddenSource) {
            net.blas.dgemv(true, rows, k, 1.0, ws.rh[depth], 0, k, ws.du, 0, 1.0, hv, nw);
        }
    }
}
