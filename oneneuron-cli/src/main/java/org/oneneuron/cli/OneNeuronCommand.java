package org.oneneuron.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code oneneuron} command; it only dispatches to its subcommands. */
@Command(name = "oneneuron", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Binary classifiers with the special neuron of Liang et al. (NeurIPS 2018),"
                + " and the instruments to check what it does to the loss landscape.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class,
            ExportCommand.class, DatasetsCommand.class, VersionCommand.class, HelpCommand.class},
        footer = {"", "Examples:",
            "  oneneuron demo",
            "  oneneuron train wdbc --neuron skip-exp --out model.json",
            "  oneneuron evaluate model.json wdbc",
            "", "Exit codes: 0 ok, 1 failure or numerical trouble, 2 bad input or usage.", ""})
final class OneNeuronCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
