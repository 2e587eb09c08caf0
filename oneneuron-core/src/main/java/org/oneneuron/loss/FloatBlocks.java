package org.oneneuron.loss;

/** θ rounded to float for the float32 objective: a separate loop the JIT vectorizes. */
final class FloatBlocks {

    private FloatBlocks() {
    }

    /** to[k] = (float) from[k]. */
    static void narrow(double[] from, float[] to) {
        for (int k = 0; k < to.length; k++) {
            to[k] = (float) from[k];
        }
    }
}
