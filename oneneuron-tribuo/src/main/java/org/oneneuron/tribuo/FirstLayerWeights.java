package org.oneneuron.tribuo;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.ParameterBlock;
import org.tribuo.ImmutableFeatureMap;

/** Features ranked by ‖W1[:, j]‖₂, the first layer's weights on standardized feature j. */
final class FirstLayerWeights {

    private FirstLayerWeights() {
    }

    static List<Pair<String, Double>> ranked(NetworkState state, ImmutableFeatureMap features, int n) {
        NetworkSpec spec = state.spec();
        ParameterBlock w1 = spec.layout().block("W1");
        double[] theta = state.theta();
        int d = spec.inputDim();
        List<Pair<String, Double>> all = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int r = 0; r < w1.rows(); r++) {
                double v = theta[w1.offset() + r * d + j];
                sum += v * v;
            }
            all.add(new Pair<>(features.get(j).getName(), Math.sqrt(sum)));
        }
        all.sort(Comparator.comparingDouble((Pair<String, Double> p) -> p.getB()).reversed());
        return n < 0 || n >= all.size() ? all : new ArrayList<>(all.subList(0, n));
    }
}
