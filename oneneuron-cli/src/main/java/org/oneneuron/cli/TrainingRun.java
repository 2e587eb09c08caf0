package org.oneneuron.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.oneneuron.data.DataException;
import org.oneneuron.data.Dataset;
import org.oneneuron.landscape.CertifyConfig;
import org.oneneuron.run.Assessment;
import org.oneneuron.run.ClassifierConfig;
import org.oneneuron.run.Fit;
import org.oneneuron.run.FitResult;
import org.oneneuron.run.Model;
import org.oneneuron.run.Problem;
import org.oneneuron.run.TrainingData;
import org.oneneuron.train.Stop;
import org.oneneuron.train.StopReason;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.TrainingListener;

/**
 * What {@code train} adds to the library's fit ({@link org.oneneuron.run.Classifier} runs the
 * same floor: prepare the data, the problem, θ₀ from the seed, the fit, the model): checkpoints
 * beside the model file and resuming from them, progress on stderr, and the end point's
 * certificate. Nothing here builds an objective or draws θ₀.
 */
final class TrainingRun {

    /**
     * What a run produced: the model (written to {@code modelFile} unless there was trouble), the
     * fit, the steps done before a resume, the prepared data, the assessment of the training part
     * (with the end point's certificate unless there was numerical trouble) and of the held-out part.
     */
    record Outcome(Model model, FitResult fit, long stepsBefore, TrainingData data, Assessment train,
                   Optional<Assessment> test, Path modelFile) {

        /** True when training ended on NaN/Inf or divergence (exit code 1). */
        boolean numericalTrouble() {
            StopReason reason = fit.training().stop().reason();
            return reason == StopReason.NON_FINITE || reason == StopReason.DIVERGED;
        }

        long totalSteps() {
            return stepsBefore + fit.training().steps();
        }
    }

    /**
     * How the end point is certified: no random perturbations, and the exact dense Hessian only
     * for small models (Lanczos above 300 parameters), so certification stays a small fraction of
     * a training run.
     */
    private static final CertifyConfig END_POINT_CHECK =
            CertifyConfig.defaults().withPerturbations(0).withDenseLimit(300);

    private final ClassifierConfig config;
    private final Dataset dataset;
    private final String dataSource;
    private final Path out;
    private final long checkpointEvery;
    private final boolean resume;
    private final Progress progress;
    private final PrintWriter err;

    /** {@code dataSource} is the DATA argument as given, recorded so that export can reread it. */
    TrainingRun(ClassifierConfig config, Dataset dataset, String dataSource, Path out,
                long checkpointEvery, boolean resume, Progress progress, PrintWriter err) {
        this.config = config;
        this.dataset = dataset;
        this.dataSource = dataSource;
        this.out = out;
        this.checkpointEvery = checkpointEvery;
        this.resume = resume;
        this.progress = progress;
        this.err = err;
    }

    /** The checkpoint file beside the model file. */
    static Path checkpointPath(Path modelFile) {
        return modelFile.resolveSibling(modelFile.getFileName() + ".checkpoint");
    }

    Outcome execute() {
        TrainingData data = TrainingData.prepare(dataset, config);
        Problem problem = config.problem(data.scaledTrain());
        Path checkpoint = out == null ? null : checkpointPath(out);
        double[] start = problem.initialPoint();
        long before = 0;
        if (resume && Files.exists(checkpoint)) {
            Model saved = Model.load(checkpoint);
            if (!saved.spec().equals(problem.spec())) {
                throw new DataException(checkpoint.toString(), "the checkpoint holds the network "
                        + saved.spec() + " but the options describe " + problem.spec());
            }
            start = saved.theta();
            before = Long.parseLong(saved.provenance().getOrDefault("steps_done", "0"));
            if (!progressSilent()) {
                err.println("resuming from " + checkpoint + " after " + before + " steps");
            }
        } else if (resume && !progressSilent()) {
            err.println("no checkpoint at " + checkpoint + "; starting from the beginning");
        }
        long remaining = Math.max(0, config.train().maxSteps() - before);
        TrainConfig runConfig = config.train().toBuilder().maxSteps(remaining).build();

        long offset = before;
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
                Model.at(problem, data, theta, Map.of("steps_done", Long.toString(offset + step)))
                        .save(checkpoint);
            }
            return null;
        };
        progress.start("train", Math.max(1, remaining));
        FitResult fit = Fit.from(problem, start, runConfig, show, save);
        Model model = Model.of(fit, data, provenance(offset + fit.training().steps()));
        boolean trouble = fit.training().stop().reason() == StopReason.NON_FINITE
                || fit.training().stop().reason() == StopReason.DIVERGED;
        if (out != null && !trouble) {
            model.save(out);
            deleteIfExists(checkpoint);
        }
        Assessment train = trouble ? Assessment.of(problem, fit.theta())
                : Assessment.of(problem, fit.theta(), Optional.of(fit.training().infinity().verdict()),
                        Optional.of(END_POINT_CHECK));
        Optional<Assessment> test = data.heldOut().map(model::assess);
        return new Outcome(model, fit, before, data, train, test, trouble ? null : out);
    }

    private boolean progressSilent() {
        return progress.mode() == Progress.Mode.SILENT;
    }

    private Map<String, String> provenance(long stepsDone) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("seed", Long.toString(config.train().seed()));
        map.put("steps_done", Long.toString(stepsDone));
        map.put("data", dataSource);
        return map;
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the finished run's checkpoint " + file, e);
        }
    }
}
