package org.oneneuron.study;

import java.util.List;

/** The run implementations a study can name: "trainer" (the default) or "reference". */
public final class RunFunctions {

    /** The engine words, default first. */
    public static final List<String> NAMES = List.of("trainer", "reference");

    private RunFunctions() {
    }

    /**
     * "trainer": the project's engine, Trainer and Certifier ({@link TrainerRunFunction});
     * "reference": the study's small hand-written MLP with GD ({@link ReferenceRunFunction}),
     * several times faster on tiny networks and an independent cross-check.
     */
    public static RunFunction named(String engine, StudyData data) {
        return switch (engine) {
            case "trainer" -> new TrainerRunFunction(data);
            case "reference" -> new ReferenceRunFunction(data);
            default -> throw new IllegalArgumentException("unknown engine '" + engine
                    + "'; expected one of " + NAMES);
        };
    }
}
