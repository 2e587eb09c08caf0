package org.oneneuron.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oneneuron.data.BuiltinDataset;
import org.oneneuron.data.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code oneneuron datasets}: the built-in data sets. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the built-in data sets (use their names as DATA).",
        footer = {"", "Examples:", "  oneneuron datasets", "  oneneuron train moons:n=500,noise=0.2"})
final class DatasetsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (BuiltinDataset b : Datasets.builtins()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", b.name());
                entry.put("description", b.description());
                entry.put("parameters", b.parameters());
                entry.put("default_spec", b.defaultSpec());
                list.add(entry);
            }
            Map<String, Object> json = Json.object("datasets");
            json.put("datasets", list);
            Json.print(out, json);
        } else {
            for (BuiltinDataset b : Datasets.builtins()) {
                out.println(String.format(Locale.ROOT, "%-16s %s", b.name(), b.description()));
                if (!b.parameters().isEmpty()) {
                    out.println(String.format(Locale.ROOT, "%-16s parameters: %s", "", b.defaultSpec()));
                }
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
