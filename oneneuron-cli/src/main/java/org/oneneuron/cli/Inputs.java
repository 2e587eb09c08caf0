package org.oneneuron.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MODEL and DATA given as positional arguments or as {@code --model} / {@code --data}: every
 * command names its inputs the same way, and either form works.
 */
final class Inputs {

    private Inputs() {
    }

    /** DATA from a positional argument or {@code --data}; exactly one. */
    static String data(String positional, String option) {
        if (positional != null && option != null) {
            throw new IllegalArgumentException("DATA is given twice ('" + positional + "' and --data '"
                    + option + "'); give it once");
        }
        if (positional == null && option == null) {
            throw new IllegalArgumentException("missing DATA: give a data file or built-in name, as an"
                    + " argument or with --data");
        }
        return positional != null ? positional : option;
    }

    /**
     * MODEL and DATA from up to two positional arguments and the options; the positionals fill
     * whichever of the two the options leave open, in that order.
     *
     * @param needData whether DATA is required (export reads it only with --drop-neuron)
     * @return {model, data}; data may be null when not needed
     */
    static String[] modelAndData(List<String> positionals, String modelOption, String dataOption,
                                 boolean needData) {
        List<String> rest = new ArrayList<>(positionals == null ? List.of() : positionals);
        String model = modelOption;
        String data = dataOption;
        if (model == null && !rest.isEmpty()) {
            model = rest.remove(0);
        }
        if (data == null && !rest.isEmpty()) {
            data = rest.remove(0);
        }
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("unexpected argument '" + rest.get(0) + "': MODEL and DATA"
                    + " are already given");
        }
        if (model == null) {
            throw new IllegalArgumentException("missing MODEL: give a model file, as the first argument or"
                    + " with --model");
        }
        if (data == null && needData) {
            throw new IllegalArgumentException("missing DATA: give a data file or built-in name, as an"
                    + " argument or with --data");
        }
        return new String[] {model, data};
    }

    /**
     * Refuses an output that is the same file as an input of the command (by name, link or
     * alias), before anything is written: it would replace what the command reads, a model
     * written over its training data, predictions over the model.
     *
     * @param option the output's option, for the message ({@code --out})
     * @param out    the output path, or null when not given
     * @param role   what the input is ({@code data file}, {@code model file})
     * @param input  the input as given (a path, or a built-in data set's name), or null
     */
    static void requireNotInput(String option, Path out, String role, String input) {
        if (out == null || input == null) {
            return;
        }
        try {
            Path in = Path.of(input);
            if (Files.exists(out) && Files.exists(in) && Files.isSameFile(out, in)) {
                throw new IllegalArgumentException(option + " " + out + " is the " + role + " this command reads ("
                        + input + "); writing there would replace it: give another file");
            }
        } catch (InvalidPathException | IOException e) {
            // not a file we can compare (a built-in name, an unreadable path): the write itself will say
        }
    }
}
