import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.Float32NetworkObjective;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.Trainer;
import org.oneneuron.train.TrainingResult;

/**
 * The probe {@link LoopAB} loads into each class loader: one 282-step float32 SGD call through
 * {@link Trainer}, W2's shape (784-256-256-1 + skip-exp, cubic hinge, lr 1e-2) or, with
 * {@code -Dloop.workload=W6}, W6's (784-128-10 + ten neurons, softmax cross-entropy, lr 5e-2);
 * batch 128, λ = 1e-2, one thread, 12,000 synthetic rows (not the bench's data). With
 * {@code -Dloop.optimizer=adam}: Adam at lr 1e-3 instead of SGD.
 */
public class TrainLoop {
    static Float32NetworkObjective f32;
    static double[] theta0;
    static TrainConfig config;

    public static void setup() {
        boolean w6 = "W6".equals(System.getProperty("loop.workload", "W2"));
        int n = 12000;
        int d = 784;
        SplittableRandom rnd = new SplittableRandom(0);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        double[] y = new double[n];
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < (w6 ? 10 : 0); k++) {
            classes.add("c" + k);
        }
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 1; k < 10; k++) {
                best = x[i * d + k] > x[i * d + best] ? k : best;
            }
            y[i] = w6 ? best : x[i * d] + x[i * d + 1] + 0.3 * x[i * d + 7] > 0 ? 1 : -1;
        }
        Dataset data = new Dataset("loop", x, y, d, Collections.nCopies(d, "f"), w6 ? classes : List.of("-1", "+1"));
        NetworkSpec spec = w6 ? NetworkSpec.mlp(d, List.of(128), Activation.RELU, NeuronKind.SKIP_EXP, 10)
                : new NetworkSpec(d, List.of(256, 256), Activation.RELU, NeuronKind.SKIP_EXP);
        NetworkObjective f64 = NetworkObjective.builder(spec, data).loss(w6 ? Losses.SOFTMAX_CE : Losses.CUBIC_HINGE)
                .reduction(Reduction.MEAN).lambda(1e-2).threads(1).build();
        f32 = Float32NetworkObjective.over(f64);
        theta0 = Initializer.parse("fan-in-uniform").initialize(f64.layout(), 1L);
        boolean adam = "adam".equals(System.getProperty("loop.optimizer", "sgd"));
        config = TrainConfig.defaults().toBuilder().optimizer(adam ? OptimizerKind.ADAM : OptimizerKind.SGD)
                .learningRate(adam ? 1e-3 : w6 ? 5e-2 : 1e-2)
                .batchSize(128).momentum(0).maxSteps(282).gradientTolerance(0).lossTolerance(0).historyStride(282)
                .seed(0).threads(1).build();
    }

    /** One call: {loop seconds (the optimizer phase), call seconds, final loss}. */
    public static double[] run() {
        long t0 = System.nanoTime();
        TrainingResult r = Trainer.train(f32, theta0, config);
        double call = (System.nanoTime() - t0) * 1e-9;
        return new double[] {r.timings().seconds(Trainer.OPTIMIZER), call, r.finalLoss()};
    }
}
