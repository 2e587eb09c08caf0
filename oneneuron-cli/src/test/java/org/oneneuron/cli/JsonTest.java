package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The commands' JSON is written by the streaming generator; scripts that read it saw an
 * ObjectMapper's INDENT_OUTPUT text until then, and must see the same text now.
 */
class JsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theTextIsTheDataBindingMappersTextWithNonFiniteNumbersAsNull() throws Exception {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("empty_list", List.of());
        inner.put("empty_map", Map.of());
        inner.put("ints", new int[] {3, -1});
        inner.put("longs", new long[] {Long.MIN_VALUE});
        inner.put("names", new String[] {"a\"b", null, "ü"});
        Map<String, Object> value = Json.object("train");
        value.put("double", 0.1 + 0.2);
        value.put("tiny", 4.9e-324);
        value.put("float", 1.1f);
        value.put("long", 1L << 53);
        value.put("short", (short) -7);
        value.put("flag", true);
        value.put("nothing", null);
        value.put("kind", java.time.DayOfWeek.MONDAY);
        value.put("decimal", new java.math.BigDecimal("1.50"));
        value.put("big", java.math.BigInteger.TEN.pow(30));
        value.put("letter", 'x');
        value.put("figures", new double[] {1e300, -0.0, Double.NaN, Double.NEGATIVE_INFINITY});
        value.put("inner", inner);
        value.put("rows", List.of(Map.of("k", 1), inner));

        String text = Json.toJson(value);

        // What the mapper writes for the same values once non-finite numbers are null.
        Map<String, Object> expected = new LinkedHashMap<>(value);
        expected.put("figures", Arrays.asList(1e300, -0.0, null, null));
        assertEquals(MAPPER.writeValueAsString(expected), text);
        assertTrue(text.contains("\"figures\" : [ 1.0E300, -0.0, null, null ]"), text);
        assertEquals(value.size(), MAPPER.readTree(text).size());
    }

    @Test
    void aValueThatIsNotPlainIsAProgrammingErrorNotSilentText() {
        record Point(double x) {
        }
        List<Object> values = new ArrayList<>(List.of(1, new Point(2)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.toJson(values));
        assertTrue(e.getMessage().contains("Point"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.toJson(Map.of(1, "one")));
        assertThrows(IllegalArgumentException.class, () -> Json.toJson(java.util.Optional.of(1)));
    }
}
