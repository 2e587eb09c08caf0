package org.oneneuron.tribuo;

import java.util.List;
import org.oneneuron.data.DataException;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;

/**
 * Tribuo examples as the dense row-major matrix our engine reads: column j is the feature with id
 * j in the feature map (Tribuo numbers features in sorted name order); a feature an example lacks
 * is 0 (Tribuo's sparse convention); features the map does not know are ignored, as Tribuo's own
 * models do.
 */
final class TribuoRows {

    private TribuoRows() {
    }

    static double[] matrix(List<? extends Example<?>> examples, ImmutableFeatureMap features) {
        int d = features.size();
        double[] x = new double[examples.size() * d];
        for (int i = 0; i < examples.size(); i++) {
            for (Feature f : examples.get(i)) {
                int j = features.getID(f.getName());
                if (j >= 0) {
                    double v = f.getValue();
                    if (!Double.isFinite(v)) {
                        throw new DataException("tribuo example " + i, "feature '" + f.getName()
                                + "' is " + v + " (features must be finite)");
                    }
                    x[i * d + j] = v;
                }
            }
        }
        return x;
    }

    /** The feature names in column order. */
    static List<String> names(ImmutableFeatureMap features) {
        String[] names = new String[features.size()];
        for (int j = 0; j < names.length; j++) {
            names[j] = features.get(j).getName();
        }
        return List.of(names);
    }
}
