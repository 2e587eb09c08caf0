package org.oneneuron.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import org.oneneuron.data.Shape;
import org.oneneuron.linalg.Precision;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;

public final class PooledProbe {
    public static void main(String[] a) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        NetworkSpec spec = new NetworkSpec(Shape.parse("1x28x28"), Architecture.parse(W5LayerTimes.ARCH), NeuronKind.SKIP_EXP);
        Graph g = new Graph(spec);
        double[] theta = Initializer.FAN_IN_UNIFORM.initialize(g.layout(), 1L);
        Workspace ws = g.newWorkspace(Precision.FLOAT32, 64);
        float[] t32 = new float[theta.length];
        for (int i = 0; i < theta.length; i++) t32[i] = (float) theta[i];
        g.load(ws, theta, t32, new double[theta.length], new float[theta.length]);
        Pass p = ws.pass; p.rows = 64; p.kind = PassKind.GRADIENT; p.out = p.ar.alloc(theta.length);
        Sequence seq = g.body; Sequence.Memory m = ws.body;
        SplittableRandom rnd = new SplittableRandom(5);
        Buf x = p.ar.alloc(64 * 784);
        for (int i = 0; i < 64 * 784; i++) x.set(i, rnd.nextGaussian());
        seq.value(p, x, 0, m);
        int ci = -1;
        for (int i = 1; i < seq.layers.length; i++) if (seq.layers[i] instanceof PoolLayer && seq.layers[i-1] instanceof ConvLayer c && i > 2) ci = i - 1;
        ConvLayer conv = (ConvLayer) seq.layers[ci]; PoolLayer pool = (PoolLayer) seq.layers[ci + 1];
        Buf dz = p.ar.alloc(m.y[ci + 1].length());
        int nz = 0;
        for (int i = 0; i < dz.length(); i++) { double v = m.y[ci + 1].get(i) > 0 ? rnd.nextGaussian() : 0; dz.set(i, v); if (v != 0) nz++; }
        System.out.println("nonzero share " + nz / (double) dz.length() + " conv " + conv.out + " pool " + pool.out);
        Buf dy = p.ar.alloc(m.y[ci].length()); Buf dx = p.ar.alloc(m.y[ci - 1].length());
        for (int round = 0; round < 12; round++) {
            long reps = 0; long t0 = mx.getCurrentThreadCpuTime();
            while (mx.getCurrentThreadCpuTime() - t0 < 300_000_000L) { pool.vjp(p, m.y[ci], 0, dz, dy, m.states[ci + 1]); conv.vjp(p, m.y[ci - 1], 0, dy, dx, m.states[ci]); reps++; }
            double dense = (mx.getCurrentThreadCpuTime() - t0) * 1e-3 / (reps * 64);
            reps = 0; t0 = mx.getCurrentThreadCpuTime();
            while (mx.getCurrentThreadCpuTime() - t0 < 300_000_000L) { conv.vjpPooled(p, m.y[ci - 1], 0, dz, pool.disjointMaxima(m.states[ci + 1]), pool.out.size(), dx, m.states[ci]); reps++; }
            double sparse = (mx.getCurrentThreadCpuTime() - t0) * 1e-3 / (reps * 64);
            reps = 0; t0 = mx.getCurrentThreadCpuTime();
            while (mx.getCurrentThreadCpuTime() - t0 < 300_000_000L) { conv.vjpPooled(p, m.y[ci - 1], 0, dz, pool.disjointMaxima(m.states[ci + 1]), pool.out.size(), null, m.states[ci]); reps++; }
            double noDx = (mx.getCurrentThreadCpuTime() - t0) * 1e-3 / (reps * 64);
            com.sun.management.ThreadMXBean tm = (com.sun.management.ThreadMXBean) mx;
            long b0 = tm.getCurrentThreadAllocatedBytes();
            for (int k = 0; k < 100; k++) conv.vjpPooled(p, m.y[ci - 1], 0, dz, pool.disjointMaxima(m.states[ci + 1]), pool.out.size(), dx, m.states[ci]);
            System.out.println("bytes per call " + (tm.getCurrentThreadAllocatedBytes() - b0) / 100);
            System.out.printf("dense %.2f  sparse %.2f  sparse without dx %.2f µs/sample%n", dense, sparse, noDx);
        }
    }
}
