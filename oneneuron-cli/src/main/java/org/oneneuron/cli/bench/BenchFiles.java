package org.oneneuron.cli.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.oneneuron.cli.CommandFailure;
import org.oneneuron.cli.ExitCodes;

/**
 * Where the repository's benchmark files live: {@code bench/} of the OneNeuron checkout (peer
 * scripts in {@code bench/peers}, golden cases in {@code bench/w1-golden} …). The checkout is the
 * one named by the system property {@value #HOME_PROPERTY} (the {@code ./oneneuron} launcher sets
 * it), else the one holding this class ({@code <root>/oneneuron-cli/target/oneneuron.jar} or
 * {@code .../target/classes}). Nothing is searched above the working directory.
 */
public final class BenchFiles {

    /** The system property naming the checkout's root folder. */
    public static final String HOME_PROPERTY = "oneneuron.home";

    private BenchFiles() {
    }

    /** The checkout's {@code bench/} folder, when it has the peer scripts. */
    public static Optional<Path> benchFolder() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            return withPeers(Path.of(home).resolve("bench"));
        }
        return checkoutOfThisClass().flatMap(root -> withPeers(root.resolve("bench")));
    }

    /** The checkout's {@code bench/} folder, or a failure that says how to get one. */
    static Path requireBenchFolder() {
        return benchFolder().orElseThrow(() -> new CommandFailure(ExitCodes.FAILURE,
                "the PyTorch peer scripts (bench/peers in a OneNeuron checkout) were not found: run"
                        + " ./oneneuron from a clone of the repository, or set -D" + HOME_PROPERTY
                        + "=<checkout>"));
    }

    /** The W1 golden dump ({@code bench/w1-golden}), when present. */
    static Optional<Path> w1Golden() {
        return benchFolder().map(b -> b.resolve("w1-golden"))
                .filter(d -> Files.isRegularFile(d.resolve("X.csv")));
    }

    private static Optional<Path> withPeers(Path bench) {
        return Files.isDirectory(bench.resolve("peers")) ? Optional.of(bench) : Optional.empty();
    }

    /** {@code <root>} for {@code <root>/oneneuron-cli/target/<jar or classes>}. */
    private static Optional<Path> checkoutOfThisClass() {
        try {
            var source = BenchFiles.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI()).toAbsolutePath();
            Path target = location.getParent();
            Path module = target == null ? null : target.getParent();
            Path root = module == null ? null : module.getParent();
            return Optional.ofNullable(root);
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }
}
