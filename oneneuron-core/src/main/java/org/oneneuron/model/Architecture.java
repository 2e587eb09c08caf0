package org.oneneuron.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The compact architecture string of {@code --arch}: layer words separated by commas, e.g.
 * {@code conv:8x5x5,relu,maxpool:2,conv:16x5x5,relu,maxpool:2,flatten,dense:64,relu,dense:1}.
 *
 * <table>
 *   <caption>words</caption>
 *   <tr><th>word</th><th>layer</th></tr>
 *   <tr><td>{@code dense:U}</td><td>fully connected, U units (input must be flat)</td></tr>
 *   <tr><td>{@code conv:FxKHxKW[:sS][:pP]} or {@code conv:FxK}</td><td>F filters of KH×KW, stride S (1), zero padding P (0)</td></tr>
 *   <tr><td>{@code maxpool:K[:sS]}, {@code avgpool:K[:sS]}</td><td>K×K windows, stride S (K)</td></tr>
 *   <tr><td>{@code flatten}</td><td>C×H×W to a vector</td></tr>
 *   <tr><td>{@code relu}, {@code leaky_relu:S}, {@code tanh}, {@code sigmoid}, {@code softplus}, {@code elu}, {@code linear}</td><td>activation</td></tr>
 *   <tr><td>{@code layernorm}</td><td>layer normalization over the whole sample</td></tr>
 *   <tr><td>{@code res(…)}</td><td>residual block x + body(x), the body in the same words</td></tr>
 * </table>
 *
 * Batch normalization in training mode couples the samples of a batch (a sample's output, and
 * so the loss, would depend on which samples share its batch; the objective would no longer be
 * a sum over samples) and dropout is random (no fixed objective to differentiate twice); both are
 * refused with that reason.
 */
public final class Architecture {

    private Architecture() {
    }

    /** Parses a comma-separated list of layer words. */
    public static List<LayerSpec> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty architecture; expected layer words such as dense:16,relu,dense:1");
        }
        List<LayerSpec> layers = new ArrayList<>();
        for (String word : split(text)) {
            layers.add(parseWord(word));
        }
        return List.copyOf(layers);
    }

    /** The words of layers joined by commas: {@link #parse} reads it back. */
    public static String words(List<LayerSpec> layers) {
        StringBuilder s = new StringBuilder();
        for (LayerSpec l : layers) {
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(l.word());
        }
        return s.toString();
    }

    /** Splits on the commas that are not inside parentheses. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth < 0) {
                    throw new IllegalArgumentException("architecture '" + text + "': unbalanced ')' at position " + (i + 1));
                }
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("architecture '" + text + "': a '(' is never closed");
        }
        parts.add(text.substring(start).trim());
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).isEmpty()) {
                throw new IllegalArgumentException("architecture '" + text + "': layer " + (i + 1) + " is empty");
            }
        }
        return parts;
    }

    private static LayerSpec parseWord(String raw) {
        String word = raw.toLowerCase(Locale.ROOT);
        if (word.startsWith("res(") && word.endsWith(")")) {
            return new LayerSpec.Residual(parse(raw.substring(4, raw.length() - 1)));
        }
        String[] parts = word.split(":", -1);
        String head = parts[0];
        try {
            return switch (head) {
                case "dense", "linear_layer", "fc" -> new LayerSpec.Dense(number(parts, 1, raw));
                case "conv", "conv2d" -> conv(parts, raw);
                case "maxpool", "avgpool" -> pool(head.equals("maxpool"), parts, raw);
                case "flatten" -> {
                    noOptions(parts, raw);
                    yield new LayerSpec.Flatten();
                }
                case "layernorm" -> {
                    noOptions(parts, raw);
                    yield new LayerSpec.LayerNorm();
                }
                case "batchnorm", "bn" -> throw new IllegalArgumentException("'" + raw + "' is not supported: "
                        + "batch normalization in training mode couples the samples of a batch, so the loss "
                        + "is no longer a sum over samples; use layernorm");
                case "dropout" -> throw new IllegalArgumentException("'" + raw + "' is not supported: "
                        + "dropout is random, so there is no fixed objective to differentiate twice");
                default -> new LayerSpec.Act(Activation.parse(raw));
            };
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("unknown activation")) {
                throw new IllegalArgumentException("unknown layer '" + raw + "'; expected dense:U, conv:FxKHxKW, "
                        + "maxpool:K, avgpool:K, flatten, layernorm, res(...) or an activation "
                        + "(relu, leaky_relu:S, tanh, sigmoid, softplus, elu, linear)", e);
            }
            throw e;
        }
    }

    private static LayerSpec conv(String[] parts, String raw) {
        if (parts.length < 2) {
            throw new IllegalArgumentException("layer '" + raw + "': expected conv:FILTERSxKHxKW (e.g. conv:8x5x5)");
        }
        String[] dims = parts[1].split("x", -1);
        if (dims.length != 2 && dims.length != 3) {
            throw new IllegalArgumentException("layer '" + raw + "': expected conv:FILTERSxKHxKW or conv:FILTERSxK");
        }
        int filters = whole(dims[0], raw);
        int kh = whole(dims[1], raw);
        int kw = dims.length == 3 ? whole(dims[2], raw) : kh;
        int stride = 1;
        int padding = 0;
        for (int i = 2; i < parts.length; i++) {
            if (parts[i].startsWith("s")) {
                stride = whole(parts[i].substring(1), raw);
            } else if (parts[i].startsWith("p")) {
                padding = whole(parts[i].substring(1), raw);
            } else {
                throw new IllegalArgumentException("layer '" + raw + "': unknown option '" + parts[i]
                        + "'; expected sSTRIDE or pPADDING");
            }
        }
        return new LayerSpec.Conv(filters, kh, kw, stride, padding);
    }

    private static LayerSpec pool(boolean max, String[] parts, String raw) {
        int size = number(parts, 1, raw);
        int stride = size;
        for (int i = 2; i < parts.length; i++) {
            if (!parts[i].startsWith("s")) {
                throw new IllegalArgumentException("layer '" + raw + "': unknown option '" + parts[i]
                        + "'; expected sSTRIDE");
            }
            stride = whole(parts[i].substring(1), raw);
        }
        return new LayerSpec.Pool(max, size, stride);
    }

    private static int number(String[] parts, int i, String raw) {
        if (parts.length <= i) {
            throw new IllegalArgumentException("layer '" + raw + "': expected " + parts[0] + ":NUMBER");
        }
        if (parts.length > i + 1 && !parts[0].endsWith("pool")) {
            throw new IllegalArgumentException("layer '" + raw + "': too many ':' parts");
        }
        return whole(parts[i], raw);
    }

    private static void noOptions(String[] parts, String raw) {
        if (parts.length > 1) {
            throw new IllegalArgumentException("layer '" + raw + "' takes no options");
        }
    }

    private static int whole(String s, String raw) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("layer '" + raw + "': '" + s + "' is not a whole number", e);
        }
    }
}
