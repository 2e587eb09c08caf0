package org.oneneuron.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.objective.SampledObjective;
import org.oneneuron.data.DataException;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Splits;
import org.oneneuron.data.Standardizer;
import org.oneneuron.io.ModelSettings;
import org.oneneuron.io.StoredModel;
import org.oneneuron.landscape.Certificate;
import org.oneneuron.landscape.Certifier;
import org.oneneuron.landscape.CertifyConfig;
import org.oneneuron.landscape.NetworkPoints;
import org.oneneuron.loss.Float32NetworkObjective;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.SampleWeights;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.train.ClassifierConfig;
import org.oneneuron.train.Stop;
import org.oneneuron.train.StopReason;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.Trainer;
import org.oneneuron.train.TrainingListener;
import org.oneneuron.train.TrainingResult;

/**
 * One {@code train} run: split, standardize, build the objective (float32 passes on request),
 * start fresh or from the checkpoint, train with progress and checkpoint listeners, save, and
 * certify the end point in float64. The seed is split into
 * independent streams for the test split and the initialization; minibatches use the config's seed.
 */
final class TrainingRun {

    /**
     * What a run produced; {@code test} and {@code testScores} are null without a split, and
     * {@code certificate} (the end point's PAPER.md §9 verdict) is null after numerical trouble.
     */
    record Outcome(StoredModel model, TrainingResult result, long stepsBefore, Dataset train,
                   Dataset test, double[] trainScores, double[] testScores, double loss,
                   double networkOnlyLoss, Optional<NeuronSnapshot> neuron, Path modelFile,
                   String lossWord, String reductionWord, double lambda, Certificate certificate) {

        /** True when training ended on NaN/Inf or divergence (exit code 1). */
        boolean numericalTrouble() {
            StopReason reason = result.stop().reason();
            return reason == StopReason.NON_FINITE || reason == StopReason.DIVERGED;
        }

        long totalSteps() {
            return stepsBefore + result.steps();
        }
    }

    /**
     * How the end point is certified: no random perturbations, and the exact dense Hessian only
     * for small models (Lanczos above 300 parameters), so certification stays a small fraction of
     * a training run.
     */
    private static final CertifyConfig END_POINT_CHECK =
            CertifyConfig.defaults().withPerturbations(0).withDenseLimit(300);

    private final ModelSettings settings;
    private final TrainConfig config;
    private final Dataset dataset;
    private final String dataSource;
    private final Path out;
    private final long checkpointEvery;
    private final boolean resume;
    private final boolean float32;
    private final Progress progress;
    private final PrintWriter err;

    /** {@code dataSource} is the DATA argument as given, recorded so that export can reread it. */
    TrainingRun(ModelSettings settings, TrainConfig config, Dataset dataset, String dataSource,
                Path out, long checkpointEvery, boolean resume, boolean float32, Progress progress,
                PrintWriter err) {
        this.settings = settings;
        this.config = config;
        this.dataset = dataset;
        this.dataSource = dataSource;
        this.out = out;
        this.checkpointEvery = checkpointEvery;
        this.resume = resume;
        this.float32 = float32;
        this.progress = progress;
        this.err = err;
    }

    /** The checkpoint file beside the model file. */
    static Path checkpointPath(Path modelFile) {
        return modelFile.resolveSibling(modelFile.getFileName() + ".checkpoint");
    }

    Outcome execute() {
        SplittableRandom streams = new SplittableRandom(config.seed());
        long splitSeed = streams.nextLong();
        long initSeed = streams.nextLong();
        Dataset train = dataset;
        Dataset test = null;
        if (settings.testFraction() > 0) {
            Splits.Split split = Splits.trainTest(dataset, settings.testFraction(), splitSeed);
            train = split.train();
            test = split.test();
        }
        Standardizer standardizer = Standardizer.fit(train);
        NetworkSpec spec = settings.spec(train.d());
        Dataset scaled = standardizer.apply(train);
        NetworkObjective objective = NetworkObjective.builder(spec, scaled)
                .loss(settings.marginLoss())
                .reduction(settings.parsedReduction())
                .lambda(settings.lambda())
                .allowZeroLambda(settings.allowZeroLambda())
                .weights(settings.balanced() ? SampleWeights.balanced(scaled) : null)
                .threads(config.threads())
                .build();

        Path checkpoint = out == null ? null : checkpointPath(out);
        double[] theta0 = ClassifierConfig.defaults().initializer().initialize(spec.layout(), initSeed);
        long before = 0;
        if (resume && Files.exists(checkpoint)) {
            StoredModel saved = StoredModel.load(checkpoint);
            if (!saved.spec().equals(spec)) {
                throw new DataException(checkpoint.toString(), "the checkpoint holds the network "
                        + saved.spec() + " but the options describe " + spec);
            }
            theta0 = saved.theta();
            before = Long.parseLong(saved.provenance().getOrDefault("steps_done", "0"));
            if (!progressSilent()) {
                err.println("resuming from " + checkpoint + " after " + before + " steps");
            }
        } else if (resume && !progressSilent()) {
            err.println("no checkpoint at " + checkpoint + "; starting from the beginning");
        }
        long remaining = Math.max(0, config.maxSteps() - before);
        TrainConfig runConfig = config.toBuilder().maxSteps(remaining).build();

        long offset = before;
        Standardizer scaling = standardizer;
        Dataset trainData = train;
        TrainingListener show = new TrainingListener() {
            @Override
            public String onStep(long step, double[] theta, double loss, double gradientNorm) {
                progress.update(step, () -> String.format(Locale.ROOT, "loss %.6g", loss));
                return null;
            }

            @Override
            public void onFinish(double[] theta, Stop stop) {
                progress.finish();
            }
        };
        TrainingListener save = (step, theta, loss, gradientNorm) -> {
            if (checkpointEvery > 0 && step > 0 && step % checkpointEvery == 0) {
                model(spec, theta, scaling, trainData, Map.of("steps_done",
                        Long.toString(offset + step))).save(checkpoint);
            }
            return null;
        };
        progress.start("train", Math.max(1, remaining));
        SampledObjective trained = float32 ? Float32NetworkObjective.over(objective) : objective;
        TrainingResult result = Trainer.train(trained, theta0, runConfig, show, save);
        double[] theta = result.theta();

        Map<String, String> provenance = provenance(result, train, offset + result.steps());
        StoredModel model = model(spec, theta, standardizer, train, provenance);
        boolean trouble = result.stop().reason() == StopReason.NON_FINITE
                || result.stop().reason() == StopReason.DIVERGED;
        if (out != null && !trouble) {
            model.save(out);
            deleteIfExists(checkpoint);
        }
        double[] testScores = test == null ? null : model.scores(test);
        Certificate certificate = trouble ? null : Certifier.certify(objective, theta,
                NetworkPoints.context(objective, theta).withTrajectory(result.infinity().verdict()),
                END_POINT_CHECK);
        return new Outcome(model, result, before, train, test, objective.scores(theta), testScores,
                objective.value(theta), objective.networkOnlyLoss(theta), objective.neuron(theta),
                trouble ? null : out, settings.marginLoss().word(), settings.parsedReduction().word(),
                settings.lambda(), certificate);
    }

    private boolean progressSilent() {
        return progress.mode() == Progress.Mode.SILENT;
    }

    private StoredModel model(NetworkSpec spec, double[] theta, Standardizer standardizer,
                              Dataset train, Map<String, String> provenance) {
        return new StoredModel(spec, theta, standardizer, settings.marginLoss(),
                settings.parsedReduction(), settings.lambda(), train.featureNames(),
                labelNames(train), provenance);
    }

    private Map<String, String> provenance(TrainingResult result, Dataset train, long stepsDone) {
        Map<String, String> map = StoredModel.provenance(result);
        map.put("seed", Long.toString(config.seed()));
        map.put("steps_done", Long.toString(stepsDone));
        map.put("data", dataSource);
        map.put("n_train", Integer.toString(train.n()));
        map.put("test_fraction", Double.toString(settings.testFraction()));
        map.put("class_weight", settings.classWeight());
        map.put("dtype", float32 ? "float32" : "float64");
        return map;
    }

    private static java.util.List<String> labelNames(Dataset train) {
        return train.labelNames().size() == 2 ? train.labelNames() : java.util.List.of("-1", "+1");
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the finished run's checkpoint " + file, e);
        }
    }
}
