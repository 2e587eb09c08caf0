package org.oneneuron.cli.study;

import java.util.List;
import java.util.stream.Collectors;
import org.oneneuron.cli.Vocabulary;
import org.oneneuron.linalg.Precision;
import org.oneneuron.model.Initializer;
import org.oneneuron.study.StudySpec;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The study command's defaults, read from {@link StudySpec#defaults()} (which reads the library's
 * config records), so that {@code --help} shows them and they are written in one place.
 */
public final class StudyDefaults implements IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        StudySpec d = StudySpec.defaults();
        return switch (option.longestName()) {
            case "--data" -> join(d.data());
            case "--hidden" -> Vocabulary.widths(d.hidden().get(0));
            case "--activation" -> join(d.activations());
            case "--neuron" -> join(d.neurons());
            case "--loss" -> join(d.losses());
            case "--reduction" -> d.reduction();
            case "--lambda" -> join(d.lambdas());
            case "--optimizer" -> join(d.optimizers());
            case "--lr" -> String.valueOf(d.learningRate());
            case "--steps" -> String.valueOf(d.steps());
            case "--batch" -> String.valueOf(d.batch());
            case "--dtype" -> d.dtype() == null ? Precision.FLOAT64.word() : d.dtype();
            case "--clip" -> String.valueOf(d.clip());
            case "--init" -> Initializer.parse(d.init()).word();
            case "--restarts" -> String.valueOf(d.restarts());
            case "--seed" -> String.valueOf(d.seed());
            case "--held-out" -> String.valueOf(d.heldOutFraction());
            case "--name" -> d.name();
            default -> null;
        };
    }

    private static String join(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
