/**
 * The objective seam: {@link org.oneneuron.objective.Objective}, a twice-differentiable L(θ) over a
 * flat θ (value, gradient, exact Hessian-vector product), and what travels with it (the special
 * neuron's figures, the non-finite error, a finite-difference checker). Optimizers, landscape tools
 * and studies see only this interface; the engine (model, loss) implements it and the run floor
 * ({@code org.oneneuron.run}) builds it. Nothing here differentiates: the engine does.
 */
package org.oneneuron.objective;
