package org.oneneuron.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands' machine-readable output: one JSON object per command, keys in insertion order,
 * snake_case (docs/JSON.md). Non-finite doubles (NaN, ±Inf) become null, since JSON has no such
 * numbers.
 */
public final class Json {

    /** Version of the JSON output contract; bumped when a key changes meaning or disappears. */
    public static final int SCHEMA_VERSION = 2;

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** A new ordered object that starts with {@code schema_version} and {@code command}. */
    public static Map<String, Object> object(String command) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("schema_version", SCHEMA_VERSION);
        map.put("command", command);
        return map;
    }

    /** Writes {@code value} as indented JSON followed by a newline, and flushes. */
    public static void print(PrintWriter out, Object value) {
        out.println(toJson(value));
        out.flush();
    }

    /** The JSON text of {@code value} (maps, lists, records of numbers and strings). */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(finite(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass(), e);
        }
    }

    private static Object finite(Object value) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        if (value instanceof Float f && !Float.isFinite(f)) {
            return null;
        }
        if (value instanceof double[] array) {
            List<Object> list = new ArrayList<>(array.length);
            for (double v : array) {
                list.add(finite(v));
            }
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, finite(v)));
            return copy;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>(collection.size());
            collection.forEach(v -> list.add(finite(v)));
            return list;
        }
        return value;
    }
}
