package org.oneneuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands alone and names no machine: no tracked file (docs, perf JSON, scripts,
 * tests, help texts) holds an absolute path of one machine's home, work or temporary folders, and
 * the benchmark files the tests and {@code bench --compare} use are in the repository.
 */
class RepositoryHygieneTest {

    /** Tests run in the module folder; the repository root is its parent. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** /work/…, /root/…, /home/…, /tmp/…, /Users/…, C:\Users\… as path prefixes. */
    static final Pattern MACHINE_PATH = Pattern.compile(
            "(?<![\\w.~$-])(/work/|/root/|/home/|/tmp/|/Users/|[A-Z]:\\\\Users\\\\)");

    /** The one file allowed to name such paths: this test, which spells out the pattern. */
    private static final Set<String> ALLOWED = Set.of(
            "oneneuron-core/src/test/java/org/oneneuron/RepositoryHygieneTest.java");

    /** Folders never scanned when git is not there to list the tracked files. */
    private static final Set<String> SKIPPED = Set.of(".git", "target", ".bench-data", "oneneuron-out",
            ".idea", "node_modules");

    @Test
    void noTrackedFileNamesAMachinePath() throws Exception {
        List<String> offenders = new ArrayList<>();
        for (Path file : trackedFiles()) {
            if (ALLOWED.contains(ROOT.relativize(file).toString().replace('\\', '/'))) {
                continue;
            }
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(
                        java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            } catch (CharacterCodingException binary) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = MACHINE_PATH.matcher(lines[i]);
                if (m.find()) {
                    offenders.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }
        assertTrue(offenders.isEmpty(), "machine paths in tracked files (use paths relative to the"
                + " repository or placeholders):\n" + String.join("\n", offenders));
    }

    /** A doc comment followed by another: the first is attached to nothing. */
    static final Pattern DOUBLED_DOC_COMMENT = Pattern.compile("\\*/\\s*/\\*\\*");

    /**
     * No Java source holds a doc comment directly followed by another: JDK 23+ javac warns that the
     * first is dangling, and the launcher's build (JDK 25, -Werror) stops on it while CI's JDK 17 does
     * not see it.
     */
    @Test
    void noDocCommentIsDoubled() throws Exception {
        assertTrue(DOUBLED_DOC_COMMENT.matcher("/** a. */\n    /** b. */").find());
        assertTrue(!DOUBLED_DOC_COMMENT.matcher("/** a. */\n    int x;\n    /** b. */").find());
        List<String> offenders = new ArrayList<>();
        for (Path file : trackedFiles()) {
            if (!file.toString().endsWith(".java")) {
                continue;
            }
            String text = Files.readString(file);
            Matcher m = DOUBLED_DOC_COMMENT.matcher(text);
            while (m.find()) {
                int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                offenders.add(ROOT.relativize(file) + ":" + line);
            }
        }
        assertTrue(offenders.isEmpty(), "doubled doc comments (JDK 25's javac fails the build on the"
                + " dangling first one):\n" + String.join("\n", offenders));
    }

    @Test
    void thePatternFindsMachinePathsAndSparesOthers() {
        for (String bad : List.of("see /work/shared/bench", "\"/root/.m2\"", "cd /home/me", "--out /tmp/demo",
                "C:\\Users\\me")) {
            assertTrue(MACHINE_PATH.matcher(bad).find(), bad);
        }
        for (String fine : List.of("/usr/bin/python3", "bench/peers/w1.py", "docs/work/x", "a/tmp/b",
                "$HOME/.m2", "~/work/x", "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3")) {
            assertTrue(!MACHINE_PATH.matcher(fine).find(), fine);
        }
    }

    @Test
    void benchmarkFilesAreInTheRepository() {
        for (String name : List.of("bench/WORKLOADS.md", "bench/peers/w1_fullbatch.py",
                "bench/peers/w2_minibatch.py", "bench/peers/w3_hessian.py", "bench/peers/w4_tiny_runs.py",
                "bench/peers/w5_cnn.py", "bench/peers/w6_multiclass.py", "bench/w1-golden/X.csv",
                "bench/w5-golden/golden.json", "bench/w6-golden/golden.json",
                "data/fetch-benchmarks.sh", "data/NOTICE.md")) {
            assertTrue(Files.isRegularFile(ROOT.resolve(name)), name + " is missing from the repository");
        }
        assertTrue(Files.isExecutable(ROOT.resolve("data/fetch-benchmarks.sh")), "fetch script not executable");
    }

    /** {@code git ls-files} when git and a work tree are there, else every file outside build folders. */
    static List<Path> trackedFiles() throws IOException, InterruptedException {
        if (Files.exists(ROOT.resolve(".git"))) {
            try {
                Process git = new ProcessBuilder("git", "ls-files", "-z").directory(ROOT.toFile())
                        .redirectErrorStream(false).start();
                git.getOutputStream().close();
                byte[] out = git.getInputStream().readAllBytes();
                git.getErrorStream().readAllBytes();
                if (git.waitFor() == 0) {
                    List<Path> files = new ArrayList<>();
                    for (String name : new String(out, StandardCharsets.UTF_8).split("\0")) {
                        Path file = ROOT.resolve(name);
                        if (!name.isEmpty() && Files.isRegularFile(file)) {
                            files.add(file);
                        }
                    }
                    assertTrue(files.size() > 50, "git ls-files listed only " + files.size() + " files");
                    return files;
                }
            } catch (IOException noGit) {
                // fall through to the walk
            }
        }
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        for (Path part : ROOT.relativize(p)) {
                            if (SKIPPED.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    }).toList();
        }
    }

    @Test
    void rootIsTheRepository() {
        assertEquals(true, Files.isRegularFile(ROOT.resolve("oneneuron-core/pom.xml")), ROOT.toString());
    }
}
