package org.oneneuron.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reads the real benchmark IDX files fetched by data/fetch-benchmarks.sh DIR (in the repository). DIR is
 * the environment variable ONENEURON_BENCH_DATA, or .bench-data at the repository root. Skipped
 * when the files are absent, except under CI=true, where absence is a failure.
 */
@Tag("slow")
class BenchDataTest {

    private static Path benchDir() {
        String env = System.getenv("ONENEURON_BENCH_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("oneneuron-core"))) {
            p = p.getParent();
        }
        return (p == null ? Path.of("") : p).resolve(".bench-data");
    }

    private static Path require(String sub) {
        Path dir = benchDir().resolve(sub);
        if (!Files.isDirectory(dir)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("benchmark data missing under " + dir + "; run fetch-benchmarks.sh " + benchDir());
            }
            Assumptions.abort("benchmark data not fetched (" + dir + ")");
        }
        return dir;
    }

    private static long count(Dataset ds, double label) {
        return Arrays.stream(ds.y()).filter(v -> v == label).count();
    }

    @Test
    void mnistFourVersusNine() {
        Path dir = require("mnist");
        Dataset train = Datasets.load(dir, ReadOptions.defaults().withClasses("4,9"));
        assertEquals(11_791, train.n());
        assertEquals(784, train.d());
        assertEquals(5_842, count(train, -1.0), "digit 4 in the training set");
        assertEquals(5_949, count(train, 1.0), "digit 9 in the training set");
        assertTrue(Arrays.stream(train.x()).allMatch(v -> v >= 0 && v <= 1));
        Dataset test = Datasets.load(dir.resolve("t10k-images-idx3-ubyte"), ReadOptions.defaults().withClasses("4,9"));
        assertEquals(1_991, test.n());
        Dataset first = Datasets.load(dir, ReadOptions.defaults().withClasses("4,9").withLimit(100));
        assertEquals(100, first.n());
        assertTrue(Arrays.equals(Arrays.copyOf(train.x(), 100 * 784), first.x()));
    }

    @Test
    void fashionMnistTShirtVersusShirtFromGzip() {
        Path dir = require("fashion-mnist");
        Dataset train = Datasets.load(dir, ReadOptions.defaults().withClasses("0,6"));
        assertEquals(12_000, train.n());
        assertEquals(6_000, count(train, 1.0));
        Dataset test = Datasets.load(dir.resolve("t10k-images-idx3-ubyte.gz"), ReadOptions.defaults().withClasses("0,6"));
        assertEquals(2_000, test.n());
    }
}
