package org.oneneuron.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oneneuron.testing.Gen;
import org.oneneuron.testing.Property;

/** Data written as CSV in any supported dialect reads back to the same numbers and labels. */
class CsvRoundTripTest {
    private static final String[] DELIMITERS = {",", ";", "\t", " "};

    @Test
    void writtenCsvReadsBackExactly() {
        Property.forAll(80, CsvRoundTripTest::writeAndReadBack);
    }

    private static void writeAndReadBack(Gen g) {
        SplittableRandom rng = new SplittableRandom(g.seed("seed"));
        int d = g.intIn("d", 1, 5);
        int n = g.intIn("n", 2, 30);
        int dialect = g.intIn("dialect", 0, 3);
        boolean header = g.bool("header");
        boolean quoted = g.bool("quoted");
        boolean textLabels = g.bool("textLabels");
        String delim = DELIMITERS[dialect];
        double[] x = new double[n * d];
        double[] y = new double[n];
        StringBuilder sb = new StringBuilder();
        if (header) {
            for (int j = 0; j < d; j++) {
                sb.append(quote("feature " + j, quoted && !delim.equals(" ") || delim.equals(" "))).append(delim);
            }
            sb.append("label\n");
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-5, 6));
                x[i * d + j] = v;
                String text = rng.nextBoolean() ? Double.toString(v) : String.format(Locale.ROOT, "%.17g", v);
                sb.append(quote(text, quoted)).append(delim);
            }
            y[i] = i < 2 ? (i == 0 ? 1 : -1) : (rng.nextBoolean() ? 1 : -1);
            String label = textLabels ? (y[i] > 0 ? "sick" : "healthy") : (y[i] > 0 ? "1" : "0");
            sb.append(quote(label, quoted)).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        ReadOptions options = ReadOptions.defaults().withHeader(header ? ReadOptions.Header.YES : ReadOptions.Header.AUTO);
        Dataset ds = CsvReader.read(new ByteArrayInputStream(bytes), "rt.csv", "rt", options);
        assertEquals(d, ds.d());
        assertArrayEquals(x, ds.x());
        assertArrayEquals(y, ds.y());
        assertEquals(textLabels ? List.of("healthy", "sick") : List.of("0", "1"), ds.labelNames());
        if (header) {
            assertEquals("feature 0", ds.featureNames().get(0));
        }
    }

    private static String quote(String s, boolean quoted) {
        return quoted ? "\"" + s + "\"" : s;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"labelColumn|' '", "positive|' '", "dimension|-1", "limit|-2",
        "same|1", "delimiter|\""})
    void badOptionsNameTheValue(String field, String value) {
        ReadOptions d = ReadOptions.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            switch (field) {
                case "labelColumn" -> d.withLabelColumn(value);
                case "positive" -> d.withPositive(value);
                case "dimension" -> d.withDimension(Integer.parseInt(value));
                case "limit" -> d.withLimit(Integer.parseInt(value));
                case "same" -> d.withClasses("+1", "1.0");
                default -> d.withDelimiter(value.charAt(0));
            }
        });
        assertEquals(true, e.getMessage().contains(field.equals("same") ? "same" : value.trim()), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.withClasses("4"));
        assertEquals(ReadOptions.Header.NO, ReadOptions.Header.parse("False"));
    }
}
