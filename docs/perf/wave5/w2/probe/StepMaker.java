import java.util.*;
import java.lang.management.*;
import org.oneneuron.data.Dataset;
import org.oneneuron.model.*;
import org.oneneuron.loss.*;
import org.oneneuron.run.Problem;
import org.oneneuron.linalg.Precision;
import org.oneneuron.objective.SampledObjective;
import org.oneneuron.optim.*;
import org.oneneuron.train.TrainConfig;

public class StepMaker {
    public static Runnable make() {
        int N = 12000, D = 784, H = 256;
        SplittableRandom rnd = new SplittableRandom(0);
        double[] x = new double[N * D];
        for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextGaussian();
        double[] y = new double[N];
        for (int i = 0; i < N; i++) y[i] = rnd.nextBoolean() ? 1 : -1;
        Dataset data = new Dataset("p", x, y, D, Collections.nCopies(D, "f"), List.of("-1", "+1"));
        NetworkSpec spec = new NetworkSpec(D, List.of(H, H), Activation.parse("relu"), NeuronKind.SKIP_EXP);
        Problem problem = Problem.builder(spec, data).loss(Losses.CUBIC_HINGE).reduction(Reduction.MEAN)
                .lambda(0.01).threads(1).precision(Precision.FLOAT32).seed(1).build();
        double[] theta = problem.initialPoint();
        SampledObjective obj = problem.descendedObjective();
        Optimizer opt = TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.SGD).learningRate(0.01)
                .batchSize(128).momentum(0).seed(0).threads(1).build().newOptimizer(obj);
        double[] prev = new double[theta.length];
        opt.start(theta);
        return () -> opt.step(theta, prev);
    }
}

