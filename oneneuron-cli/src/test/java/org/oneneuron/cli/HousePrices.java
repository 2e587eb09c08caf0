package org.oneneuron.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/** A regression on targets around 1e5: price = 1e5·(1 + 0.3·size − 0.2·age) + N(0, 1e3²). */
public final class HousePrices {

    private HousePrices() {
    }

    /** Writes {@code rows} rows (header size,age,price) drawn with {@code seed} to {@code file}. */
    public static Path write(Path file, int rows, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("size,age,price\n");
        for (int i = 0; i < rows; i++) {
            double size = rng.nextGaussian();
            double age = rng.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.3f%n", size, age,
                    1e5 * (1 + 0.3 * size - 0.2 * age) + 1e3 * rng.nextGaussian()));
        }
        return Files.writeString(file, csv);
    }
}
