package org.oneneuron.data;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A data set that ships with the library, as {@code oneneuron datasets} lists it.
 *
 * @param name        what {@link Datasets#builtin(String)} accepts, e.g. "moons"
 * @param description one line: what it is, its size, where it comes from
 * @param parameters  the parameters a spec "name:key=value,..." may set, with their defaults, in
 *                    display order; empty for fixed data sets
 */
public record BuiltinDataset(String name, String description, Map<String, String> parameters) {

    public BuiltinDataset {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** e.g. "moons:n=200,noise=0.1,seed=0", or the bare name when there are no parameters. */
    public String defaultSpec() {
        if (parameters.isEmpty()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name).append(':');
        parameters.forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == ':' ? "" : ",").append(k)
                .append('=').append(v));
        return sb.toString();
    }
}
