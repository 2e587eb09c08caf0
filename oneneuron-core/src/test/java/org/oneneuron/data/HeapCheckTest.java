package org.oneneuron.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeapCheckTest {

    @TempDir
    Path dir;

    @Test
    void refusesWithTheSizeTheNeedTheLimitAndTheFix() {
        long mb = 1L << 20;
        HeapCheck.require("big.csv", 1000, 100, "counted", HeapCheck.TEXT_COPIES, 64 * mb);
        HeapLimitException e = assertThrows(HeapLimitException.class,
                () -> HeapCheck.require("big.csv", 100_000, 100, "counted", HeapCheck.TEXT_COPIES, 256 * mb));
        assertEquals("big.csv: 100,000 samples x 100 features (counted) take 77 MB as doubles; reading and"
                + " training them need about 436 MB of heap, but the Java heap is limited to 256 MB. Raise the"
                + " limit: ONENEURON_JAVA_OPTS=-Xmx512m (the machine needs that much free memory), or use a"
                + " subset of the data", e.getMessage());
        HeapLimitException generated = assertThrows(HeapLimitException.class,
                () -> Datasets.builtin("blobs:n=100000000,d=1000"));
        assertTrue(generated.getMessage().startsWith("built-in 'blobs:n=100000000,d=1000': 100,000,000 samples x"
                + " 1,000 features (from its parameters)"), generated.getMessage());
        assertEquals("2g", HeapCheck.xmx(1100 * mb));
        assertEquals("1.5 GB", HeapCheck.size(1536 * mb));
    }

    @Test
    void textSizesAreEstimatedFromTheHeadAndTheFileSize() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder csv = new StringBuilder("a,b,c,label\n");
        for (int i = 0; i < 6_000; i++) {
            csv.append(String.format(Locale.ROOT, "%.4f,%.2f,%d,%s%n", random.nextGaussian(),
                    100 * random.nextDouble(), random.nextInt(1000), random.nextBoolean() ? "yes" : "no"));
        }
        Path file = Files.writeString(dir.resolve("t.csv"), csv);
        DataSize.Estimate e = DataSize.of(file, DataSize.Format.CSV, ReadOptions.defaults()).orElseThrow();
        assertEquals(3, e.d());
        assertTrue(!e.exact() && Math.abs(e.n() - 6_000) < 300, "n within 5%: " + e);

        Path small = Files.writeString(dir.resolve("s.svm"), "# c\n1 1:0.5 9:2\n-1 3:1\n");
        assertEquals(new DataSize.Estimate(2, 9, true),
                DataSize.of(small, DataSize.Format.LIBSVM, ReadOptions.defaults()).orElseThrow());
        Path arff = Files.writeString(dir.resolve("a.arff"), "@relation r\n@attribute x numeric\n"
                + "@attribute y numeric\n@attribute class {a,b}\n@data\n1,2,a\n3,4,b\n5,6,a\n");
        assertEquals(new DataSize.Estimate(3, 2, true),
                DataSize.of(arff, DataSize.Format.ARFF, ReadOptions.defaults()).orElseThrow());
    }
}
