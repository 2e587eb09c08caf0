package org.oneneuron.loss;

import java.util.Objects;
import org.oneneuron.data.Dataset;

/**
 * A data set's features rounded to float32 once for every float32 objective over that data set
 * (the same {@link Dataset} object): problems derived from one another (another seed, λ or special
 * neuron, as a scaffold schedule's rounds are) share one copy instead of making one each. Made on
 * first use, then read-only; safe to share between threads.
 */
public final class Float32Rows {

    private final Dataset data;
    private float[] x;

    public Float32Rows(Dataset data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    /** The data set these rows are of. */
    public Dataset data() {
        return data;
    }

    /** (float) x, row-major, made on the first call; never modified. */
    synchronized float[] x() {
        if (x == null) {
            double[] v = data.x();
            x = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                x[i] = (float) v[i];
            }
        }
        return x;
    }
}
