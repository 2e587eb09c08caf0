package org.oneneuron.cli;

import java.util.List;
import org.oneneuron.cli.bench.BenchCommand;
import org.oneneuron.cli.landscape.CertifyCommand;
import org.oneneuron.cli.landscape.EscapeCommand;
import org.oneneuron.cli.landscape.SliceCommand;
import org.oneneuron.cli.landscape.SpectrumCommand;
import org.oneneuron.cli.study.DemoCommand;
import org.oneneuron.cli.study.ReportCommand;
import org.oneneuron.cli.study.StudyCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code oneneuron} command; it only dispatches to its subcommands, which are listed
 * in {@link #SUBCOMMANDS} (a list in code: a missing command is a compile error, not a silent
 * absence) and registered by {@link Main#commandLine(String...)}.
 */
@Command(name = "oneneuron", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Classifiers (binary and multi-class) and regressors with the special neuron of Liang et al."
                + " (NeurIPS 2018; one per output, Kawaguchi & Kaelbling 2020), and the instruments to check what it does to the loss landscape.",
        footer = {"", "Examples:",
            "  oneneuron demo",
            "  oneneuron train wdbc --neuron skip-exp --out model.json",
            "  oneneuron evaluate model.json wdbc",
            "", "Exit codes: 0 ok, 1 failure or numerical trouble, 2 bad input or usage.", ""})
final class OneNeuronCommand implements Runnable {

    /** The subcommands, in the order {@code --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(TrainCommand.class, EvaluateCommand.class,
            PredictCommand.class, ExportCommand.class, DatasetsCommand.class, VersionCommand.class,
            DemoCommand.class, StudyCommand.class, ReportCommand.class, CertifyCommand.class,
            EscapeCommand.class, SpectrumCommand.class, SliceCommand.class, BenchCommand.class,
            HelpCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
