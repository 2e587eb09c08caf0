package org.oneneuron.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code oneneuron version}: the library version, JDK and back-end, as text or JSON. */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Show the library version, the JDK and the BLAS back-end.",
        footer = {"", "Examples:", "  oneneuron version", "  oneneuron version --json"})
final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (common.json()) {
            Map<String, Object> json = Json.object("version");
            json.putAll(VersionInfo.facts());
            Json.print(spec.commandLine().getOut(), json);
        } else {
            for (String line : new VersionInfo().getVersion()) {
                spec.commandLine().getOut().println(line);
            }
        }
        return ExitCodes.OK;
    }
}
