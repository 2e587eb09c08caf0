package org.oneneuron.loss;

/**
 * The quadratically smoothed hinge (Rennie and Srebro 2005) in the margin variable z = -y·f:
 * ℓ(z) = 0 for z ≤ -1, ½(z + 1)² for -1 < z < 0, z + ½ for z ≥ 0; ℓ' = 0, z + 1, 1;
 * ℓ'' = 0, 1, 0 (ℓ'' = 1 on the open interval only). It is C¹ but not C², so like the
 * squared hinge only the proof's first-order part holds.
 */
public record SmoothHinge() implements MarginLoss {

    @Override
    public double value(double z) {
        if (z <= -1) {
            return 0;
        }
        double t = z + 1;
        return z < 0 ? 0.5 * t * t : z + 0.5;
    }

    @Override
    public double d1(double z) {
        if (z <= -1) {
            return 0;
        }
        return z < 0 ? z + 1 : 1;
    }

    @Override
    public double d2(double z) {
        return z > -1 && z < 0 ? 1 : 0;
    }

    @Override
    public boolean satisfiesAssumption1() {
        return false;
    }

    /** ℓ = 0 for every z ≤ -1. */
    @Override
    public boolean attainsMinimum() {
        return true;
    }

    @Override
    public String word() {
        return "smooth-hinge";
    }

    @Override
    public String description() {
        return "quadratically smoothed hinge: non-decreasing, minimizers z <= -1, but only C¹ "
                + "(ℓ'' jumps at z = -1 and z = 0): first-order part of the proof only";
    }
}
