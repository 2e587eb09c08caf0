package org.oneneuron.linalg;

/**
 * Chooses the process-wide {@link Blas} back-end. Placeholder that always answers the plain
 * kernel; the linalg work replaces it with detection of the Vector API and OpenBLAS.
 */
public final class Backends {

    private Backends() {
    }

    /** The active back-end. */
    public static Blas active() {
        return PlainBlas.INSTANCE;
    }
}
