package org.oneneuron.bench;

/**
 * A GEMM shape parsed from "MxNxK:layout" (layout nn, nt, tn or tt: op(A), op(B) transposed or
 * not). op(A) is m×k and op(B) k×n, stored densely row-major.
 */
public record GemmShape(int m, int n, int k, boolean transA, boolean transB) {

    public GemmShape {
        if (m < 1 || n < 1 || k < 1) {
            throw new IllegalArgumentException("GEMM shape needs positive sizes, got " + m + "x" + n + "x" + k);
        }
    }

    /** Parses "569x64x30:nt". */
    public static GemmShape parse(String text) {
        String[] parts = text.split(":");
        String[] dims = parts[0].split("x");
        if (dims.length != 3 || parts.length != 2 || !parts[1].matches("[nt][nt]")) {
            throw new IllegalArgumentException("GEMM shape '" + text + "': expected MxNxK:layout, e.g. 569x64x30:nt");
        }
        return new GemmShape(Integer.parseInt(dims[0]), Integer.parseInt(dims[1]), Integer.parseInt(dims[2]),
                parts[1].charAt(0) == 't', parts[1].charAt(1) == 't');
    }

    /** Row stride of the stored A: k for A, m for Aᵀ stored k×m. */
    public int lda() {
        return transA ? m : k;
    }

    /** Row stride of the stored B: n for B, k for Bᵀ stored n×k. */
    public int ldb() {
        return transB ? k : n;
    }

    /** Floating-point operations of one product, 2·m·n·k. */
    public double flops() {
        return 2.0 * m * n * k;
    }
}
