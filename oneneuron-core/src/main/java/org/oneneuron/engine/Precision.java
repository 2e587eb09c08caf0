package org.oneneuron.engine;

import org.oneneuron.linalg.Blas;

/** The arithmetic a workspace runs in: θ stays float64 in the optimizer either way. */
public enum Precision {
    FLOAT64, FLOAT32;

    PlaneArith arith(Blas blas) {
        return this == FLOAT64 ? new F64Arith(blas) : new F32Arith(blas);
    }
}
