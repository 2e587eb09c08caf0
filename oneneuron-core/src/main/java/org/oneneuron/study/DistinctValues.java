package org.oneneuron.study;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** A study's lists hold each value once: a list crosses its values, so a repeat would repeat runs. */
final class DistinctValues {

    private DistinctValues() {
    }

    /**
     * Refuses a value listed twice: a list crosses its values, so the same value again would run
     * the same runs again. Values compare by key (the canonical spelling of a word).
     */
    static <T> void once(String key, List<T> values, Function<T, Object> canonical) {
        Set<Object> seen = new HashSet<>();
        for (T value : values) {
            Object k = canonical.apply(value);
            if (!seen.add(k)) {
                throw new IllegalArgumentException(key + " lists '" + k + "' twice: a list crosses its values"
                        + " with the others, so a value listed again would run the same runs again; list each value"
                        + " once");
            }
        }
    }

    /** A word in its canonical spelling; as given when it does not parse (the run function refuses it). */
    static String canonical(String word, Function<String, String> parse) {
        try {
            return parse.apply(word);
        } catch (IllegalArgumentException e) {
            return word;
        }
    }
}
