package org.oneneuron.landscape;

/**
 * An approximate eigenpair (θ, y), ‖y‖ = 1, with its explicit residual ‖H y - θ y‖ (one extra
 * Hessian-vector product). For symmetric H some eigenvalue lies within the residual of θ.
 *
 * @param value    the Ritz value θ
 * @param vector   the unit Ritz vector y
 * @param residual ‖H y - θ y‖
 */
public record RitzPair(double value, double[] vector, double residual) {

    public RitzPair {
        vector = vector.clone();
    }

    @Override
    public double[] vector() {
        return vector.clone();
    }
}
