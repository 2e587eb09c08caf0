import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * A library user's project: compiles the README's snippet (read from the README, so the two cannot
 * drift) against the installed oneneuron-core, runs it in a fresh JVM with and without
 * --add-modules jdk.incubator.vector, and checks the promises the README makes: it runs, writes
 * model.json, gives the same numbers both ways, and without the flag says so in one warning.
 */
class ReadmeSnippetTest {

    static final Path WORK = Path.of("target", "snippet");

    @Test
    void theReadmeSnippetRunsAgainstTheInstalledArtifact() throws Exception {
        List<String> code = snippet(Path.of(System.getProperty("readme")));
        List<String> source = new ArrayList<>();
        for (String line : code) {
            if (line.startsWith("import ")) {
                source.add(line);
            }
        }
        source.add("public class Snippet {");
        source.add("    public static void main(String[] args) throws Exception {");
        for (String line : code) {
            if (!line.startsWith("import ") && !line.isBlank()) {
                source.add("        " + line);
            }
        }
        source.add("        System.out.println(\"accuracy=\" + figures.accuracy() + \" \" + figures);");
        source.add("        System.out.println(java.util.Arrays.hashCode(model.theta()) + \" \""
                + " + java.util.Arrays.hashCode(labels));");
        source.add("    }");
        source.add("}");
        Path src = WORK.resolve("src");
        Path classes = WORK.resolve("classes");
        Files.createDirectories(src);
        Files.createDirectories(classes);
        Files.write(src.resolve("Snippet.java"), source);

        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "--release", "17", "-cp", classPath, "-d", classes.toString(),
                src.resolve("Snippet.java").toString());
        assertEquals(0, compiled, "the README snippet compiles against the installed artifact:\n"
                + String.join("\n", source));

        String runPath = classes.toAbsolutePath() + File.pathSeparator + classPath;
        Run withFlag = run("with-flag", runPath, "--add-modules", "jdk.incubator.vector");
        Run without = run("without-flag", runPath);
        assertEquals(withFlag.out, without.out, "same seed, same numbers with and without the flag");
        assertTrue(withFlag.out.contains("accuracy="), withFlag.out);

        List<String> warnings = without.err.lines().filter(l -> l.contains("WARNING")).toList();
        assertEquals(1, warnings.size(), "one warning without the flag:\n" + without.err);
        assertTrue(warnings.get(0).contains("--add-modules jdk.incubator.vector"), warnings.get(0));
        assertTrue(withFlag.err.lines().allMatch(l -> l.contains("Using incubator modules")),
                "nothing but the JVM's own notice with the flag:\n" + withFlag.err);

        URL core = Class.forName("org.oneneuron.run.Classifier").getProtectionDomain().getCodeSource().getLocation();
        try (JarFile jar = new JarFile(new File(core.toURI()))) {
            assertEquals("org.oneneuron.core", jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
        }
    }

    record Run(String out, String err) {
    }

    private static Run run(String name, String classPath, String... jvmFlags) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(WORK.resolve(name));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(jvmFlags));
        cmd.addAll(List.of("-cp", classPath, "Snippet"));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        int code = p.waitFor();
        Run run = new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        assertEquals(0, code, name + ": " + run);
        assertTrue(Files.size(dir.resolve("model.json")) > 100, name + ": model.json written");
        return run;
    }

    /** The code lines between the README's snippet markers, without the fence. */
    static List<String> snippet(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("<!-- readme-snippet:start")) {
                start = i;
            } else if (lines.get(i).startsWith("<!-- readme-snippet:end")) {
                end = i;
            }
        }
        assertTrue(start >= 0 && end > start, "snippet markers in " + readme);
        List<String> block = lines.subList(start + 1, end);
        assertEquals("```java", block.get(0));
        assertEquals("```", block.get(block.size() - 1));
        return block.subList(1, block.size() - 1);
    }
}
