package org.oneneuron.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.oneneuron.linalg.Backends;
import org.oneneuron.train.Provenance;
import picocli.CommandLine.IVersionProvider;

/** What {@code oneneuron --version} and {@code oneneuron version} report. */
public final class VersionInfo implements IVersionProvider {

    /** Library version, JDK, operating system and BLAS back-end, as snake_case key/values. */
    public static Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("version", Provenance.currentLibraryVersion());
        facts.put("java_version", System.getProperty("java.version"));
        facts.put("java_vendor", System.getProperty("java.vendor"));
        facts.put("os_name", System.getProperty("os.name"));
        facts.put("os_arch", System.getProperty("os.arch"));
        facts.put("blas", Backends.active().name());
        facts.put("vector_bits", Backends.vectorBitSize());
        facts.put("blas_threads", Backends.threads());
        facts.put("cores", Runtime.getRuntime().availableProcessors());
        return facts;
    }

    @Override
    public String[] getVersion() {
        Map<String, Object> f = facts();
        return new String[] {
            "oneneuron " + f.get("version"),
            String.format(Locale.ROOT, "java %s (%s), %s %s, %s cores", f.get("java_version"),
                    f.get("java_vendor"), f.get("os_name"), f.get("os_arch"), f.get("cores")),
            "blas back-end: " + f.get("blas"),
        };
    }
}
