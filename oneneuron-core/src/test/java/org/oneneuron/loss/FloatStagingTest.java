package org.oneneuron.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.objective.SampledObjective;
import org.oneneuron.optim.Optimizer;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.TrainConfig;

/**
 * Plain SGD that writes the float32 objective's θ copy in its update pass and takes Σ g² from the
 * objective's gradient check moves θ through exactly the bits of SGD on an objective that does
 * neither, and a staged copy is never read for a θ that changed after it.
 */
class FloatStagingTest {

    private static Float32NetworkObjective objective() {
        int n = 96;
        int d = 30;
        SplittableRandom rng = new SplittableRandom(41);
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextDouble(-1, 1);
        }
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextBoolean() ? 1 : -1;
        }
        Dataset data = new Dataset("random", x, y, d, Collections.nCopies(d, "f"), List.of("-1", "+1"));
        NetworkSpec spec = new NetworkSpec(d, List.of(24, 24), Activation.parse("relu"), NeuronKind.parse("skip-exp"));
        return Float32NetworkObjective.over(NetworkObjective.builder(spec, data)
                .loss(Losses.parseAny("logistic")).lambda(0.1).build());
    }

    private static double[] start(int dim) {
        SplittableRandom rng = new SplittableRandom(7);
        double[] t = new double[dim];
        for (int k = 0; k < dim; k++) {
            t[k] = 0.3 * rng.nextDouble(-1, 1);
        }
        return t;
    }

    /** The same objective without the staging hand-offs. */
    private static SampledObjective hidden(Float32NetworkObjective f) {
        return new SampledObjective() {
            @Override
            public int sampleCount() {
                return f.sampleCount();
            }

            @Override
            public double batchValueAndGradient(double[] theta, int[] indices, int from, int to, double[] gradient) {
                return f.batchValueAndGradient(theta, indices, from, to, gradient);
            }

            @Override
            public int dimension() {
                return f.dimension();
            }

            @Override
            public double value(double[] theta) {
                return f.value(theta);
            }

            @Override
            public double valueAndGradient(double[] theta, double[] gradient) {
                return f.valueAndGradient(theta, gradient);
            }

            @Override
            public void hessianVector(double[] theta, double[] v, double[] out) {
                f.hessianVector(theta, v, out);
            }

            @Override
            public SampledObjective copy() {
                return hidden(f.copy());
            }
        };
    }

    @Test
    void stagedSgdTakesTheSameStepsBitForBit() {
        Float32NetworkObjective f = objective();
        assertTrue(f.dimension() > 1024, "long enough for the vector kernels: " + f.dimension());
        for (int batch : new int[] {16, 0}) {
            TrainConfig config = TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.SGD).learningRate(0.05)
                    .batchSize(batch).momentum(0).seed(5).build();
            Float32NetworkObjective other = objective();
            Optimizer staged = config.newOptimizer(f);
            Optimizer plain = config.newOptimizer(hidden(other));
            double[] a = start(f.dimension());
            double[] b = a.clone();
            double[] nextA = new double[a.length];
            double[] nextB = new double[a.length];
            double[] full = new double[a.length];
            double[] fullB = new double[a.length];
            staged.start(a);
            plain.start(b);
            assertFalse(staged.thetaChecked(), "start checks nothing");
            for (int s = 0; s < 40; s++) {
                String what = "step " + s + ", batch " + batch;
                double[] fromA = a.clone();
                if (s % 2 == 0) {
                    staged.stepInto(a, nextA);
                    plain.stepInto(b, nextB);
                    assertArrayEquals(fromA, a, 0.0, what + ": the point stepped from is left as it was");
                    double[] t = a;
                    a = nextA;
                    nextA = t;
                    t = b;
                    b = nextB;
                    nextB = t;
                } else {
                    staged.step(a);
                    plain.step(b);
                }
                assertTrue(staged.thetaChecked(), "the staging pass saw every θ_k finite");
                assertFalse(plain.thetaChecked());
                assertArrayEquals(b, a, 0.0, "θ after " + what);
                assertEquals(Double.doubleToLongBits(plain.loss()), Double.doubleToLongBits(staged.loss()));
                assertEquals(Double.doubleToLongBits(plain.gradientNorm()),
                        Double.doubleToLongBits(staged.gradientNorm()), "gradient norm after " + what);
                if (s % 5 == 3) {
                    // a full pass between the evaluation and the next step (a history record) widens
                    // the deferred minibatch gradient before it overwrites the float one
                    assertEquals(Double.doubleToLongBits(other.valueAndGradient(b, fullB)),
                            Double.doubleToLongBits(f.valueAndGradient(a, full)), what);
                    assertArrayEquals(fullB, full, 0.0, "full-data gradient, " + what);
                }
                if (s % 7 == 6) {
                    assertArrayEquals(plain.gradient(), staged.gradient(), 0.0, "gradient after " + what);
                }
            }
        }
    }

    @Test
    void adamWritesTheFloatCopyAndTakesTheNormFromTheObjectiveBitForBit() {
        TrainConfig config = TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.ADAM).learningRate(0.01)
                .batchSize(16).seed(4).build();
        Float32NetworkObjective f = objective();
        Optimizer staged = config.newOptimizer(f);
        Optimizer plain = config.newOptimizer(hidden(objective()));
        double[] a = start(f.dimension());
        double[] b = a.clone();
        staged.start(a);
        plain.start(b);
        for (int s = 0; s < 20; s++) {
            assertEquals(Double.doubleToLongBits(plain.gradientNorm()), Double.doubleToLongBits(staged.gradientNorm()),
                    "gradient norm at step " + s);
            if (s % 2 == 0) {
                staged.step(a);
                plain.step(b);
            } else {
                double[] nextA = new double[a.length];
                double[] nextB = new double[b.length];
                staged.stepInto(a, nextA);
                plain.stepInto(b, nextB);
                a = nextA;
                b = nextB;
            }
            assertTrue(staged.thetaChecked(), "the update pass wrote and checked the float copy");
            assertFalse(plain.thetaChecked());
            assertArrayEquals(b, a, 0.0, "θ after step " + s);
            assertEquals(Double.doubleToLongBits(plain.loss()), Double.doubleToLongBits(staged.loss()));
        }
        // A step out of float's range: nothing staged, so the next evaluation rounds θ itself and
        // reports it (the engine's overflow report, which the trainer catches).
        Optimizer wild = TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.ADAM).learningRate(1e40)
                .batchSize(16).seed(4).build().newOptimizer(f);
        double[] theta = start(f.dimension());
        wild.start(theta);
        assertThrows(ArithmeticException.class, () -> wild.step(theta));
        assertFalse(wild.thetaChecked(), "a rounded θ_k was infinite: the trainer must read θ itself");
    }

    @Test
    void aZeroMinibatchGradientAfterAnotherHasNormZero() {
        // All labels +1, no neuron, the cubic hinge: one long step lifts every score past the
        // margin, so the next minibatch gradient is exactly zero; its norm is then computed from
        // the entries (Σ g² = 0 cannot be rescaled), which must not be the previous gradient's.
        int n = 64;
        int d = 40;
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = new double[n * d];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextDouble(-1, 1);
        }
        double[] y = new double[n];
        java.util.Arrays.fill(y, 1);
        Dataset data = new Dataset("all positive", x, y, d, Collections.nCopies(d, "f"), List.of("-1", "+1"));
        NetworkSpec spec = new NetworkSpec(d, List.of(32), Activation.parse("relu"), NeuronKind.parse("none"));
        Float32NetworkObjective f = Float32NetworkObjective.over(NetworkObjective.builder(spec, data)
                .loss(Losses.CUBIC_HINGE).lambda(0).build());
        assertTrue(f.dimension() > 1024, "long enough for the vector kernels: " + f.dimension());
        Optimizer sgd = TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.SGD).learningRate(20)
                .batchSize(16).momentum(0).seed(2).build().newOptimizer(f);
        double[] theta = start(f.dimension());
        sgd.start(theta);
        assertTrue(sgd.gradientNorm() > 0, "margins below 1 at the start");
        assertTrue(sgd.gradient()[f.dimension() - 1] < 0, "the output bias is pushed up");
        sgd.step(theta);
        assertEquals(0.0, sgd.loss(), "every margin past 1 after the step");
        assertEquals(0.0, sgd.gradientNorm());
        assertTrue(java.util.Arrays.stream(sgd.gradient()).allMatch(g -> g == 0));
    }

    @Test
    void aStepOutOfFloatRangeLeavesThetaForTheTrainerToCheck() {
        Float32NetworkObjective f = objective();
        Optimizer sgd = TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.SGD).learningRate(1e300)
                .batchSize(16).momentum(0).build().newOptimizer(f);
        double[] theta = start(f.dimension());
        sgd.start(theta);
        try {
            sgd.step(theta);
        } catch (ArithmeticException expected) {
            // the engine's overflow report; the trainer catches it
        }
        assertTrue(java.util.Arrays.stream(theta).anyMatch(t -> Double.isFinite(t) && Math.abs(t) > Float.MAX_VALUE),
                "θ left float's range while staying a finite double");
        assertFalse(sgd.thetaChecked(), "a rounded θ_k was infinite: the trainer must read θ itself");
    }

    @Test
    void aStagedCopyIsDroppedByTheNextEvaluation() {
        Float32NetworkObjective f = objective();
        Float32NetworkObjective fresh = objective();
        double[] theta = start(f.dimension());
        double[] g = new double[theta.length];
        double[] expected = new double[theta.length];
        f.value(theta);
        // A step of length 0 stages (float) θ; the remembered value at θ answers the next call and
        // drops the copy, so the changed θ below is rounded afresh.
        assertTrue(f.sgdStep(theta, new double[theta.length], 0.1, 1, theta));
        f.value(theta);
        theta[3] += 0.5;
        int[] idx = {4, 9, 2, 30, 31};
        double v = f.batchValueAndGradient(theta, idx, 0, idx.length, g);
        assertEquals(fresh.batchValueAndGradient(theta, idx, 0, idx.length, expected), v);
        assertArrayEquals(expected, g, 0.0);
        assertEquals(Double.doubleToLongBits(org.oneneuron.linalg.ThetaPasses.sumOfSquares(g)),
                Double.doubleToLongBits(f.gradientSquares(g)));
        assertTrue(Double.isNaN(f.gradientSquares(expected)));
    }
}
