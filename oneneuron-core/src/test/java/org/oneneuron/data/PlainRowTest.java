package org.oneneuron.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.testing.Gen;
import org.oneneuron.testing.Property;

/**
 * The CSV fast path reads a row exactly as the general path (tokenizer, then {@link Numbers})
 * reads it, or declines it: same label cell, same bits in every feature; plain rows are never
 * declined, and rows the general path must judge (quotes, ragged, bad cells) always are.
 */
class PlainRowTest {

    private static final List<String> BAD_CELLS = List.of("", "NaN", "inf", "?", "1e999", "1,5", "0x10", "1e", "+",
            ".", "1.2.3", "--1", "\"2\"");

    @Test
    void theFastPathAgreesWithTheGeneralOneOrDeclines() {
        Property.forAll(300, PlainRowTest::agree);
    }

    private static void agree(Gen g) {
        SplittableRandom rng = new SplittableRandom(g.seed("seed"));
        char delimiter = g.oneOf("delimiter", List.of(',', ';', '\t'));
        int fields = g.intIn("fields", 2, 8);
        int label = g.intIn("label", 0, fields - 1);
        boolean spoil = g.bool("spoil");
        PlainRow plain = new PlainRow(delimiter, fields, label);
        CsvTokenizer tokenizer = new CsvTokenizer(delimiter);
        for (int row = 0; row < 20; row++) {
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < fields; j++) {
                if (j > 0) {
                    line.append(delimiter);
                }
                line.append(pad(rng, delimiter)).append(j == label ? labelText(rng) : number(rng))
                        .append(pad(rng, delimiter));
            }
            String text = line.toString();
            boolean spoiled = spoil && rng.nextInt(3) == 0;
            if (spoiled) {
                text = spoilt(text, delimiter, rng);
            }
            double[] fast = new double[fields - 1];
            String fastLabel = plain.parse(text, fast);
            if (!spoiled) {
                assertNotNull(fastLabel, "a plain row is declined: " + text);
            }
            if (fastLabel == null) {
                continue;
            }
            List<String> cells = tokenizer.split(text, "t.csv", 1);
            assertEquals(fields, cells.size(), text);
            assertEquals(cells.get(label), fastLabel, text);
            int k = 0;
            for (int j = 0; j < fields; j++) {
                if (j != label) {
                    double general = Numbers.parse(cells.get(j), "t.csv", 1, "c");
                    assertEquals(Double.doubleToRawLongBits(general), Double.doubleToRawLongBits(fast[k++]), text);
                }
            }
        }
    }

    @Test
    void rowsTheGeneralPathMustJudgeAreDeclined() {
        PlainRow plain = new PlainRow(',', 3, 2);
        double[] x = new double[2];
        for (String line : List.of("1,2", "1,2,a,4", "\"1\",2,a", "1,NaN,a", "1,,a", "1,2,", "1, 2 ,  ",
                "1e999,2,a", "1;2;a", "1,2,\"a\"")) {
            assertNull(plain.parse(line, x), line);
        }
        assertEquals("a b", plain.parse(" -1.5e-3 , +.25 ,  a b ", x));
        assertEquals(-1.5e-3, x[0]);
        assertEquals(0.25, x[1]);
    }

    @Test
    void unnamedTrailingFieldsMustBeEmptyOnTheFastPath() {
        PlainRow plain = new PlainRow(',', 4, 3, 2);
        double[] x = new double[2];
        assertEquals("y", plain.parse("1,2,y, ", x));
        assertEquals(1, x[0]);
        assertEquals(2, x[1]);
        for (String line : List.of("1,2,y,7", "1,2,y", "1,2,y,,")) {
            assertNull(plain.parse(line, x), line);
        }
    }

    /** Blanks around a cell (a tab only where it is not the delimiter). */
    private static String pad(SplittableRandom rng, char delimiter) {
        return switch (rng.nextInt(6)) {
            case 0 -> " ";
            case 1 -> "  ";
            case 2 -> delimiter == '\t' ? " " : "\t";
            default -> "";
        };
    }

    private static String labelText(SplittableRandom rng) {
        return switch (rng.nextInt(4)) {
            case 0 -> "1";
            case 1 -> "-1";
            case 2 -> "benign";
            default -> "class two";
        };
    }

    private static String number(SplittableRandom rng) {
        double v = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-320, 309));
        return switch (rng.nextInt(7)) {
            case 0 -> Double.toString(v);
            case 1 -> String.format(Locale.ROOT, "%.17g", v);
            case 2 -> String.format(Locale.ROOT, "%.6g", v);
            case 3 -> String.format(Locale.ROOT, "%+.3e", v).toUpperCase(Locale.ROOT);
            case 4 -> Integer.toString(rng.nextInt(-100000, 100000));
            case 5 -> "." + rng.nextInt(0, 1000);
            default -> rng.nextInt(0, 100) + ".";
        };
    }

    /** The row with one cell replaced by a bad one, a quote added, or a field added or dropped. */
    private static String spoilt(String line, char delimiter, SplittableRandom rng) {
        String[] cells = line.split(String.valueOf(delimiter), -1);
        switch (rng.nextInt(4)) {
            case 0 -> cells[rng.nextInt(cells.length)] = BAD_CELLS.get(rng.nextInt(BAD_CELLS.size()));
            case 1 -> cells[rng.nextInt(cells.length)] = "\"" + cells[0] + "\"";
            case 2 -> {
                return line + delimiter + "7";
            }
            default -> {
                return line.substring(0, line.lastIndexOf(delimiter));
            }
        }
        return String.join(String.valueOf(delimiter), cells);
    }
}
