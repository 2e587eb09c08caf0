package org.oneneuron.linalg;

/**
 * Which products the Vector GEMMs run as blocked dot products ({@code VectorDotGemm}) instead of
 * packed panels, in a class without the Vector API so that the scalar twin
 * ({@link VectorEquivalentBlas}) can follow the same choice in a JVM without the module.
 */
final class DotGemmShape {

    private DotGemmShape() {
    }

    /** True for A·Bᵀ with at most 32 rows and a k at least 256 and four times the columns. */
    static boolean suits(boolean transA, boolean transB, int m, int n, int k) {
        return !transA && transB && m <= 32 && k >= 256 && k >= 4L * n;
    }
}
