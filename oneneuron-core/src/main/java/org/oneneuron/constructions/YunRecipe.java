package org.oneneuron.constructions;

import java.util.Optional;
import java.util.OptionalDouble;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.Losses;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.ParameterLayout;

/**
 * The spurious local minimum of Yun, Sra and Jadbabaie (ICLR 2019, Theorem 1) for data no linear
 * model fits: with the least-squares affine fit β̂ᵀx + γ̂ and every hidden unit kept strictly in
 * its linear region (slope 1 for relu and leaky relu), the network computes exactly that fit, and
 * so does every nearby network (all units stay active, the net stays affine in x): the point is a
 * local minimum of ½Σ(f - t)² at the least-squares risk, spurious because the network can do
 * better. Layer 1 unit 1 carries β̂ᵀx + γ̂ + η with η = 1 - min_i(β̂ᵀx_i + γ̂) (so it is >= 1 on
 * the data); later layers relay it (weight 1); every other unit is a constant 1 (bias 1) with
 * output weight 0; the output bias is -η. Loss: {@link Losses#TARGET_SQUARED}.
 */
public final class YunRecipe {

    private static final double FIT_TOLERANCE = 1e-10;

    private YunRecipe() {
    }

    /**
     * Builds the recipe.
     *
     * @throws IllegalArgumentException when the activation is not relu-like, or a linear model
     *                                  already fits the data (then there is nothing spurious)
     */
    public static Recipe build(NetworkSpec spec, Dataset data) {
        Activation act = spec.activation();
        if (!act.hasKink()) {
            throw new IllegalArgumentException("the Yun et al. recipe needs a relu-like activation, got " + act.word());
        }
        if (spec.depth() == 0 || spec.inputDim() != data.d()) {
            throw new IllegalArgumentException("need >= 1 hidden layer and input " + data.d() + ", got depth "
                    + spec.depth() + " and input " + spec.inputDim());
        }
        double[] beta = LeastSquares.affineFit(data);
        int d = data.d();
        double[] fit = new double[data.n()];
        double min = Double.POSITIVE_INFINITY;
        double risk = 0.0;
        for (int i = 0; i < data.n(); i++) {
            double f = beta[d];
            for (int j = 0; j < d; j++) {
                f += beta[j] * data.x(i, j);
            }
            fit[i] = f;
            min = Math.min(min, f);
            risk += 0.5 * (f - data.y()[i]) * (f - data.y()[i]);
        }
        if (risk <= FIT_TOLERANCE * Math.max(1.0, data.n())) {
            throw new IllegalArgumentException("a linear model fits this data (least-squares risk " + risk
                    + "): the recipe needs data no linear model fits");
        }
        double eta = 1.0 - min;
        ParameterLayout layout = spec.layout();
        double[] theta = new double[layout.dimension()];
        for (int j = 0; j < d; j++) {
            theta[layout.weightOffset(1) + j] = beta[j];
        }
        theta[layout.biasOffset(1)] = beta[d] + eta;
        for (int r = 1; r < spec.width(1); r++) {
            theta[layout.biasOffset(1) + r] = 1.0;
        }
        for (int l = 2; l <= spec.depth(); l++) {
            theta[layout.weightOffset(l)] = 1.0;
            for (int r = 1; r < spec.width(l); r++) {
                theta[layout.biasOffset(l) + r] = 1.0;
            }
        }
        int out = spec.depth() + 1;
        theta[layout.weightOffset(out)] = 1.0;
        theta[layout.biasOffset(out)] = -eta;
        return new Recipe("yun-linear", "every hidden unit in its linear region computing the least-squares "
                + "affine fit: a spurious local minimum at the least-squares risk " + risk, data, spec,
                Losses.TARGET_SQUARED, theta, risk, Optional.empty(), OptionalDouble.empty(),
                Optional.of("Yun, Sra and Jadbabaie 2019, Theorem 1: on data no linear model fits, a point"
                        + " of the network has a lower risk than the least-squares fit"));
    }
}
