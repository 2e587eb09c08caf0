/**
 * The layer-graph engine: one implementation of every network's passes. A
 * {@link org.oneneuron.model.NetworkSpec} compiles into a {@link org.oneneuron.engine.Graph} — a
 * sequence of layers, each with its value, JVP, VJP and R-operator rules side by side
 * ({@code Layer} and its subclasses), a dense output layer and the special neurons — evaluated on
 * blocks of samples in a {@link org.oneneuron.engine.Workspace}. The rules are written once
 * against {@code Arith}, the kernels of a precision: float64, float32, or many networks at once
 * ({@link org.oneneuron.engine.LanePasses}). Objectives ({@code org.oneneuron.loss}) hand the
 * graph the adjoints of its scores; nothing here knows the loss. See docs/ARCHITECTURE.md, "The
 * engine".
 */
package org.oneneuron.engine;
