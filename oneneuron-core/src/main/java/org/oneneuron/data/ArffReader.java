package org.oneneuron.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads Weka ARFF: {@code @relation}, numeric attributes ({@code numeric}, {@code real},
 * {@code integer}), one nominal or numeric class attribute ({@link ReadOptions#labelColumn()}, by
 * default the last), then {@code @data} rows, dense ({@code 1.5,2,yes}) or sparse
 * ({@code {0 1.5, 2 yes}}, 0-based indices, omitted values 0 or the first nominal value).
 * Keywords are case-insensitive, names and values may be quoted with ' or ", lines starting with
 * % are comments. Missing values ('?') are an error.
 */
public final class ArffReader {
    private ArffReader() {
    }

    private record Attribute(String name, List<String> nominal) {
        boolean isNominal() {
            return nominal != null;
        }
    }

    public static Dataset read(Path file, ReadOptions options) {
        try (InputStream in = TextLines.open(file)) {
            return read(in, file.toString(), CsvReader.fileName(file), options);
        } catch (IOException e) {
            throw new DataException(file.toString(), "cannot close: " + e.getMessage());
        }
    }

    /** Reads a stream (not closed here); {@code source} names it in messages. */
    public static Dataset read(InputStream in, String source, String name, ReadOptions options) {
        TextLines lines = new TextLines(in, source);
        List<Attribute> attributes = header(lines, source);
        String line;
        List<String> names = attributes.stream().map(Attribute::name).toList();
        int label = CsvReader.labelIndex(names, true, options.labelColumn(), source);
        String labelName = "'" + Numbers.shorten(names.get(label)) + "'";
        for (int j = 0; j < attributes.size(); j++) {
            if (j != label && attributes.get(j).isNominal()) {
                String nominal = Numbers.shorten(names.get(j));
                throw new DataException(source, 0, "'" + nominal + "'", "attribute is nominal; only the class"
                        + " attribute may be nominal" + (options.labelColumn() != null ? " (convert it to numbers)"
                        : ", and the class attribute is the last one (" + labelName + ") unless --label names"
                        + " another: if '" + nominal + "' is the class, pass --label "
                        + (nominal.matches("[\\w.-]+") ? nominal : "'" + nominal + "'") + "; else convert it to numbers"));
            }
        }
        List<String> featureNames = new ArrayList<>(names);
        featureNames.remove(label);
        LabeledRows rows = new LabeledRows(attributes.get(label).isNominal());
        double[] x = new double[attributes.size() - 1];
        while ((line = lines.next()) != null) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("%")) {
                continue;
            }
            int lineNumber = lines.lineNumber();
            String[] cells = t.startsWith("{") ? sparseCells(t, attributes, source, lineNumber)
                    : denseCells(t, attributes.size(), source, lineNumber);
            int k = 0;
            for (int j = 0; j < cells.length; j++) {
                if (j != label) {
                    x[k++] = Numbers.parse(cells[j], source, lineNumber, "'" + Numbers.shorten(names.get(j)) + "'");
                }
            }
            String value = cells[label];
            Attribute cls = attributes.get(label);
            if (value.equals("?") || value.isEmpty()) {
                throw new DataException(source, lineNumber, labelName, "missing class value");
            }
            if (cls.isNominal() && !cls.nominal().contains(value)) {
                throw new DataException(source, lineNumber, labelName, "class value '" + Numbers.shorten(value)
                        + "' is not one of the declared " + cls.nominal());
            }
            if (!cls.isNominal()) {
                Numbers.checkLabel(value, source, lineNumber, labelName);
                Numbers.parse(value, source, lineNumber, labelName); // a numeric attribute holds numbers
            }
            LabeledRows.requireRoom(source, rows.size() + 1L, x.length);
            rows.add(x, value, lineNumber);
        }
        return rows.build(name, featureNames, options, source, labelName);
    }

    /**
     * The attributes of a file as {@link #read} takes them (the class attribute as the label), from
     * its header alone: no @data row is parsed.
     */
    public static TableColumns tableColumns(Path file, ReadOptions options) {
        String source = file.toString();
        try (InputStream in = TextLines.open(file)) {
            List<String> names = header(new TextLines(in, source), source).stream().map(Attribute::name).toList();
            return new TableColumns(names, true, CsvReader.labelIndex(names, true, options.labelColumn(), source));
        } catch (IOException e) {
            throw new DataException(source, "cannot close: " + e.getMessage());
        }
    }

    /** The @attribute declarations up to @data; {@code lines} are left at the first data row. */
    private static List<Attribute> header(TextLines lines, String source) {
        List<Attribute> attributes = new ArrayList<>();
        String line;
        boolean data = false;
        while (!data && (line = lines.next()) != null) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("%")) {
                continue;
            }
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.startsWith("@relation")) {
                continue;
            } else if (lower.startsWith("@attribute")) {
                attributes.add(parseAttribute(t.substring("@attribute".length()), source, lines.lineNumber()));
            } else if (lower.equals("@data")) {
                data = true;
            } else {
                throw new DataException(source, lines.lineNumber(), null, "unexpected '" + Numbers.shorten(t)
                        + "' in the header; expected @relation, @attribute or @data");
            }
        }
        if (!data) {
            throw new DataException(source, attributes.isEmpty() ? "empty file: no @attribute and no @data"
                    : "no @data section");
        }
        if (attributes.isEmpty()) {
            throw new DataException(source, "no @attribute declared before @data");
        }
        return attributes;
    }

    private static Attribute parseAttribute(String rest, String source, int lineNumber) {
        String t = rest.trim();
        List<String> nameAndRest = splitName(t, source, lineNumber);
        String attrName = nameAndRest.get(0);
        String type = nameAndRest.get(1).trim();
        String lowerType = type.toLowerCase(Locale.ROOT);
        if (lowerType.equals("numeric") || lowerType.equals("real") || lowerType.equals("integer")) {
            return new Attribute(attrName, null);
        }
        if (type.startsWith("{") && type.endsWith("}") && type.length() >= 2) {
            List<String> values = splitValues(type.substring(1, type.length() - 1), source, lineNumber);
            if (values.isEmpty() || values.stream().anyMatch(String::isEmpty)) {
                throw new DataException(source, lineNumber, "'" + attrName + "'", "empty nominal value in " + type);
            }
            return new Attribute(attrName, values);
        }
        throw new DataException(source, lineNumber, "'" + Numbers.shorten(attrName) + "'", "type '"
                + Numbers.shorten(type) + "' is not supported; expected numeric, real, integer or {nominal values}");
    }

    /** Splits "name type" where the name may be quoted. */
    private static List<String> splitName(String t, String source, int lineNumber) {
        if (t.isEmpty()) {
            throw new DataException(source, lineNumber, null, "@attribute without a name");
        }
        char q = t.charAt(0);
        int end;
        String attrName;
        if (q == '\'' || q == '"') {
            end = t.indexOf(q, 1);
            if (end < 0) {
                throw new DataException(source, lineNumber, null, "unterminated quote in the attribute name");
            }
            attrName = t.substring(1, end);
            end++;
        } else {
            end = 0;
            while (end < t.length() && !Character.isWhitespace(t.charAt(end)) && t.charAt(end) != '{') {
                end++;
            }
            attrName = t.substring(0, end);
        }
        String type = t.substring(end).trim();
        if (type.isEmpty()) {
            throw new DataException(source, lineNumber, "'" + Numbers.shorten(attrName) + "'", "attribute has no type");
        }
        return List.of(attrName, type);
    }

    /** Comma-separated values, each optionally quoted with ' or " (backslash escapes the next char). */
    static List<String> splitValues(String s, String source, int lineNumber) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int len = s.length();
        while (true) {
            while (i < len && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            StringBuilder v = new StringBuilder();
            if (i < len && (s.charAt(i) == '\'' || s.charAt(i) == '"')) {
                char q = s.charAt(i++);
                while (true) {
                    if (i >= len) {
                        throw new DataException(source, lineNumber, String.valueOf(out.size() + 1), "unterminated quote");
                    }
                    char c = s.charAt(i++);
                    if (c == '\\' && i < len) {
                        v.append(s.charAt(i++));
                    } else if (c == q) {
                        break;
                    } else {
                        v.append(c);
                    }
                }
                while (i < len && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i < len && s.charAt(i) != ',') {
                    throw new DataException(source, lineNumber, String.valueOf(out.size() + 1),
                            "unexpected '" + s.charAt(i) + "' after a closing quote; expected ','");
                }
                out.add(v.toString());
            } else {
                int start = i;
                while (i < len && s.charAt(i) != ',') {
                    i++;
                }
                out.add(s.substring(start, i).trim());
            }
            if (i >= len) {
                return out;
            }
            i++;
        }
    }

    private static String[] denseCells(String t, int columns, String source, int lineNumber) {
        List<String> cells = splitValues(t, source, lineNumber);
        if (cells.size() != columns) {
            throw new DataException(source, lineNumber, null, "ragged row: " + cells.size() + " values, expected "
                    + columns + " (one per @attribute)");
        }
        return cells.toArray(new String[0]);
    }

    private static String[] sparseCells(String t, List<Attribute> attributes, String source, int lineNumber) {
        if (!t.endsWith("}")) {
            throw new DataException(source, lineNumber, null, "sparse row does not end with '}'");
        }
        String[] cells = new String[attributes.size()];
        for (int j = 0; j < cells.length; j++) {
            Attribute a = attributes.get(j);
            cells[j] = a.isNominal() ? a.nominal().get(0) : "0";
        }
        String inner = t.substring(1, t.length() - 1).trim();
        if (inner.isEmpty()) {
            return cells;
        }
        int previous = -1;
        for (String pair : splitValues(inner, source, lineNumber)) {
            String[] parts = pair.trim().split("\\s+", 2);
            if (parts.length != 2 || !parts[0].chars().allMatch(c -> c >= '0' && c <= '9') || parts[0].length() > 9) {
                throw new DataException(source, lineNumber, null, "bad sparse pair '" + Numbers.shorten(pair)
                        + "'; expected INDEX VALUE with a 0-based index");
            }
            int index = Integer.parseInt(parts[0]);
            if (index <= previous || index >= cells.length) {
                throw new DataException(source, lineNumber, parts[0], "sparse index " + index
                        + " must be increasing and below " + cells.length);
            }
            previous = index;
            String value = parts[1].trim();
            if (value.length() >= 2 && (value.charAt(0) == '\'' || value.charAt(0) == '"')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            cells[index] = value;
        }
        return Arrays.copyOf(cells, cells.length);
    }
}
