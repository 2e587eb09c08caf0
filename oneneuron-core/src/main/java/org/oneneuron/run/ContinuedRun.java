package org.oneneuron.run;

import java.util.Objects;
import org.oneneuron.landscape.Certificate;
import org.oneneuron.landscape.Certifier;
import org.oneneuron.landscape.CertifyConfig;
import org.oneneuron.landscape.PointContext;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.objective.Objective;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.TrainingResult;

/**
 * Training continued from a point (typically the escape step of an escape certificate), and where
 * it ended: the trainer's result with its infinity assessment, and a certificate of the final
 * point that carries the trainer's verdict.
 *
 * @param training    the trainer's result
 * @param certificate the final point's certificate (its verdict includes the trajectory's)
 */
public record ContinuedRun(TrainingResult training, Certificate certificate) {

    public ContinuedRun {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** Trains a problem from {@code start} and certifies the end on its exact objective. */
    public static ContinuedRun from(Problem problem, double[] start, TrainConfig config,
                                    CertifyConfig certify) {
        TrainingResult result = Fit.from(problem, start, config).training();
        double[] end = result.theta();
        NetworkObjective objective = problem.objective();
        PointContext context = problem.context(end).withTrajectory(result.infinity().verdict(), result.stop());
        return new ContinuedRun(result, Certifier.certify(objective, end, context, certify));
    }

    /**
     * Trains a closed-form objective (a construction's toy, not a network) from {@code start} and
     * certifies the end with the given context.
     */
    public static ContinuedRun from(Objective objective, double[] start, TrainConfig config,
                                    PointContext context, CertifyConfig certify) {
        TrainingResult result = Fit.objective(objective, start, config);
        PointContext withTrajectory = context.withTrajectory(result.infinity().verdict(), result.stop());
        return new ContinuedRun(result, Certifier.certify(objective, result.theta(), withTrajectory, certify));
    }
}
