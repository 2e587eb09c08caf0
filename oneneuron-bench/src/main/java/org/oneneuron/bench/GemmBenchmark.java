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
 * Double-precision GEMM at the shapes of workload W1 (569 samples, 30 inputs, 64 hidden):
 * forward X·W1ᵀ and H1·W2ᵀ (A·Bᵀ), backward G·W (A·B; 569x30x64 is not in W1, kept for
 * comparison with earlier runs) and Gᵀ·H (Aᵀ·B). Flops per call: 2·m·n·k.
 * The shape string is m x n x k plus the layout: nn, nt, tn or tt.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBenchmark {

    @Param({"vector", "native", "plain"})
    public String backend;

    @Param({"569x64x30:nt", "569x64x64:nt", "569x64x64:nn", "569x30x64:nn", "64x64x569:tn", "64x30x569:tn"})
    public String shape;

    private Blas blas;
    private GemmShape s;
    private double[] a;
    private double[] b;
    private double[] c;

    @Setup
    public void setUp() {
        blas = Backends.create(backend);
        s = GemmShape.parse(shape);
        SplittableRandom rnd = new SplittableRandom(1);
        a = rnd.doubles((long) s.m() * s.k(), -1, 1).toArray();
        b = rnd.doubles((long) s.k() * s.n(), -1, 1).toArray();
        c = new double[s.m() * s.n()];
    }

    @Benchmark
    public double[] dgemm() {
        blas.dgemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), 1.0, a, 0, s.lda(), b, 0, s.ldb(),
                0.0, c, 0, s.n());
        return c;
    }
}
