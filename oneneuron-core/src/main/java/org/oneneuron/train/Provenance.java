package org.oneneuron.train;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Properties;
import org.oneneuron.linalg.Backends;

/**
 * Where a result came from (STYLE habit 8): with the same seed, config, JDK, BLAS back-end and
 * thread count a run reproduces θ bit for bit.
 *
 * @param seed           the run's seed
 * @param config         the full training config
 * @param libraryVersion OneNeuron's version (from the build; {@value #UNKNOWN_VERSION} when the
 *                       resource is missing)
 * @param javaVersion    {@code java.version}
 * @param vmName         {@code java.vm.name}
 * @param osArch         {@code os.arch}
 * @param blasBackend    {@code Backends.active().name()}
 * @param vectorBits     preferred Vector API width in bits, 0 when jdk.incubator.vector is absent
 * @param threads        threads the objective was allowed
 */
public record Provenance(long seed, TrainConfig config, String libraryVersion, String javaVersion,
                         String vmName, String osArch, String blasBackend, int vectorBits,
                         int threads) {

    /** Version reported when the filtered version resource cannot be read. */
    public static final String UNKNOWN_VERSION = "0.1.0-SNAPSHOT";

    public Provenance {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(vmName, "vmName");
        Objects.requireNonNull(osArch, "osArch");
        Objects.requireNonNull(blasBackend, "blasBackend");
    }

    /** The provenance of a run with this config in this JVM. */
    public static Provenance capture(TrainConfig config) {
        return new Provenance(config.seed(), config, currentLibraryVersion(),
                System.getProperty("java.version", ""), System.getProperty("java.vm.name", ""),
                System.getProperty("os.arch", ""), Backends.active().name(), currentVectorBits(),
                config.threads());
    }

    /** The version written into the jar by the build's resource filtering (read once per JVM). */
    public static String currentLibraryVersion() {
        return Constants.VERSION;
    }

    /** DoubleVector.SPECIES_PREFERRED.vectorBitSize(); see {@link #currentVectorBits}. */
    private static int probeVectorBits() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return org.oneneuron.linalg.Backends.vectorBitSize();
        }
        try {
            Class<?> vector = Class.forName("jdk.incubator.vector.DoubleVector");
            Object species = vector.getField("SPECIES_PREFERRED").get(null);
            Class<?> speciesType = Class.forName("jdk.incubator.vector.VectorSpecies");
            return (Integer) speciesType.getMethod("vectorBitSize").invoke(species);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return 0;
        }
    }

    /** What a JVM's runs share, looked up on first use (a resource read and reflection per run before). */
    private static final class Constants {
        static final String VERSION = readVersion();
        static final int VECTOR_BITS = probeVectorBits();

        private Constants() {
        }
    }

    private static String readVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return UNKNOWN_VERSION;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", UNKNOWN_VERSION);
            return v.startsWith("${") ? UNKNOWN_VERSION : v;
        } catch (IOException e) {
            return UNKNOWN_VERSION;
        }
    }

    /**
     * DoubleVector.SPECIES_PREFERRED.vectorBitSize(), asked reflectively so that this class loads
     * on a JVM started without {@code --add-modules jdk.incubator.vector}; without the module, the
     * width the scalar twin of the vector kernels reproduces ({@code vector-api-scalar}), else 0.
     */
    public static int currentVectorBits() {
        return Constants.VECTOR_BITS;
    }
}
