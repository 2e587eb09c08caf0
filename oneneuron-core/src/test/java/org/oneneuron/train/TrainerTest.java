package org.oneneuron.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.oneneuron.objective.Objective;
import org.oneneuron.constructions.Constructions;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.optim.Quadratic;

class TrainerTest {

    private static final Quadratic QUADRATIC = new Quadratic(6, 40, 11);

    private static TrainConfigBuilder base() {
        return TrainConfig.defaults().toBuilder().learningRate(0.01).maxSteps(3000)
                .batchSize(8).momentum(0.5).gradientTolerance(1e-9);
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void everyOptimizerReachesTheQuadraticMinimizerThroughTheTrainer(OptimizerKind kind) {
        TrainConfig config = base().optimizer(kind).maxSteps(kind == OptimizerKind.ADAM ? 20000 : 5000)
                .build();
        TrainingResult result = Trainer.train(QUADRATIC, new double[6], config);
        assertArrayEquals(QUADRATIC.minimizer(), result.theta(), kind == OptimizerKind.ADAM ? 1e-4 : 1e-7,
                result.toString());
        assertEquals(kind == OptimizerKind.SGD && config.momentum() > 0 ? config.nesterov() ? "nesterov" : "momentum"
                : kind.word(), result.optimizer(), "sgd is named by its variant, as the command line's words");
        boolean minibatch = kind == OptimizerKind.SGD || kind == OptimizerKind.ADAM;
        assertEquals(minibatch, result.monitoringSeconds() > 0,
                "only minibatch runs spend time on full-data history evaluations");
        assertTrue(result.optimizationSeconds() > 0 && result.optimizationSeconds() <= result.seconds());
    }

    @Test
    void sameSeedGivesIdenticalBitsAndAnotherSeedDoesNot() {
        TrainConfig config = base().optimizer(OptimizerKind.SGD).maxSteps(200).seed(42).build();
        TrainingResult first = Trainer.train(QUADRATIC, new double[6], config);
        TrainingResult again = Trainer.train(QUADRATIC.copy(), new double[6], config);
        TrainingResult other = Trainer.train(QUADRATIC, new double[6],
                config.toBuilder().seed(43).build());
        assertEquals(bits(first.theta()), bits(again.theta()));
        assertEquals(first.history(), again.history());
        assertNotEquals(bits(first.theta()), bits(other.theta()));
        assertEquals(42, first.provenance().seed());
    }

    private static List<Long> bits(double[] x) {
        List<Long> out = new ArrayList<>();
        for (double v : x) {
            out.add(Double.doubleToRawLongBits(v));
        }
        return out;
    }

    @Test
    void hugeLearningRateStopsAsDivergedWithFiniteTheta() {
        TrainConfig config = base().optimizer(OptimizerKind.GD).learningRate(50).build();
        TrainingResult result = Trainer.train(QUADRATIC, new double[6], config);
        assertEquals(StopReason.DIVERGED, result.stop().reason(), result.stop().message());
        assertTrue(result.stop().message().contains("loss"), result.stop().message());
        assertTrue(result.stop().step() > 0 && result.stop().step() < 20);
        for (double v : result.theta()) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void overflowStopsAsNonFiniteAndKeepsTheLastFinitePoint() {
        List<double[]> seen = new ArrayList<>();
        TrainingListener keep = (step, theta, loss, g) -> {
            seen.add(theta.clone());
            return null;
        };
        TrainConfig config = base().optimizer(OptimizerKind.GD).learningRate(1).build();
        TrainingResult result = Trainer.train(new Exploding(), new double[] {2.0}, config, keep);
        assertEquals(StopReason.NON_FINITE, result.stop().reason(), result.stop().message());
        assertTrue(result.stop().detail().contains("loss"), result.stop().detail());
        assertArrayEquals(seen.get(seen.size() - 1), result.theta(), 0.0);
        assertEquals(result.steps() + 1, result.stop().step());
        assertTrue(Double.isFinite(result.finalLoss()));
    }

    @Test
    void anOptimizerThatCannotLeaveTheStartStopsAsNoProgress() {
        // L(θ) = (1e300/2)·θ² + θ: ∇L(0) = 1, but the minimizer -1e-300 lies far inside the shortest
        // step a line search tries, where the penalty-like term already dwarfs L(0) (train --lambda 1e308)
        TrainConfig config = base().optimizer(OptimizerKind.LBFGS).build();
        TrainingResult result = Trainer.train(new OneDimensional(t -> 0.5e300 * t * t + t, t -> 1e300 * t + 1),
                new double[] {0.0}, config);
        assertEquals(StopReason.NO_PROGRESS, result.stop().reason(), result.stop().message());
        assertTrue(result.stop().reason().numericalTrouble());
        assertTrue(result.stop().detail().startsWith("lbfgs could not take a single step from the start (loss 0.00000,"
                + " gradient norm 1.00000)"), result.stop().detail());
        assertEquals(0, result.steps());
        assertArrayEquals(new double[] {0.0}, result.theta(), 0.0);
    }

    @Test
    void aStallAtAStationaryStartOrAfterProgressIsNoTrouble() {
        TrainConfig untilStalled = base().optimizer(OptimizerKind.LBFGS).gradientTolerance(0).lossTolerance(0).build();
        TrainingResult stationary = Trainer.train(new OneDimensional(t -> t * t, t -> 2 * t), new double[] {0.0},
                untilStalled);
        assertEquals(StopReason.STALLED, stationary.stop().reason(), stationary.stop().message());
        // 2 + θ² at θ = 1e-10: ∇L = 2e-10 is not 0, but no step lowers L by a bit floating point can see
        // (a scaffold's fine-tune starting at the augmented phase's minimum on unfittable data does this)
        TrainingResult nearlyStationary = Trainer.train(new OneDimensional(t -> 2 + t * t, t -> 2 * t),
                new double[] {1e-10}, untilStalled);
        assertEquals(StopReason.STALLED, nearlyStationary.stop().reason(), nearlyStationary.stop().message());
        // (θ - 1)² left of 1, θ - 1 right of it: the first step lands on the kink, where no step lowers L
        TrainingResult kinked = Trainer.train(new OneDimensional(t -> t < 1 ? (t - 1) * (t - 1) : t - 1,
                t -> t < 1 ? 2 * (t - 1) : 1), new double[] {0.0}, untilStalled);
        assertEquals(StopReason.STALLED, kinked.stop().reason(), kinked.stop().message());
        assertFalse(kinked.stop().reason().numericalTrouble());
        assertArrayEquals(new double[] {1.0}, kinked.theta(), 0.0);
    }

    @Test
    void anArithmeticExceptionFromTheObjectiveStopsWithItsMessage() {
        Quadratic inner = new Quadratic(2, 4, 9);
        Objective throwing = new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(double[] t) {
                return inner.value(t);
            }

            @Override
            public double valueAndGradient(double[] t, double[] g) {
                if (Math.abs(t[0]) > 100) {
                    throw new ArithmeticException("exp(u) overflow at sample 3: u = 800");
                }
                return inner.valueAndGradient(t, g);
            }

            @Override
            public void hessianVector(double[] t, double[] v, double[] out) {
                inner.hessianVector(t, v, out);
            }

            @Override
            public Objective copy() {
                return this;
            }
        };
        TrainingResult result = Trainer.train(throwing, new double[] {50, 50},
                base().optimizer(OptimizerKind.GD).learningRate(5).build());
        assertEquals(StopReason.NON_FINITE, result.stop().reason(), result.stop().message());
        assertTrue(result.stop().detail().contains("sample 3"), result.stop().detail());
        for (double v : result.theta()) {
            assertTrue(Math.abs(v) <= 100, "theta kept at the last evaluable point: " + v);
        }
    }

    @Test
    void aListenerCanStopTheRun() {
        TrainingListener stopAtTen = (step, theta, loss, g) -> step == 10 ? "enough" : null;
        TrainingResult result = Trainer.train(QUADRATIC, new double[6],
                base().optimizer(OptimizerKind.GD).build(), stopAtTen);
        assertEquals(StopReason.LISTENER, result.stop().reason());
        assertEquals(10, result.steps());
        assertEquals("listener at step 10: enough", result.stop().message());
    }

    @Test
    void historyFollowsTheStrideAndEndsAtTheLastStep() {
        TrainConfig config = base().optimizer(OptimizerKind.GD).maxSteps(95).gradientTolerance(0)
                .historyStride(10).build();
        TrainingResult result = Trainer.train(QUADRATIC, new double[6], config);
        long[] steps = result.history().steps();
        assertEquals(11, steps.length);
        assertEquals(90, steps[9]);
        assertEquals(95, steps[10]);
        assertEquals(StopReason.MAX_STEPS, result.stop().reason());
        assertEquals(result.finalLoss(), result.history().loss()[10], 0.0);
        assertFalse(result.history().hasNeuron());
    }

    @Test
    void stochasticHistoryRecordsFullBatchFigures() {
        TrainConfig config = base().optimizer(OptimizerKind.SGD).maxSteps(20).historyStride(5)
                .build();
        TrainingResult result = Trainer.train(QUADRATIC, new double[6], config);
        double[] loss = result.history().loss();
        assertEquals(QUADRATIC.value(new double[6]), loss[0], 1e-12);
    }

    @Test
    void gradientToleranceStopsAndNamesTheNorm() {
        TrainingResult result = Trainer.train(QUADRATIC, new double[6],
                base().optimizer(OptimizerKind.LBFGS).build());
        assertEquals(StopReason.GRADIENT_TOLERANCE, result.stop().reason());
        assertTrue(result.finalGradientNorm() <= 1e-9);
        assertTrue(result.stop().detail().startsWith("gradient norm "), result.stop().detail());
    }

    @Test
    void aMinibatchWithZeroGradientDoesNotStopAMinibatchRun() {
        // Linear model, w = 1, b = 0: samples 0 and 1 sit past the hinge (margin 2), samples 2 and 3
        // do not (margin 0.1), so a one-sample minibatch of 0 or 1 has gradient exactly 0.
        Dataset data = new Dataset("hinge", new double[] {2, -2, 0.1, -0.1}, new double[] {1, -1, 1, -1}, 1,
                List.of("x"), List.of("-1", "1"));
        NetworkSpec spec = new NetworkSpec(1, List.of(), Activation.TANH, NeuronKind.NONE);
        NetworkObjective objective = NetworkObjective.of(spec, data, Losses.CUBIC_HINGE, Reduction.MEAN, 0);
        double[] theta0 = {1, 0};
        double fullGradientNorm = norm(gradient(objective, theta0));
        assertTrue(fullGradientNorm > 1e-3, "the start is not stationary: " + fullGradientNorm);
        TrainConfig config = base().optimizer(OptimizerKind.SGD).momentum(0).batchSize(1).learningRate(1e-4)
                .maxSteps(200).historyStride(50).gradientTolerance(1e-9).seed(3).build();
        TrainingResult result = Trainer.train(objective, theta0, config);
        assertEquals(StopReason.MAX_STEPS, result.stop().reason(), result.stop().message());
        assertTrue(result.finalGradientNorm() > 1e-3, "still not stationary: " + result.finalGradientNorm());
    }

    @Test
    void aMinibatchRunStopsByToleranceOnTheFullDataFigures() {
        TrainConfig config = base().optimizer(OptimizerKind.SGD).maxSteps(20000).historyStride(10)
                .gradientTolerance(1e-3).build();
        TrainingResult result = Trainer.train(QUADRATIC, new double[6], config);
        assertEquals(StopReason.GRADIENT_TOLERANCE, result.stop().reason(), result.stop().message());
        assertEquals(0, result.steps() % 10, "judged only where the history evaluated the full data");
        assertTrue(result.finalGradientNorm() <= 1e-3, "full-data gradient " + result.finalGradientNorm());
    }

    private static double[] gradient(Objective objective, double[] theta) {
        double[] g = new double[theta.length];
        objective.valueAndGradient(theta, g);
        return g;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Test
    void lossToleranceAndTimeBudgetStopTheRun() {
        double target = QUADRATIC.value(new double[6]) / 100;
        TrainingResult byLoss = Trainer.train(QUADRATIC, new double[6], base()
                .optimizer(OptimizerKind.GD).gradientTolerance(0).lossTolerance(target).build());
        assertEquals(StopReason.LOSS_TOLERANCE, byLoss.stop().reason());
        assertTrue(byLoss.finalLoss() <= target && byLoss.steps() > 0);
        TrainingResult byTime = Trainer.train(QUADRATIC, new double[6], base()
                .optimizer(OptimizerKind.GD).gradientTolerance(0).timeBudgetSeconds(1e-9).build());
        assertEquals(StopReason.TIME_BUDGET, byTime.stop().reason(), byTime.stop().message());
    }

    @Test
    void minibatchTrainingOfANetworkIsBitwiseRepeatable() {
        Dataset data = Constructions.caseAData();
        NetworkSpec spec = new NetworkSpec(2, List.of(3), Activation.TANH, NeuronKind.SKIP_EXP);
        NetworkObjective objective = NetworkObjective.of(spec, data, Losses.CUBIC_HINGE,
                Reduction.SUM, 0.1);
        double[] theta0 = Initializer.FAN_IN_UNIFORM.initialize(spec.layout(), 4);
        TrainConfig config = base().optimizer(OptimizerKind.ADAM).batchSize(2).maxSteps(300)
                .gradientTolerance(0).seed(9).build();
        TrainingResult first = Trainer.train(objective, theta0, config);
        TrainingResult again = Trainer.train(objective.copy(), theta0, config);
        assertEquals(bits(first.theta()), bits(again.theta()));
        assertTrue(first.history().hasNeuron());
    }

    @Test
    void aNetworkBlownUpByAHugeStepStopsWithFiniteTheta() {
        NetworkSpec spec = new NetworkSpec(2, List.of(3), Activation.TANH, NeuronKind.SKIP_EXP);
        NetworkObjective objective = NetworkObjective.of(spec, Constructions.caseAData(),
                Losses.CUBIC_HINGE, Reduction.SUM, 0.1);
        double[] theta0 = Initializer.FAN_IN_UNIFORM.initialize(spec.layout(), 4);
        TrainingResult result = Trainer.train(objective, theta0,
                base().optimizer(OptimizerKind.GD).learningRate(1e4).build(),
                new LoggingListener(1, System.Logger.Level.DEBUG));
        assertTrue(result.stop().reason() == StopReason.DIVERGED
                || result.stop().reason() == StopReason.NON_FINITE, result.stop().message());
        for (double v : result.theta()) {
            assertTrue(Double.isFinite(v));
        }
        assertTrue(Double.isFinite(objective.value(result.theta())));
    }

    @Test
    void provenanceDescribesTheMachine() {
        Provenance p = Trainer.train(QUADRATIC, new double[6], base().maxSteps(1).build())
                .provenance();
        assertEquals(System.getProperty("java.version"), p.javaVersion());
        assertEquals(System.getProperty("os.arch"), p.osArch());
        assertFalse(p.blasBackend().isEmpty());
        assertFalse(p.libraryVersion().isEmpty());
        assertTrue(p.vectorBits() >= 0);
        assertEquals(1, p.threads());
    }

    @Test
    void badStartsAreRejected() {
        TrainConfig config = base().build();
        assertThrows(IllegalArgumentException.class,
                () -> Trainer.train(QUADRATIC, new double[5], config));
        double[] nan = new double[6];
        nan[2] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.train(QUADRATIC, nan, config));
        assertTrue(e.getMessage().contains("theta0[2]"), e.getMessage());
    }

    /** A function of one parameter from its value and derivative (curvature by a central difference of it). */
    private record OneDimensional(java.util.function.DoubleUnaryOperator value,
                                  java.util.function.DoubleUnaryOperator derivative) implements Objective {
        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public double value(double[] t) {
            return value.applyAsDouble(t[0]);
        }

        @Override
        public double valueAndGradient(double[] t, double[] g) {
            g[0] = derivative.applyAsDouble(t[0]);
            return value(t);
        }

        @Override
        public void hessianVector(double[] t, double[] v, double[] out) {
            double h = 1e-6 * Math.max(1, Math.abs(t[0]));
            out[0] = (derivative.applyAsDouble(t[0] + h) - derivative.applyAsDouble(t[0] - h)) / (2 * h) * v[0];
        }

        @Override
        public Objective copy() {
            return this;
        }
    }

    /** L(θ) = exp(θ⁴): finite at 2, overflows after one step of lr 1. */
    private static final class Exploding implements Objective {
        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public double value(double[] t) {
            return Math.exp(Math.pow(t[0], 4));
        }

        @Override
        public double valueAndGradient(double[] t, double[] g) {
            double v = value(t);
            g[0] = 4 * Math.pow(t[0], 3) * v;
            return v;
        }

        @Override
        public void hessianVector(double[] t, double[] v, double[] out) {
            double x = t[0];
            out[0] = (12 * x * x + 16 * Math.pow(x, 6)) * value(t) * v[0];
        }

        @Override
        public Objective copy() {
            return this;
        }
    }
}
