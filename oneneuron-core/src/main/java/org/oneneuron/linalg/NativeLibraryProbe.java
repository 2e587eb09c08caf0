package org.oneneuron.linalg;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the file dev.ludovic.netlib would load as the native BLAS (system property
 * {@code dev.ludovic.netlib.blas.nativeLibPath}, else {@code dev.ludovic.netlib.blas.nativeLib},
 * default {@code libblas.so.3}, looked up in LD_LIBRARY_PATH and the usual library folders) and
 * follows its links (Debian's alternatives) to the real implementation, so that we can tell
 * OpenBLAS from the reference BLAS, which is slower than our own kernels.
 */
final class NativeLibraryProbe {

    private static final List<String> SYSTEM_DIRS = List.of("/usr/lib/x86_64-linux-gnu",
            "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib64", "/lib");

    private NativeLibraryProbe() {
    }

    /** The real path of the native BLAS library netlib would load, if it exists. */
    static Optional<Path> resolvedLibrary() {
        String explicit = System.getProperty("dev.ludovic.netlib.blas.nativeLibPath");
        if (explicit != null && !explicit.isBlank()) {
            return realPath(Path.of(explicit));
        }
        String name = System.getProperty("dev.ludovic.netlib.blas.nativeLib", "libblas.so.3");
        List<String> dirs = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String dir : ld.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    dirs.add(dir);
                }
            }
        }
        dirs.addAll(SYSTEM_DIRS);
        for (String dir : dirs) {
            Optional<Path> found = realPath(Path.of(dir, name));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** True when the library path names OpenBLAS (e.g. /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3). */
    static boolean isOpenBlas(Path library) {
        return library.toString().toLowerCase(Locale.ROOT).contains("openblas");
    }

    private static Optional<Path> realPath(Path path) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
