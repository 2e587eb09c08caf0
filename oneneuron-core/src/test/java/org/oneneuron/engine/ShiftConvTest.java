package org.oneneuron.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Shape;
import org.oneneuron.linalg.Backends;
import org.oneneuron.linalg.Blas;
import org.oneneuron.linalg.ConvKernels;
import org.oneneuron.linalg.PlainBlas;
import org.oneneuron.linalg.VectorEquivalentBlas;
import org.oneneuron.model.LayerSpec;
import org.oneneuron.testing.Gen;
import org.oneneuron.testing.Property;

/**
 * The shifted-kernel convolution ({@link ShiftConv}) in every combination of its layouts against
 * the im2col path on the plain loops: value, tangent (with and without R(x)), VJP and R-VJP with
 * their input adjoints, in float64 (to 1e-12) and float32 (to 1e-4), over random stride-1
 * geometries (odd sizes, paddings 0–2, filter counts around the kernels' tiles, several rows,
 * accumulation into the parameter gradient), on the Vector API kernels and on their scalar twin.
 * The runs layout of the weight gradient gives the bits of channels in lanes.
 */
class ShiftConvTest {

    private static final Blas VECTOR = ConvKernels.available() ? Backends.create(Backends.VECTOR) : null;

    @Test
    void everyLayoutMatchesIm2col() {
        assumeTrue(ConvKernels.available(), "no Vector API");
        everyLayout(40, g -> VECTOR);
    }

    /**
     * The scalar twin of the kernels (what a JVM without the Vector API runs, through
     * {@link VectorEquivalentBlas}) in every layout, at a width drawn per case: runs everywhere.
     */
    @Test
    void everyLayoutOnTheScalarTwinMatchesIm2col() {
        everyLayout(16, g -> new VectorEquivalentBlas(g.oneOf("width", List.of(128, 256, 512))));
    }

    private static void everyLayout(int cases, Function<Gen, Blas> backEnd) {
        Property.forAll(cases, g -> {
            Blas blas = backEnd.apply(g);
            int c = g.intIn("channels", 1, 4);
            int kh = g.intIn("kh", 1, 5);
            int kw = g.intIn("kw", 1, 5);
            int pad = g.intIn("pad", 0, 2);
            int h = g.intIn("height", Math.max(1, kh - 2 * pad), 13);
            int w = g.intIn("width", Math.max(1, kw - 2 * pad), 21);
            int filters = g.intIn("filters", 1, 20);
            int rows = g.intIn("rows", 1, 5);
            Shape in = new Shape(c, h, w);
            LayerSpec.Conv spec = new LayerSpec.Conv(filters, kh, kw, 1, pad);
            long seed = g.seed("values");
            for (int layout = 0; layout < 12; layout++) {
                String where = in + " conv " + spec.word() + " rows " + rows + " layout " + layout + " on "
                        + blas.name();
                compare(new F64Arith(PlainBlas.INSTANCE), new F64Arith(blas), in, spec, rows, layout, seed, 1e-12,
                        where + " float64");
                compare(new F32Arith(PlainBlas.INSTANCE), new F32Arith(blas), in, spec, rows, layout, seed, 1e-4,
                        where + " float32");
            }
        });
    }

    /**
     * The weight gradient over channel-minor runs has the chains and groups of channels in lanes, so
     * its bits: VJP and R-VJP, float32 and float64, runs of kw·C values over one to several 3-vector
     * chunks, on the Vector API kernels and on the scalar twin at every width.
     */
    @Test
    void runsGiveTheBitsOfChannelLanes() {
        Property.forAll(24, g -> {
            Blas blas = ConvKernels.available() && g.bool("vector")
                    ? VECTOR : new VectorEquivalentBlas(g.oneOf("width", List.of(128, 256, 512)));
            int c = g.intIn("channels", 1, 12);
            int k = g.intIn("kernel", 1, 5);
            int pad = g.intIn("pad", 0, 2);
            int h = g.intIn("height", Math.max(1, k - 2 * pad), 12);
            Shape in = new Shape(c, h, g.intIn("width", Math.max(1, k - 2 * pad), 14));
            LayerSpec.Conv spec = new LayerSpec.Conv(g.intIn("filters", 1, 20), k, k, 1, pad);
            int rows = g.intIn("rows", 1, 5);
            long seed = g.seed("values");
            for (PlaneArith ar : List.of(new F64Arith(blas), new F32Arith(blas))) {
                Run[] runs = new Run[2];
                ShiftPlan.Gradient[] layouts = {ShiftPlan.Gradient.LANES, ShiftPlan.Gradient.RUNS};
                for (int i = 0; i < 2; i++) {
                    int weights = spec.filters() * spec.kernelSize(in);
                    ConvLayer layer = new ConvLayer(in, spec, 3, 3 + weights);
                    Object state = new ShiftConv.State(ar, new ShiftPlan(in, spec, 3, 3 + weights), rows, false,
                            layouts[i], true, false);
                    SplittableRandom rnd = new SplittableRandom(seed);
                    int dim = 3 + weights + spec.filters() + 2;
                    runs[i] = run(ar, layer, state, random(rnd, dim), random(rnd, dim), random(rnd, rows * in.size() + 2),
                            random(rnd, rows * in.size()), random(rnd, rows * layer.out.size()),
                            random(rnd, rows * layer.out.size()), random(rnd, dim), rows);
                }
                String where = in + " conv " + spec.word() + " rows " + rows + " " + ar.precision() + " on "
                        + blas.name();
                assertArrayEquals(runs[0].grad(), runs[1].grad(), where + " vjp parameters");
                assertArrayEquals(runs[0].rgrad(), runs[1].rgrad(), where + " rvjp parameters");
            }
        });
    }

    /**
     * The products over δy's nonzeros give the bits of the dense layouts: VJP (accumulated into a
     * gradient) and R-VJP (δy and Rδy zero at the same places, as behind max pooling), parameters
     * and input adjoints, both precisions, channels in lanes and runs, δy with
     * a few nonzeros (and whole rows of zeros, as a satisfied hinge leaves; up to a quarter, where
     * both products go sparse, or a third, where only the input adjoint does), kernel rows over one
     * to more than 16 vectors (where the input adjoint stays dense), padded or not, on the Vector API
     * kernels and on the scalar twin at every width.
     */
    @Test
    void sparseAdjointsGiveTheBitsOfTheDenseLayouts() {
        Property.forAll(32, g -> {
            Blas blas = ConvKernels.available() && g.bool("vector")
                    ? VECTOR : new VectorEquivalentBlas(g.oneOf("width", List.of(128, 256, 512)));
            int c = g.intIn("channels", 1, 30);
            int kh = g.intIn("kh", 1, 5);
            int kw = g.intIn("kw", 1, 5);
            int pad = g.intIn("pad", 0, 2);
            Shape in = new Shape(c, g.intIn("height", Math.max(1, kh - 2 * pad), 13),
                    g.intIn("width", Math.max(1, kw - 2 * pad), 14));
            int share = g.oneOf("one nonzero in at most", List.of(3, 4));
            LayerSpec.Conv spec = new LayerSpec.Conv(g.intIn("filters", 1, 20), kh, kw, 1, pad);
            int rows = g.intIn("rows", 1, 6);
            double density = g.doubleIn("density", 0.02, 0.25);
            ShiftPlan.Gradient layout = g.oneOf("layout", List.of(ShiftPlan.Gradient.LANES, ShiftPlan.Gradient.RUNS));
            long seed = g.seed("values");
            for (PlaneArith ar : List.of(new F64Arith(blas), new F32Arith(blas))) {
                int weights = spec.filters() * spec.kernelSize(in);
                int dim = 3 + weights + spec.filters() + 2;
                ConvLayer layer = new ConvLayer(in, spec, 3, 3 + weights);
                SplittableRandom rnd = new SplittableRandom(seed);
                double[] dy = random(rnd, rows * layer.out.size());
                double[] rdy = random(rnd, rows * layer.out.size());
                int size = layer.out.size();
                for (int r = 0; r < rows; r++) {
                    int left = r == 1 ? 0 : size / share;
                    for (int i = r * size; i < (r + 1) * size; i++) {
                        boolean keep = left > 0 && rnd.nextDouble() < density;
                        left -= keep ? 1 : 0;
                        dy[i] = keep ? dy[i] : 0;
                        rdy[i] = keep ? rdy[i] : 0;
                    }
                }
                Run[] runs = new Run[2];
                for (int sparse = 0; sparse < 2; sparse++) {
                    ShiftConv.State state = new ShiftConv.State(ar, new ShiftPlan(in, spec, 3, 3 + weights), rows,
                            false, layout, true, sparse == 1);
                    double limit = share == 4 ? SparseConv.GRADIENT_DENSITY : SparseConv.ADJOINT_DENSITY;
                    assertTrue(sparse == 0 || state.sparse.density(buf(ar, dy), 0, rows) <= limit,
                            "the sparse products run");
                    SplittableRandom same = new SplittableRandom(seed + 1);
                    runs[sparse] = run(ar, layer, state, random(same, dim), random(same, dim),
                            random(same, rows * in.size() + 2), random(same, rows * in.size()), dy, rdy,
                            random(same, dim), rows);
                }
                String where = in + " conv " + spec.word() + " rows " + rows + " " + layout + " " + ar.precision()
                        + " on " + blas.name();
                assertArrayEquals(runs[0].grad(), runs[1].grad(), where + " vjp parameters (accumulated)");
                assertArrayEquals(runs[0].dx(), runs[1].dx(), where + " vjp input");
                assertArrayEquals(runs[0].rgrad(), runs[1].rgrad(), where + " rvjp parameters");
                assertArrayEquals(runs[0].rdx(), runs[1].rdx(), where + " rvjp input");
                assertArrayEquals(runs[0].rdx2(), runs[1].rdx2(), where + " rvjp R(input)");
            }
        });
    }

    private static void compare(PlaneArith plain, PlaneArith fast, Shape in, LayerSpec.Conv spec, int rows, int layout,
                                long seed, double tol, String where) {
        int weights = spec.filters() * spec.kernelSize(in);
        int dim = 3 + weights + spec.filters() + 2;
        ConvLayer layer = new ConvLayer(in, spec, 3, 3 + weights);
        Shape out = layer.out;
        Object ref = layer.newState(plain, rows);
        assertTrue(!(ref instanceof ShiftConv.State), "plain loops take im2col");
        assertTrue(fast.shiftKernels(), "the back-end under test runs the shifted-row kernels");
        Object state = new ShiftConv.State(fast, new ShiftPlan(in, spec, 3, 3 + weights), rows, (layout & 1) != 0,
                ShiftPlan.Gradient.values()[layout >> 2], (layout & 2) != 0, false);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] theta = random(rnd, dim);
        double[] v = random(rnd, dim);
        double[] x = random(rnd, rows * in.size() + 2);
        double[] rx = random(rnd, rows * in.size());
        double[] dy = random(rnd, rows * out.size());
        double[] rdy = random(rnd, rows * out.size());
        double[] seedOut = random(rnd, dim);
        Run a = run(plain, layer, ref, theta, v, x, rx, dy, rdy, seedOut, rows);
        Run b = run(fast, layer, state, theta, v, x, rx, dy, rdy, seedOut, rows);
        close(a.y, b.y, tol, where + " value");
        close(a.ry, b.ry, tol, where + " tangent");
        close(a.ry0, b.ry0, tol, where + " tangent without R(x)");
        close(a.grad, b.grad, tol, where + " vjp parameters");
        close(a.dx, b.dx, tol, where + " vjp input");
        close(a.rgrad, b.rgrad, tol, where + " rvjp parameters");
        close(a.rdx, b.rdx, tol, where + " rvjp input");
        close(a.rdx2, b.rdx2, tol, where + " rvjp R(input)");
    }

    /** Everything one layer computes for one set of inputs. */
    private record Run(double[] y, double[] ry, double[] ry0, double[] grad, double[] dx, double[] rgrad,
                       double[] rdx, double[] rdx2) {
    }

    private static Run run(Arith ar, ConvLayer layer, Object state, double[] theta, double[] v, double[] x,
                           double[] rx, double[] dy, double[] rdy, double[] seedOut, int rows) {
        Pass p = new Pass(ar);
        Buf th = buf(ar, theta);
        Buf vv = buf(ar, v);
        p.theta.d = th.d;
        p.theta.f = th.f;
        p.v.d = vv.d;
        p.v.f = vv.f;
        p.rows = rows;
        p.kind = PassKind.HESSIAN;
        int inSize = layer.in.size() * rows;
        int outSize = layer.out.size() * rows;
        Buf xb = buf(ar, x);
        Buf y = ar.alloc(outSize);
        layer.value(p, xb, 2, y, state);
        Buf ry = ar.alloc(outSize);
        layer.tangent(p, xb, 2, buf(ar, rx), ry, state);
        Buf ry0 = ar.alloc(outSize);
        layer.tangent(p, xb, 2, null, ry0, state);
        p.out = buf(ar, seedOut);
        p.accumulate = true;
        Buf dx = ar.alloc(inSize);
        layer.vjp(p, xb, 2, buf(ar, dy), dx, state);
        double[] grad = values(p.out);
        p.out = ar.alloc(theta.length);
        p.accumulate = false;
        Buf rdx = ar.alloc(inSize);
        Buf rdx2 = ar.alloc(inSize);
        layer.rvjp(p, xb, 2, buf(ar, rx), buf(ar, dy), buf(ar, rdy), rdx, rdx2, state);
        return new Run(values(y), values(ry), values(ry0), grad, values(dx), values(p.out), values(rdx), values(rdx2));
    }

    private static Buf buf(Arith ar, double[] values) {
        Buf b = ar.alloc(values.length);
        for (int i = 0; i < values.length; i++) {
            b.set(i, values[i]);
        }
        return b;
    }

    private static double[] values(Buf b) {
        double[] v = new double[b.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.get(i);
        }
        return v;
    }

    private static double[] random(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return v;
    }

    private static void close(double[] want, double[] got, double tol, String what) {
        assertEquals(want.length, got.length, what);
        double scale = 1;
        for (double w : want) {
            scale = Math.max(scale, Math.abs(w));
        }
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], tol * scale, what + " entry " + i);
        }
    }
}
