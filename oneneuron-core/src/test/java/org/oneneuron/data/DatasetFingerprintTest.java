package org.oneneuron.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Datasets#sha256}: the digest of n, d, x and y as big-endian longs and doubles, streamed. */
class DatasetFingerprintTest {

    @Test
    void theStreamedDigestIsTheDigestOfTheWholeByteSequence() throws Exception {
        for (int n : new int[] {1, 409, 410, 2000}) { // 410 × 20 doubles end just past the 64 KiB buffer
            Dataset data = random(n, 19);
            ByteBuffer all = ByteBuffer.allocate(8 * (2 + data.x().length + data.y().length));
            all.putLong(data.n()).putLong(data.d());
            for (double v : data.x()) {
                all.putDouble(v);
            }
            for (double v : data.y()) {
                all.putDouble(v);
            }
            String whole = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.array()));
            assertEquals(whole, Datasets.sha256(data), "n = " + n);
        }
    }

    @Test
    void oneChangedValueChangesTheDigest() {
        Dataset data = random(300, 5);
        double[] x = data.x().clone();
        x[777] = Math.nextUp(x[777]);
        Dataset changed = new Dataset(data.name(), x, data.y(), data.d(), data.featureNames(), data.labelNames());
        assertNotEquals(Datasets.sha256(data), Datasets.sha256(changed));
    }

    private static Dataset random(int n, int d) {
        SplittableRandom rnd = new SplittableRandom(n);
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            y[i] = i % 2 == 0 ? -1 : 1;
        }
        return new Dataset("random", x, y, d, java.util.Collections.nCopies(d, "f"), List.of("-1", "+1"));
    }
}
