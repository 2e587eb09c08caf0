package org.oneneuron.cli.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.oneneuron.linalg.Precision;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.Reduction;
import org.oneneuron.objective.SampledObjective;
import org.oneneuron.run.Problem;

/**
 * What the first full-data passes of a fresh JVM cost on W5's network (not a test; run by hand):
 * n = 9,433 images (MNIST 4 vs 9's training part), float32; optionally {@code warm} minibatch
 * gradients of {@code rows} rows first; then three rounds of a full-data value and a full-data
 * loss and gradient at a fresh θ each. Usage: {@code java -XX:+UseSerialGC -Xms32m --add-modules
 * jdk.incubator.vector -cp oneneuron-cli/target/test-classes:oneneuron-cli/target/oneneuron.jar
 * org.oneneuron.cli.bench.ColdFullPass [warm] [rows]}.
 */
public final class ColdFullPass {

    private ColdFullPass() {
    }

    public static void main(String[] args) {
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int n = 9433;
        int d = ConvWorkload.D;
        SplittableRandom rnd = new SplittableRandom(0);
        double[] x = ConvWorkload.images(n, rnd);
        double[] y = W1Setup.teacherLabels(x, n, d, 16, rnd);
        Problem problem = Problem.builder(ConvWorkload.spec(), W1Setup.dataset("w5", x, y, d)).loss(Losses.CUBIC_HINGE)
                .reduction(Reduction.MEAN).lambda(ConvWorkload.LAMBDA).threads(1).precision(Precision.FLOAT32)
                .seed(1).build();
        double[] theta = problem.initialPoint();
        SampledObjective objective = problem.descendedObjective();
        double[] gradient = new double[theta.length];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long t0 = System.nanoTime();
        for (int k = 0; k < warm; k++) {
            int from = (k * rows) % (n - rows);
            objective.batchValueAndGradient(theta, order, from, from + rows, gradient);
        }
        System.out.printf(Locale.ROOT, "warm-up %d x %d rows: %.3f s%n", warm, rows, (System.nanoTime() - t0) * 1e-9);
        for (int round = 0; round < 3; round++) {
            theta[0] += 1e-6;
            t0 = System.nanoTime();
            objective.value(theta);
            double value = (System.nanoTime() - t0) * 1e-9;
            theta[0] += 1e-6;
            t0 = System.nanoTime();
            objective.valueAndGradient(theta, gradient);
            double both = (System.nanoTime() - t0) * 1e-9;
            System.out.printf(Locale.ROOT, "round %d: value %.3f s, loss and gradient %.3f s%n", round, value, both);
        }
    }
}
