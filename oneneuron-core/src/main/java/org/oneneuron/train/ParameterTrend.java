package org.oneneuron.train;

/**
 * How one tracked quantity moved over the diagnostics window (absolute values: |a|, |b|, ‖w‖, ...).
 *
 * @param parameter the quantity's snake_case name: a, b, w_norm, max_contribution, theta_norm,
 *                  theta_3 (coordinate 3, small models only)
 * @param start     its value at the window's first entry
 * @param end       its value at the last entry
 * @param perEfold  least-squares slope dq/d(ln t) over the window (the growth rate)
 * @param sustain   slope over the window's later half divided by {@code perEfold} (0 when
 *                  {@code perEfold} ≤ 0)
 * @param growing   whether the diagnostics count it as growing without bound
 */
public record ParameterTrend(String parameter, double start, double end, double perEfold,
                             double sustain, boolean growing) {
}
