package org.oneneuron.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules of docs/ARCHITECTURE.md for this module (the command line's
 * {@code HouseRulesTest} checks the core and the command line, which do not see this module): the
 * {@code spark} row of the tower table lists what it may import, and it gets its runs from the
 * study's run function, never by building objectives, drawing θ₀ or calling the trainer itself.
 */
class SparkHouseRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.oneneuron.spark");

    private static final Set<String> ENGINE_ENTRIES = Set.of(
            "org.oneneuron.loss.NetworkObjective.builder", "org.oneneuron.loss.NetworkObjective.of",
            "org.oneneuron.loss.NetworkObjectiveBuilder.build",
            "org.oneneuron.loss.NetworkObjectiveBuilder.buildFloat32",
            "org.oneneuron.loss.Float32NetworkObjective.over", "org.oneneuron.batch.TinyNetBatch.train",
            "org.oneneuron.batch.TinyNetBatch.<init>", "org.oneneuron.model.Initializer.initialize",
            "org.oneneuron.train.Trainer.train");

    @Test
    void importsOnlyWhatTheSparkRowOfTheTowerLists() throws Exception {
        assertTrue(CLASSES.contain(SparkStudyRunner.class), "the module's classes were imported");
        Map<String, List<String>> tower = tower(Files.readAllLines(Path.of("..", "docs", "ARCHITECTURE.md")));
        List<String> allowed = tower.get("spark");
        assertTrue(allowed != null && tower.size() > 10, "the spark row of the tower table in docs/ARCHITECTURE.md: "
                + tower.keySet());
        String[] forbidden = tower.keySet().stream().filter(p -> !p.equals("spark") && !allowed.contains(p))
                .map(p -> "org.oneneuron." + p + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("org.oneneuron.spark..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("docs/ARCHITECTURE.md lets spark import only " + allowed)
                .check(CLASSES);
    }

    @Test
    void runsComeFromTheStudysRunFunctionNotTheEngine() {
        noClasses().should().callCodeUnitWhere(DescribedPredicate.describe(
                        "build an engine objective, draw θ₀ or call the trainer",
                        (JavaCall<?> call) -> ENGINE_ENTRIES.contains(call.getTargetOwner().getName() + "."
                                + call.getName())))
                .because("a cluster's runs are the in-process runner's: TrainerRunFunction through the run floor")
                .check(CLASSES);
    }

    /** The table between the tower markers: package -> the packages it may import. */
    private static Map<String, List<String>> tower(List<String> lines) {
        Map<String, List<String>> tower = new LinkedHashMap<>();
        boolean inside = false;
        for (String line : lines) {
            if (line.startsWith("<!-- tower:start")) {
                inside = true;
            } else if (line.startsWith("<!-- tower:end")) {
                break;
            } else if (inside && line.startsWith("| ") && !line.startsWith("| package")) {
                String[] cells = line.split("\\|", -1);
                tower.put(cells[1].trim(), Stream.of(cells[2].split(",")).map(String::trim)
                        .filter(p -> !p.isEmpty()).toList());
            }
        }
        return tower;
    }
}
