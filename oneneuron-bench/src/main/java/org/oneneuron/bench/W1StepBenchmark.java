package org.oneneuron.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.oneneuron.data.Dataset;
import org.oneneuron.linalg.Backends;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.run.Problem;
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
 * One W1 training step's work (value and gradient of the mean cubic hinge over 569 samples,
 * MLP 30-64-64-1 tanh + the skip exponential neuron, 6241 parameters) and one exact
 * Hessian-vector product at the same point, through the public NetworkObjective. Synthetic data
 * from a seeded generator (x ~ N(0, 1), ±1 labels).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class W1StepBenchmark {

    @Param({"vector", "native"})
    public String backend;

    @Param({"1"})
    public int threads;

    private NetworkObjective objective;
    private double[] theta;
    private double[] gradient;
    private double[] v;
    private double[] hv;

    @Setup
    public void setUp() {
        Backends.use(backend);
        int n = 569;
        int d = 30;
        SplittableRandom rnd = new SplittableRandom(0);
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            y[i] = x[i * d] + x[i * d + 1] >= 0 ? 1 : -1;
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        Dataset data = new Dataset("w1-jmh", x, y, d, names, List.of("-1", "+1"));
        NetworkSpec spec = new NetworkSpec(d, List.of(64, 64), Activation.parse("tanh"), NeuronKind.SKIP_EXP);
        Problem problem = Problem.builder(spec, data).loss(Losses.CUBIC_HINGE).reduction(Reduction.MEAN)
                .lambda(1e-2).threads(threads).build();
        objective = problem.objective();
        theta = problem.initialPoint();
        gradient = new double[theta.length];
        v = new double[theta.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        hv = new double[theta.length];
    }

    @Benchmark
    public double valueAndGradient() {
        return objective.valueAndGradient(theta, gradient);
    }

    @Benchmark
    public double[] hessianVector() {
        objective.hessianVector(theta, v, hv);
        return hv;
    }
}
