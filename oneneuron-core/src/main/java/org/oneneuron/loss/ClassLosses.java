package org.oneneuron.loss;

/** Helpers of the class-index losses. */
final class ClassLosses {

    private ClassLosses() {
    }

    /** The class index t as an int, checked to lie in 0..k-1. */
    static int index(double t, int k) {
        int c = (int) t;
        if (c != t || c < 0 || c >= k) {
            throw new IllegalArgumentException("class target " + t + " is not an index in 0.." + (k - 1));
        }
        return c;
    }
}
