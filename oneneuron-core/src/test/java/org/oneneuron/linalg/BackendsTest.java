package org.oneneuron.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackendsTest {

    @Test
    void vectorApiIsDetectedUnderTheTestFlags() {
        assertTrue(Backends.vectorApiAvailable(), "surefire runs with --add-modules jdk.incubator.vector");
        assertEquals("vector-api", Backends.create("vector").name());
        assertEquals("vector-api", ArrayMath.implementation());
    }

    @Test
    void autoPrefersWideVectorsThenOpenBlasThenNarrowVectors() {
        boolean openBlas = Backends.nativeLibrary().map(NativeLibraryProbe::isOpenBlas).orElse(false);
        boolean wide = ((VectorWidth) Backends.create("vector")).vectorBitSize() >= Backends.WIDE_VECTOR_BITS;
        assertEquals(wide || !openBlas ? "vector-api" : "openblas", Backends.create("auto").name());
    }

    @Test
    void plainIsThePlainKernel() {
        assertSame(PlainBlas.INSTANCE, Backends.create(" PLAIN "));
    }

    @Test
    void useSwitchesTheActiveBackendAndReportsTheWidth() {
        Blas before = Backends.active();
        try {
            Backends.use("vector");
            assertEquals("vector-api", Backends.active().name());
            int bits = Backends.vectorBitSize();
            assertTrue(bits >= 128 && Integer.bitCount(bits) == 1, "vector width " + bits);
            Backends.use("plain");
            assertEquals(0, Backends.vectorBitSize());
        } finally {
            Backends.use(before.name().equals("plain") ? "plain" : "auto");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mkl", "vectorized"})
    void unknownNamesAreRejectedWithTheName(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.create(name));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void threadCountMustBePositive(int count) {
        assertThrows(IllegalArgumentException.class, () -> Backends.setThreads(count));
    }

    @Test
    void openBlasIsRecognisedByItsPath() {
        assertTrue(NativeLibraryProbe.isOpenBlas(java.nio.file.Path.of(
                "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3")));
        assertTrue(!NativeLibraryProbe.isOpenBlas(java.nio.file.Path.of(
                "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0")));
    }
}
