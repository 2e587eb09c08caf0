package org.oneneuron.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.oneneuron.linalg.Backends;
import org.oneneuron.linalg.Blas;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-precision GEMM at the shapes of workload W2 (minibatch 128, 784 inputs, 256 hidden):
 * forward X·W1ᵀ, H·W2ᵀ; backward Gᵀ·H, G·W2 and Gᵀ·X. Flops per call: 2·m·n·k.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SgemmBenchmark {

    @Param({"vector", "native", "plain"})
    public String backend;

    @Param({"128x256x784:nt", "128x256x256:nt", "256x256x128:tn", "128x256x256:nn", "256x784x128:tn"})
    public String shape;

    private Blas blas;
    private GemmShape s;
    private float[] a;
    private float[] b;
    private float[] c;

    @Setup
    public void setUp() {
        blas = Backends.create(backend);
        s = GemmShape.parse(shape);
        SplittableRandom rnd = new SplittableRandom(2);
        a = floats(rnd, s.m() * s.k());
        b = floats(rnd, s.k() * s.n());
        c = new float[s.m() * s.n()];
    }

    @Benchmark
    public float[] sgemm() {
        blas.sgemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), 1f, a, 0, s.lda(), b, 0, s.ldb(),
                0f, c, 0, s.n());
        return c;
    }

    private static float[] floats(SplittableRandom rnd, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) rnd.nextDouble(-1, 1);
        }
        return v;
    }
}
