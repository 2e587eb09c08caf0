package org.oneneuron.linalg;

/** A back-end built on SIMD registers reports their width; free of Vector API types. */
interface VectorWidth {

    /** Bits per vector register the kernels use, e.g. 512 with AVX-512. */
    int vectorBitSize();

    /** The core's measured fused multiply-add peak in GFLOP/s, float32 or float64 lanes. */
    double fmaPeakGflops(boolean single);
}
