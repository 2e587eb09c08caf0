package org.oneneuron.engine;

/**
 * A buffer of numbers in the engine's precision: exactly one of {@link #d} (float64) and
 * {@link #f} (float32) is set. Mutable so that a pass can point a workspace's buffer at the
 * caller's θ or data without allocating.
 */
public final class Buf {

    /** The float64 values, or null. */
    public double[] d;
    /** The float32 values, or null. */
    public float[] f;
    /**
     * Many-networks mode ({@link LaneArith}) only: true for a buffer every network reads alike
     * (the data), one value per element; other buffers hold one value per element and network.
     */
    boolean shared;

    Buf(double[] d) {
        this.d = d;
    }

    Buf(float[] f) {
        this.f = f;
    }

    /** A view of float64 values. */
    public static Buf of(double[] values) {
        return new Buf(values);
    }

    /** A view of float64 values that every network of a {@link LaneArith} reads alike (the data). */
    public static Buf shared(double[] values) {
        Buf b = new Buf(values);
        b.shared = true;
        return b;
    }

    /** A view of float32 values. */
    public static Buf of(float[] values) {
        return new Buf(values);
    }

    /** Number of values. */
    public int length() {
        return d != null ? d.length : f.length;
    }

    /** Value i, widened to double. */
    public double get(int i) {
        return d != null ? d[i] : f[i];
    }

    /** Sets value i (rounded to float in float32). */
    public void set(int i, double value) {
        if (d != null) {
            d[i] = value;
        } else {
            f[i] = (float) value;
        }
    }
}
