package org.oneneuron.tribuo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The run-floor rule of docs/ARCHITECTURE.md for the Tribuo trainers (the command line's
 * {@code HouseRulesTest} checks the core and the command line): they get their objectives and θ₀
 * from {@code org.oneneuron.run.Problem} and train through {@code Fit}, never through the engine
 * or the trainer directly.
 */
class TribuoHouseRulesTest {

    private static final Set<String> ENGINE_ENTRIES = Set.of(
            "org.oneneuron.loss.NetworkObjective.builder", "org.oneneuron.loss.NetworkObjective.of",
            "org.oneneuron.loss.NetworkObjectiveBuilder.build",
            "org.oneneuron.loss.NetworkObjectiveBuilder.buildFloat32",
            "org.oneneuron.loss.Float32NetworkObjective.over", "org.oneneuron.batch.TinyNetBatch.train",
            "org.oneneuron.batch.TinyNetBatch.<init>", "org.oneneuron.model.Initializer.initialize",
            "org.oneneuron.train.Trainer.train");

    @Test
    void trainersBuildNoObjectiveThemselves() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.oneneuron.tribuo");
        assertTrue(classes.contain("org.oneneuron.tribuo.NetworkTrainerSettings"), "the trainers were imported");
        noClasses().should().callCodeUnitWhere(DescribedPredicate.describe(
                        "build an engine objective, draw θ₀ or call the trainer",
                        (JavaCall<?> call) -> ENGINE_ENTRIES.contains(call.getTargetOwner().getName() + "."
                                + call.getName())))
                .because("the run floor (org.oneneuron.run.Problem and Fit) is the one place that builds"
                        + " objectives and trains")
                .check(classes);
    }
}
