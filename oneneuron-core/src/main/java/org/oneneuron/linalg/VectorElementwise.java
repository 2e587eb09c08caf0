package org.oneneuron.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise kernels on the Vector API's TANH and EXP lane operators (SVML-backed intrinsics
 * where the JIT has them), scalar java.lang.Math for the tail. Same inputs give the same bits on
 * the same JDK and CPU. Public with a no-argument constructor for reflective creation only.
 */
public final class VectorElementwise implements ElementwiseKernels {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    /** For reflective creation by {@link ArrayMath}. */
    public VectorElementwise() {
    }

    @Override
    public void tanh(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        int upper = D.loopBound(n);
        for (int i = 0; i < upper; i += D.length()) {
            DoubleVector.fromArray(D, src, srcOff + i).lanewise(VectorOperators.TANH).intoArray(dst, dstOff + i);
        }
        ScalarElementwise.INSTANCE.tanh(src, srcOff + upper, dst, dstOff + upper, n - upper);
    }

    @Override
    public void exp(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        int upper = D.loopBound(n);
        for (int i = 0; i < upper; i += D.length()) {
            DoubleVector.fromArray(D, src, srcOff + i).lanewise(VectorOperators.EXP).intoArray(dst, dstOff + i);
        }
        ScalarElementwise.INSTANCE.exp(src, srcOff + upper, dst, dstOff + upper, n - upper);
    }

    @Override
    public void sigmoid(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        int upper = D.loopBound(n);
        for (int i = 0; i < upper; i += D.length()) {
            DoubleVector e = DoubleVector.fromArray(D, src, srcOff + i).neg().lanewise(VectorOperators.EXP);
            DoubleVector.broadcast(D, 1.0).div(e.add(1.0)).intoArray(dst, dstOff + i);
        }
        ScalarElementwise.INSTANCE.sigmoid(src, srcOff + upper, dst, dstOff + upper, n - upper);
    }

    @Override
    public void tanh(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector.fromArray(F, src, srcOff + i).lanewise(VectorOperators.TANH).intoArray(dst, dstOff + i);
        }
        ScalarElementwise.INSTANCE.tanh(src, srcOff + upper, dst, dstOff + upper, n - upper);
    }

    @Override
    public void exp(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector.fromArray(F, src, srcOff + i).lanewise(VectorOperators.EXP).intoArray(dst, dstOff + i);
        }
        ScalarElementwise.INSTANCE.exp(src, srcOff + upper, dst, dstOff + upper, n - upper);
    }

    @Override
    public void sigmoid(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector e = FloatVector.fromArray(F, src, srcOff + i).neg().lanewise(VectorOperators.EXP);
            FloatVector.broadcast(F, 1.0f).div(e.add(1.0f)).intoArray(dst, dstOff + i);
        }
        ScalarElementwise.INSTANCE.sigmoid(src, srcOff + upper, dst, dstOff + upper, n - upper);
    }
}
