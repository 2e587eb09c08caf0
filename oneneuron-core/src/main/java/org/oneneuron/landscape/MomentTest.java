package org.oneneuron.landscape;

/**
 * The deterministic supplement of the escape certificate (PAPER.md §4): m_k = Σ_i c_i s_i^k with
 * s_i = uᵀx_i affinely scaled to [-1, 1]. A clearly nonzero m_k certifies that the embedded point
 * is not a local minimum of L~. Only the first few orders are numerically meaningful for large n.
 *
 * @param u              the direction
 * @param moments        m_0 .. m_K
 * @param scale          Σ_i |c_i|, the size a moment is compared with
 * @param tolerance      |m_k| > tolerance·scale counts as nonzero
 * @param firstNonzero   the smallest k with a nonzero m_k, or -1
 * @param degenerate     uᵀx_i is constant over the data (s cannot be scaled; only m_0 is informative)
 */
public record MomentTest(double[] u, double[] moments, double scale, double tolerance, int firstNonzero,
                         boolean degenerate) {

    public MomentTest {
        u = u.clone();
        moments = moments.clone();
    }

    @Override
    public double[] u() {
        return u.clone();
    }

    @Override
    public double[] moments() {
        return moments.clone();
    }

    /** Whether some moment certifies an escape. */
    public boolean certifiesEscape() {
        return firstNonzero >= 0;
    }
}
