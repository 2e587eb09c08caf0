package org.oneneuron.loss;

/** The θ-sized conversions of the float32 objective: separate loops the JIT vectorizes. */
final class FloatBlocks {

    private FloatBlocks() {
    }

    /** to[k] = (float) from[k]. */
    static void narrow(double[] from, float[] to) {
        for (int k = 0; k < to.length; k++) {
            to[k] = (float) from[k];
        }
    }

    /** to[k] = from[k] widened, or to[k] += from[k] when {@code add}. */
    static void widen(float[] from, double[] to, boolean add) {
        if (add) {
            for (int k = 0; k < from.length; k++) {
                to[k] += from[k];
            }
        } else {
            for (int k = 0; k < from.length; k++) {
                to[k] = from[k];
            }
        }
    }
}
