import java.util.*;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.*;
import org.oneneuron.model.*;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.*;
public class W6Loop {
  static Float32NetworkObjective f32; static double[] theta0; static TrainConfig config;
  public static void setup() {
    int n = 12000, d = 784;
    SplittableRandom rnd = new SplittableRandom(0);
    double[] x = new double[n * d];
    for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextGaussian();
    double[] y = new double[n];
    for (int i = 0; i < n; i++) { int best = 0; for (int k = 1; k < 10; k++) if (x[i*d+k] > x[i*d+best]) best = k; y[i] = best; }
    List<String> classes = new ArrayList<>(); for (int k = 0; k < 10; k++) classes.add("c" + k);
    Dataset data = new Dataset("w6", x, y, d, Collections.nCopies(d, "f"), classes);
    NetworkSpec spec = NetworkSpec.mlp(d, List.of(128), Activation.RELU, NeuronKind.SKIP_EXP, 10);
    NetworkObjective f64 = NetworkObjective.builder(spec, data).loss(Losses.SOFTMAX_CE).reduction(Reduction.MEAN).lambda(1e-2).threads(1).build();
    f32 = Float32NetworkObjective.over(f64);
    theta0 = Initializer.parse("fan-in-uniform").initialize(f64.layout(), 1L);
    config = TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.SGD).learningRate(5e-2)
        .batchSize(128).momentum(0).maxSteps(282).gradientTolerance(0).lossTolerance(0).historyStride(282).seed(0).threads(1).build();
  }
  /** returns {loop seconds, call seconds, final loss} */
  public static double[] run() {
    long t0 = System.nanoTime();
    TrainingResult r = Trainer.train(f32, theta0, config);
    double call = (System.nanoTime() - t0) * 1e-9;
    return new double[] {r.timings().seconds(Trainer.OPTIMIZER), call, r.finalLoss()};
  }
}
