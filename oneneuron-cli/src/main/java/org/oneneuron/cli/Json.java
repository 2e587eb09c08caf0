package org.oneneuron.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oneneuron.io.JsonText;

/**
 * The commands' machine-readable output: one JSON object per command, keys in insertion order,
 * snake_case (docs/JSON.md). Non-finite doubles (NaN, ±Inf) become null, since JSON has no such
 * numbers.
 */
public final class Json {

    /** Version of the JSON output contract; bumped when a key changes meaning or disappears. */
    public static final int SCHEMA_VERSION = 2;

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

    /**
     * The JSON text of {@code value}: maps with string keys, collections, arrays, strings,
     * characters, booleans, numbers, enum constants (their names) and null (what every command
     * prints), written by the streaming generator ({@link JsonText}: the text an ObjectMapper with
     * INDENT_OUTPUT writes for them, without building one).
     *
     * @throws IllegalArgumentException for any other value (a record, say): a programming error
     */
    public static String toJson(Object value) {
        return JsonText.of(out -> write(out, value));
    }

    /** Writes {@code value}, non-finite numbers as null. */
    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Double d) {
            if (Double.isFinite(d)) {
                out.writeNumber(d);
            } else {
                out.writeNull();
            }
        } else if (value instanceof Float f) {
            if (Float.isFinite(f)) {
                out.writeNumber(f);
            } else {
                out.writeNull();
            }
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            out.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            out.writeNumber(i);
        } else if (value instanceof Enum<?> e) { // as the mapper writes one: its name
            out.writeString(e.name());
        } else if (value instanceof Character c) {
            out.writeString(c.toString());
        } else if (value instanceof double[] array) {
            out.writeStartArray();
            for (double v : array) {
                write(out, v);
            }
            out.writeEndArray();
        } else if (value instanceof int[] array) {
            out.writeArray(array, 0, array.length);
        } else if (value instanceof long[] array) {
            out.writeArray(array, 0, array.length);
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("a JSON key must be a string, not " + e.getKey());
                }
                out.writeFieldName(key);
                write(out, e.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Collection<?> || value instanceof Object[]) {
            out.writeStartArray();
            for (Object v : value instanceof Object[] array ? Arrays.asList(array) : (Collection<?>) value) {
                write(out, v);
            }
            out.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a plain JSON value: " + value.getClass().getName());
        }
    }
}
