package org.oneneuron.landscape;

import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.objective.Objective;

/** What a slice or a path evaluates at each point. */
public enum SliceValue {

    /** The objective L(θ) (for augmented models the total loss L~ with its penalty). */
    LOSS {
        @Override
        public double at(Objective objective, double[] theta) {
            return objective.value(theta);
        }
    },

    /** The data loss of the network with the special neuron removed (a = 0). */
    NETWORK_ONLY {
        @Override
        public double at(Objective objective, double[] theta) {
            return objective.neuron(theta).map(NeuronSnapshot::networkOnlyLoss).orElse(Double.NaN);
        }
    },

    /** The special neuron's largest contribution max_i |a·E_i| to the score (needs a neuron). */
    CONTRIBUTION {
        @Override
        public double at(Objective objective, double[] theta) {
            return objective.neuron(theta).map(NeuronSnapshot::maxContribution).orElse(Double.NaN);
        }
    };

    /** The value at θ; θ is not modified. */
    public abstract double at(Objective objective, double[] theta);
}
