package org.oneneuron.cli.landscape;

import java.util.Objects;
import java.util.Optional;
import org.oneneuron.objective.Objective;
import org.oneneuron.constructions.NetworkConstruction;
import org.oneneuron.data.TargetStandardizer;
import org.oneneuron.landscape.PointContext;
import org.oneneuron.run.Problem;

/**
 * The point a landscape command looks at: an objective, θ, the certificate's context, λ of the
 * neuron, and, when the subject is a network, its problem (the run floor's) and construction.
 *
 * @param label        what it is, e.g. "A1 bad point (plain)"
 * @param objective    the objective at hand
 * @param theta        the point
 * @param context      what a certificate needs beyond the objective
 * @param problem      the network problem, when the subject is a network
 * @param construction the §6 construction, when the subject is one
 * @param lambda       λ of the special neuron: --lambda, else the subject's own (a model file's,
 *                     a construction's or recipe's PAPER.md §6 value)
 * @param target       a regression model's target scaling (μ, σ): its objective, and so every loss
 *                     figure of the command, is of the standardized target (t - μ)/σ; the identity
 *                     for the raw targets, classifiers, constructions and recipes
 */
record Subject(String label, Objective objective, double[] theta, PointContext context,
               Optional<Problem> problem, Optional<NetworkConstruction> construction, double lambda,
               TargetStandardizer target) {

    Subject {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(target, "target");
        theta = theta.clone();
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }
}
