package org.oneneuron.landscape;

import java.util.Objects;
import org.oneneuron.objective.Objective;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.Trainer;
import org.oneneuron.train.TrainingResult;

/**
 * Training continued from a point (typically the escape step of an {@link EscapeCertificate}),
 * and where it ended: the trainer's result with its infinity assessment, and a certificate of the
 * final point that carries the trainer's verdict.
 *
 * @param training    the trainer's result
 * @param certificate the final point's certificate (its verdict includes the trajectory's)
 */
public record ContinuedRun(TrainingResult training, Certificate certificate) {

    public ContinuedRun {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** Trains a network objective from {@code start} and certifies the end. */
    public static ContinuedRun from(NetworkObjective objective, double[] start, TrainConfig config,
                                   CertifyConfig certify) {
        TrainingResult result = Trainer.train(objective, start, config);
        double[] end = result.theta();
        PointContext context = NetworkPoints.context(objective, end).withTrajectory(result.infinity().verdict());
        return new ContinuedRun(result, Certifier.certify(objective, end, context, certify));
    }

    /** Trains any objective from {@code start} and certifies the end with the given context. */
    public static ContinuedRun from(Objective objective, double[] start, TrainConfig config,
                                    PointContext context, CertifyConfig certify) {
        TrainingResult result = Trainer.train(objective, start, config);
        PointContext withTrajectory = context.withTrajectory(result.infinity().verdict());
        return new ContinuedRun(result, Certifier.certify(objective, result.theta(), withTrajectory, certify));
    }
}
