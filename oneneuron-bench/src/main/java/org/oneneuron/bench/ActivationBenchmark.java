package org.oneneuron.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.oneneuron.linalg.ArrayMath;
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
 * Element-wise tanh and exp over one W1 hidden layer (569 × 64 values), ArrayMath's vector
 * kernels ("true") against scalar java.lang.Math ("false", the {@code oneneuron.vector.math}
 * switch, set per fork).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ActivationBenchmark {

    @Param({"36416"})
    public int size;

    private double[] x;
    private double[] y;
    private float[] xf;
    private float[] yf;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(3);
        x = rnd.doubles(size, -3, 3).toArray();
        y = new double[size];
        xf = new float[size];
        for (int i = 0; i < size; i++) {
            xf[i] = (float) x[i];
        }
        yf = new float[size];
    }

    @Benchmark
    public double[] tanhDouble() {
        ArrayMath.tanh(x, 0, y, 0, size);
        return y;
    }

    @Benchmark
    public double[] expDouble() {
        ArrayMath.exp(x, 0, y, 0, size);
        return y;
    }

    @Benchmark
    public float[] tanhFloat() {
        ArrayMath.tanh(xf, 0, yf, 0, size);
        return yf;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Doneneuron.vector.math=false"})
    public double[] tanhDoubleScalar() {
        ArrayMath.tanh(x, 0, y, 0, size);
        return y;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Doneneuron.vector.math=false"})
    public double[] expDoubleScalar() {
        ArrayMath.exp(x, 0, y, 0, size);
        return y;
    }
}
