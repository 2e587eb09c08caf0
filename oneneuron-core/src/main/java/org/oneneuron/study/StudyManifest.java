package org.oneneuron.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.oneneuron.io.AtomicFiles;
import org.oneneuron.linalg.Backends;

/**
 * DIR/study.json: the spec, the sha256 of each data set, the run function, the JDK and the BLAS
 * back-end. A re-run in the same directory resumes only when spec, data and run function are
 * unchanged; a different JDK or back-end is allowed but logged, since the last bits may differ.
 *
 * @param spec        the study
 * @param dataHashes  data set name to sha256 of its contents
 * @param runFunction name of the run implementation
 * @param jdk         java.version
 * @param backend     BLAS back-end class
 */
public record StudyManifest(StudySpec spec, Map<String, String> dataHashes, String runFunction,
                            String jdk, String backend) {

    private static final System.Logger LOG = System.getLogger(StudyManifest.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public StudyManifest {
        Objects.requireNonNull(spec, "spec");
        dataHashes = Map.copyOf(dataHashes);
        Objects.requireNonNull(runFunction, "runFunction");
        Objects.requireNonNull(jdk, "jdk");
        Objects.requireNonNull(backend, "backend");
    }

    /** The manifest of {@code spec} on this JVM. */
    public static StudyManifest of(StudySpec spec, RunFunction function) {
        return new StudyManifest(spec, function.dataHashes(spec), function.name(),
                System.getProperty("java.version"), Backends.active().getClass().getSimpleName());
    }

    /** Writes DIR/study.json, or checks it against this manifest when it exists. */
    public void writeOrCheck(Path dir) {
        Path file = dir.resolve("study.json");
        try {
            if (Files.exists(file)) {
                StudyManifest old = read(file);
                if (!old.spec.equals(spec)) {
                    throw new IllegalStateException(file + " holds a different study spec ("
                            + differences(old.spec.toJsonTree(), spec.toJsonTree())
                            + "); resume only with the same spec, or use a new --out directory");
                }
                if (!old.dataHashes.equals(dataHashes)) {
                    throw new IllegalStateException(file + ": the data changed since the study "
                            + "started (sha256 stored " + new TreeMap<>(old.dataHashes) + ", now "
                            + new TreeMap<>(dataHashes) + "); use a new --out directory");
                }
                if (!old.runFunction.equals(runFunction)) {
                    throw new IllegalStateException(file + ": started with run function '"
                            + old.runFunction + "', now '" + runFunction + "'");
                }
                if (!old.jdk.equals(jdk) || !old.backend.equals(backend)) {
                    LOG.log(System.Logger.Level.WARNING, "{0}: resuming on JDK {1} / {2}, started on"
                            + " JDK {3} / {4}; last bits of the numbers may differ", file, jdk,
                            backend, old.jdk, old.backend);
                }
                return;
            }
            Files.createDirectories(dir);
            ObjectNode node = JSON.createObjectNode();
            node.set("spec", spec.toJsonTree());
            node.set("data_hashes", JSON.valueToTree(new TreeMap<>(dataHashes)));
            node.put("run_function", runFunction);
            node.put("jdk", jdk);
            node.put("backend", backend);
            AtomicFiles.writeString(file, JSON.writeValueAsString(node) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write or read " + file, e);
        }
    }

    /** The keys whose values differ, in the stored spec's order: "key: stored X, now Y; …". */
    static String differences(JsonNode stored, JsonNode now) {
        Set<String> keys = new LinkedHashSet<>();
        stored.fieldNames().forEachRemaining(keys::add);
        now.fieldNames().forEachRemaining(keys::add);
        List<String> differing = new ArrayList<>();
        for (String key : keys) {
            if (!Objects.equals(stored.get(key), now.get(key))) {
                differing.add(key + ": stored " + stored.get(key) + ", now " + now.get(key));
            }
        }
        return String.join("; ", differing);
    }

    /** Reads a study.json. */
    public static StudyManifest read(Path file) {
        try {
            JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            StudySpec spec = StudySpec.fromJson(node.get("spec").toString(), file.toString());
            Map<String, String> hashes = new TreeMap<>();
            node.get("data_hashes").fields().forEachRemaining(e -> hashes.put(e.getKey(), e.getValue().asText()));
            return new StudyManifest(spec, hashes, node.get("run_function").asText(),
                    node.get("jdk").asText(), node.get("backend").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " is not a study manifest: " + e.getMessage(), e);
        }
    }
}
