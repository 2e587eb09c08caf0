package org.oneneuron.tribuo;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.Regressor;

/**
 * A single-output regressor trained by {@link OneNeuronRegressionTrainer}: predicts f~(x) in the
 * target's units (μ + σ·f~ for a network trained on standardized targets, the default).
 */
public final class OneNeuronRegressionModel extends Model<Regressor> {

    private static final long serialVersionUID = 1L;

    private final NetworkState state;
    private final String dimension;

    OneNeuronRegressionModel(String name, ModelProvenance provenance, ImmutableFeatureMap features,
                             ImmutableOutputInfo<Regressor> outputs, NetworkState state, String dimension) {
        super(name, provenance, features, outputs, false);
        this.state = state;
        this.dimension = dimension;
    }

    @Override
    public Prediction<Regressor> predict(Example<Regressor> example) {
        return innerPredict(List.of(example)).get(0);
    }

    @Override
    protected List<Prediction<Regressor>> innerPredict(Iterable<Example<Regressor>> examples) {
        List<Example<Regressor>> rows = new ArrayList<>();
        examples.forEach(rows::add);
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).iterator().hasNext()) {
                throw new IllegalArgumentException("example " + i + " has no features");
            }
        }
        double[] f = state.scores(TribuoRows.matrix(rows, featureIDMap), rows.size());
        List<Prediction<Regressor>> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(new Prediction<>(new Regressor(dimension, f[i]), rows.get(i).size(), rows.get(i)));
        }
        return out;
    }

    /** The trained network, its scalings included. */
    NetworkState state() {
        return state;
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Map.of(ALL_OUTPUTS, FirstLayerWeights.ranked(state, featureIDMap, n));
    }

    @Override
    public Optional<Excuse<Regressor>> getExcuse(Example<Regressor> example) {
        return Optional.empty();
    }

    @Override
    protected OneNeuronRegressionModel copy(String newName, ModelProvenance newProvenance) {
        return new OneNeuronRegressionModel(newName, newProvenance, featureIDMap, outputIDInfo, state, dimension);
    }

    @Override
    public String toString() {
        return "OneNeuronRegressionModel(" + state.spec() + ", output " + dimension + ")";
    }
}
