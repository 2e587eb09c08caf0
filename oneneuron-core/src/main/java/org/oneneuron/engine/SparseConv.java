package org.oneneuron.engine;

/**
 * The reverse products of a {@link ShiftConv} over only the nonzero entries of δy. After a max
 * pooling, which routes each window's adjoint to one position, and a ReLU, most of δy is zero (W5's
 * second convolution: at most a quarter of it), and the dense layouts spend most of their fmas on
 * zeros. Here the weight gradient (over the channel-minor input of the runs layout) and the
 * gathered input adjoint (columns Kᵀ·δy, then col2im) visit only the nonzeros, in the same order:
 * every skipped term is an fma with a zero factor, which leaves a finite chain unchanged, so the
 * results are the bits of the dense layouts (tested), and the choice between the two, made per
 * group of samples from δy's measured density, is invisible in the numbers.
 *
 * <ul>
 *   <li><b>weight gradient</b> ({@link PlaneArith#sparseRunProduct}): per filter f, the kh kernel
 *       rows' runs of kw·C values (j, c), each padded to whole vectors, in registers;
 *       ∂K[f, c, i, j] = Σ_s Σ_{p: δy[s, f, p] ≠ 0} δy[s, f, p]·xt[s, (oh + i)·wp + ow + j, c]: the
 *       chains of {@link ShiftPlan#runsGradient} and {@link ShiftPlan#laneGradient}.</li>
 *   <li><b>input adjoint</b> ({@link PlaneArith#sparseAdjoint}): per position p with a nonzero
 *       adjoint, from the last to the first, its columns Σ_f δy[f, p]·K[f, ·, i, ·] over the kernel
 *       arranged in the same runs (kr), added to a channel-minor padded δx; each δx value so receives
 *       its columns in (i, j) order, as {@link ShiftPlan#gather} adds them. δx is then transposed to
 *       channels-first (and unpadded).</li>
 * </ul>
 */
final class SparseConv {

    /**
     * Largest share of nonzero δy entries (in up to {@link #PROBE_ROWS} rows spread over a group)
     * for which each product runs over the nonzeros: where ConvPieceTimes (W5's conv2, float32,
     * -Ddensity) put the crossing with the dense layouts: the weight gradient 2.39 against 3.00 µs per
     * sample at 20% and 3.22 against 2.93 at 30%; the input adjoint 4.4 against 5.3 at 30%.
     */
    static final double GRADIENT_DENSITY = 0.25;
    static final double ADJOINT_DENSITY = 0.35;
    private static final int PROBE_ROWS = 8;

    private final ShiftPlan g;
    /** Lanes per vector, values per padded kernel-row run, vectors per run, vectors per filter. */
    private final int lanes;
    private final int run;
    private final int nu;
    /**
     * Per vector u = i·(run / lanes) + k: its offset in xt and δx (i·wp·C + k·lanes) and in kr
     * (i·run + k·lanes).
     */
    private final int[] vo;
    private final int[] ko;
    /** Per lane of the vectors: its place c·kh·kw + i·kw + j in a filter of θ, or −1 (padding). */
    private final int[] ol;
    /** Whether the input adjoint can run here: kernel rows of at most 16 vectors (the kernels' tile). */
    final boolean adjoint;
    final int kernelLength;
    final int adjointLength;

    SparseConv(ShiftPlan g, int lanes) {
        this.g = g;
        this.lanes = lanes;
        int runValues = g.kw * g.channels;
        this.run = (runValues + lanes - 1) / lanes * lanes;
        int perRow = run / lanes;
        this.nu = g.kh * perRow;
        this.vo = new int[nu];
        this.ko = new int[nu];
        this.ol = new int[nu * lanes];
        for (int i = 0; i < g.kh; i++) {
            for (int k = 0; k < perRow; k++) {
                int u = i * perRow + k;
                vo[u] = i * g.wp * g.channels + k * lanes;
                ko[u] = i * run + k * lanes;
                for (int l = 0; l < lanes; l++) {
                    int q = k * lanes + l;
                    int c = q % g.channels;
                    ol[u * lanes + l] = q < runValues ? c * g.kh * g.kw + i * g.kw + q / g.channels : -1;
                }
            }
        }
        this.adjoint = perRow <= 16;
        this.kernelLength = g.filters * g.kh * run;
        this.adjointLength = g.paddedSize + run;
    }

    /** The share of nonzeros in δy rows [r0, r0 + count), counted in up to 8 rows spread over them. */
    double density(Buf dy, int r0, int count) {
        int size = g.out.size();
        int step = Math.max(1, count / PROBE_ROWS);
        long nonzero = 0;
        long seen = 0;
        for (int r = r0; r < r0 + count; r += step) {
            for (int i = r * size; i < (r + 1) * size; i++) {
                nonzero += dy.get(i) != 0 ? 1 : 0;
            }
            seen += size;
        }
        return nonzero / (double) seen;
    }

    /**
     * ∂K (=|+=) Σ over rows [r0, r0 + count) of δy ⊗ the channel-minor input xt
     * ({@link ShiftPlan#channelMinor}), over δy's nonzeros.
     */
    void gradient(PlaneArith ar, Buf dy, int r0, Buf xt, int count, boolean acc, Buf grad) {
        ar.sparseRunProduct(g.filters, g.positions, nu, g.filterRows, g.runOffsets, vo, xt, 0, g.paddedSize, dy,
                r0 * g.out.size(), g.out.size(), count, acc, grad, g.w, g.filterTaps, ol);
    }

    /** kr[f·kh·run + i·run + j·C + c] = K[f, c, i, j] from the weights at g.w of theta, zero padding lanes. */
    void arrange(Buf theta, Buf kr) {
        int kk = g.kh * g.kw;
        for (int f = 0; f < g.filters; f++) {
            for (int i = 0; i < g.kh; i++) {
                int row = (f * g.kh + i) * run;
                for (int q = 0; q < run; q++) {
                    int j = q / g.channels;
                    int c = q % g.channels;
                    kr.set(row + q, j < g.kw ? theta.get(g.w + f * g.taps + c * kk + i * g.kw + j) : 0);
                }
            }
        }
    }

    /**
     * dx of one row (overwritten) = the gathered input adjoint of δy's row over its nonzeros, through
     * the channel-minor padded dxt and, when padded, the channels-first dxp.
     */
    void inputAdjoint(PlaneArith ar, Buf kr, Buf dy, int row, Buf dxt, Buf dxp, Buf dx) {
        ar.zero(dxt, 0, adjointLength);
        ar.sparseAdjoint(g.filters, g.positions, nu, run / lanes, dy, row * g.out.size(), kr, g.kh * run, ko,
                g.runOffsets, vo, dxt, 0);
        int area = g.hp * g.wp;
        if (g.pad == 0) {
            ar.transpose(dxt, 0, area, g.channels, dx, row * g.in.size());
            return;
        }
        ar.transpose(dxt, 0, area, g.channels, dxp, 0);
        ar.packPlanes(dxp, g.pad * g.wp + g.pad, area, g.wp, null, 0, g.channels, g.in.height(), g.in.width(), dx,
                row * g.in.size());
    }
}
