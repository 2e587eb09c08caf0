package org.oneneuron.linalg;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The Vector API's preferred width, read without the jdk.incubator.vector module from the JVM's
 * own flags (HotSpot's diagnostic MXBean), so that the scalar back-end can reproduce the vector
 * kernels of the same JVM started with the module. HotSpot sizes vectors by the widest byte
 * vector C2 supports: on x86 16 bytes with AVX or SSE, 32 with AVX2, 64 with AVX-512 (32 when the
 * CPU lacks AVX-512BW), never above MaxVectorSize; on AArch64 16 bytes (NEON) or the SVE length.
 * Empty when the flags cannot be read (another JVM) or the width is not 128, 256 or 512 bits.
 * A test started with the module checks the answer against DoubleVector.SPECIES_PREFERRED.
 */
final class VectorWidthProbe {

    private VectorWidthProbe() {
    }

    static OptionalInt preferredBits() {
        try {
            Class<?> type = Class.forName("com.sun.management.HotSpotDiagnosticMXBean");
            Object bean = ManagementFactory.getPlatformMXBean(type.asSubclass(
                    java.lang.management.PlatformManagedObject.class));
            if (bean == null) {
                return OptionalInt.empty();
            }
            long maxBytes = flag(type, bean, "MaxVectorSize");
            String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
            long bytes;
            if (arch.equals("amd64") || arch.equals("x86_64")) {
                long avx = flag(type, bean, "UseAVX");
                bytes = avx >= 3 ? (cpuHas("avx512bw") ? 64 : 32) : avx == 2 ? 32 : 16;
            } else if (arch.equals("aarch64")) {
                long sve = flagOr(type, bean, "UseSVE", 0);
                bytes = sve > 0 ? maxBytes : 16;
            } else {
                return OptionalInt.empty();
            }
            int bits = (int) Math.min(bytes, maxBytes) * 8;
            return bits == 128 || bits == 256 || bits == 512 ? OptionalInt.of(bits) : OptionalInt.empty();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return OptionalInt.empty();
        }
    }

    private static long flag(Class<?> type, Object bean, String name) throws ReflectiveOperationException {
        Object option = type.getMethod("getVMOption", String.class).invoke(bean, name);
        String value = (String) option.getClass().getMethod("getValue").invoke(option);
        return Long.parseLong(value.trim());
    }

    private static long flagOr(Class<?> type, Object bean, String name, long fallback) {
        try {
            return flag(type, bean, name);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return fallback;
        }
    }

    /** True when /proc/cpuinfo lists the flag, or when it cannot be read (assume the common case). */
    private static boolean cpuHas(String cpuFlag) {
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(info)) {
            return true;
        }
        try {
            for (String line : Files.readAllLines(info)) {
                if (line.startsWith("flags")) {
                    return (" " + line.substring(line.indexOf(':') + 1) + " ").contains(" " + cpuFlag + " ");
                }
            }
            return true;
        } catch (IOException e) {
            return true;
        }
    }
}
