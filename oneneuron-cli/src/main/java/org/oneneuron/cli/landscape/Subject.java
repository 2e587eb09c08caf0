package org.oneneuron.cli.landscape;

import java.util.Objects;
import java.util.Optional;
import org.oneneuron.objective.Objective;
import org.oneneuron.constructions.NetworkConstruction;
import org.oneneuron.landscape.PointContext;
import org.oneneuron.loss.NetworkObjective;

/**
 * The point a landscape command looks at: an objective, θ, the certificate's context, and, when
 * the subject is a network, its objective and construction.
 *
 * @param label        what it is, e.g. "A1 bad point (plain)"
 * @param objective    the objective at hand
 * @param theta        the point
 * @param context      what a certificate needs beyond the objective
 * @param network      the network objective, when the subject is a network
 * @param construction the §6 construction, when the subject is one
 */
record Subject(String label, Objective objective, double[] theta, PointContext context,
               Optional<NetworkObjective> network, Optional<NetworkConstruction> construction) {

    Subject {
        Objects.requireNonNull(objective, "objective");
        theta = theta.clone();
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }
}
