package org.oneneuron.objective;

/**
 * A value, gradient or Hessian-vector product would be non-finite (PAPER.md §8). Thrown instead
 * of returning Inf or NaN; the message names the quantity, where it arose and its value, e.g.
 * {@code exp(wᵀx_i + b) overflow at sample 17: u = 812.3}. The point θ is never modified.
 */
public final class NonFiniteException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    private final String quantity;

    /**
     * @param quantity the quantity that went non-finite, e.g. {@code gradient}, {@code exp(wᵀx_i + b)}
     * @param detail   where and with which values, e.g. {@code at sample 17: u = 812.3}
     */
    public NonFiniteException(String quantity, String detail) {
        super(quantity + " " + detail);
        this.quantity = quantity;
    }

    /** The quantity that went non-finite. */
    public String quantity() {
        return quantity;
    }
}
