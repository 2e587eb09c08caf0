package org.oneneuron.cli.bench;

import java.util.SplittableRandom;
import org.oneneuron.data.Dataset;
import org.oneneuron.linalg.Precision;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.Reduction;
import org.oneneuron.objective.Objective;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.run.Fit;
import org.oneneuron.run.Problem;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.TrainingResult;

/**
 * W5's training stopped after a given number of SGD steps, and the full-data loss, gradient norm and
 * neuron figures there in float32 and float64 (a throwaway harness, not a test). Build and run
 * against the shaded jar: javac --add-modules jdk.incubator.vector -d OUT -cp oneneuron-cli/target/oneneuron.jar
 * W5Diag.java; java --add-modules jdk.incubator.vector -XX:+UseSerialGC -cp OUT:oneneuron-cli/target/oneneuron.jar
 * org.oneneuron.cli.bench.W5Diag 494 (in the package of ConvWorkload, whose data and network it reuses).
 */
public final class W5Diag {
    public static void main(String[] a) {
        SplittableRandom rnd = new SplittableRandom(0);
        double[] x = ConvWorkload.images(ConvWorkload.N, rnd);
        double[] y = W1Setup.teacherLabels(x, ConvWorkload.N, ConvWorkload.D, 16, rnd);
        Dataset data = W1Setup.dataset("w5-synthetic", x, y, ConvWorkload.D);
        Problem p32 = Problem.builder(ConvWorkload.spec(), data).loss(Losses.CUBIC_HINGE).reduction(Reduction.MEAN)
                .lambda(0.01).threads(1).precision(Precision.FLOAT32).seed(1).build();
        Problem p64 = Problem.builder(ConvWorkload.spec(), data).loss(Losses.CUBIC_HINGE).reduction(Reduction.MEAN)
                .lambda(0.01).threads(1).precision(Precision.FLOAT64).seed(1).build();
        double[] theta0 = p32.initialPoint();
        long steps = Long.parseLong(a[0]);
        TrainConfig cfg = TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.SGD).learningRate(0.01)
                .batchSize(64).momentum(0).maxSteps(steps).gradientTolerance(0).lossTolerance(0)
                .historyStride((int) steps).seed(0).threads(1).build();
        TrainingResult r = Fit.from(p32, theta0, cfg).training();
        System.out.println("stop " + r.stop().message() + " steps " + r.steps());
        double[] t = r.theta();
        var layout = p32.spec().layout();
        double maxAbs = 0; int at = -1;
        for (int i = 0; i < t.length; i++) if (Math.abs(t[i]) > maxAbs) { maxAbs = Math.abs(t[i]); at = i; }
        System.out.println("max |theta| " + maxAbs + " at " + layout.describe(at) + "; a " + t[layout.neuronAOffset()]);
        for (Problem p : new Problem[] {p32, p64}) {
            Objective o = p.descendedObjective();
            double[] g = new double[t.length];
            try {
                double v = o.valueAndGradient(t, g);
                double n = 0; for (double gi : g) n += gi * gi;
                System.out.println(p.precision() + " full-data loss " + v + " |g| " + Math.sqrt(n) + " neuron " + o.neuron(t));
            } catch (RuntimeException e) {
                System.out.println(p.precision() + " " + e.getMessage());
            }
        }
    }
}
