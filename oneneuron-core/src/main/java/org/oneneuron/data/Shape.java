package org.oneneuron.data;

import java.io.Serializable;

/**
 * The shape of one sample as it flows through a network: channels × height × width, stored
 * row-major in PyTorch's (channel, row, column) order. A feature vector of length d is d×1×1.
 * Serializable, as part of a {@link Dataset} sent to a cluster's executors.
 *
 * @param channels C, at least 1
 * @param height   H, at least 1
 * @param width    W, at least 1
 */
public record Shape(int channels, int height, int width) implements Serializable {

    public Shape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("a shape needs positive sizes, got " + channels + "x"
                    + height + "x" + width);
        }
        if ((long) channels * height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + channels + "x" + height + "x" + width
                    + " has more than 2^31 values");
        }
    }

    /** A flat feature vector of length d. */
    public static Shape vector(int d) {
        return new Shape(d, 1, 1);
    }

    /**
     * Parses {@code C×H×W} written {@code 1x28x28} (also {@code 28x28} for one channel and
     * {@code 30} for a vector).
     */
    public static Shape parse(String text) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x", -1);
        if (parts.length < 1 || parts.length > 3) {
            throw new IllegalArgumentException("shape '" + text + "': expected CxHxW, HxW or D");
        }
        int[] v = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("shape '" + text + "': '" + parts[i]
                        + "' is not a whole number", e);
            }
            if (v[i] < 1) {
                throw new IllegalArgumentException("shape '" + text + "': sizes must be positive");
            }
        }
        return switch (v.length) {
            case 1 -> vector(v[0]);
            case 2 -> new Shape(1, v[0], v[1]);
            default -> new Shape(v[0], v[1], v[2]);
        };
    }

    /** C·H·W, the number of values per sample. */
    public int size() {
        return channels * height * width;
    }

    /** True for a flat vector (H = W = 1). */
    public boolean isVector() {
        return height == 1 && width == 1;
    }

    /** H·W, the positions per channel. */
    public int area() {
        return height * width;
    }

    @Override
    public String toString() {
        return isVector() ? Integer.toString(channels) : channels + "x" + height + "x" + width;
    }
}
