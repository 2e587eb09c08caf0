package org.oneneuron.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The house rules of docs/ARCHITECTURE.md as tests, over the main classes of the core library and
 * the command line (ArchUnit): imports run down the tower the document's table lists, and only the
 * run floor ({@code org.oneneuron.run}) builds the engine's objectives, draws θ₀ and trains.
 */
class HouseRulesTest {

    static final Path ARCHITECTURE = Path.of("..", "docs", "ARCHITECTURE.md");

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.oneneuron");

    /** The packages that may build what only the run floor builds: the floor and the engine itself. */
    static final String[] FLOOR_AND_ENGINE = {"org.oneneuron.run..", "org.oneneuron.loss..",
        "org.oneneuron.batch..", "org.oneneuron.model.."};

    @Test
    void importsRunDownTheTowerOfArchitectureMd() throws Exception {
        Map<String, Set<String>> tower = tower(Files.readAllLines(ARCHITECTURE));
        Set<String> present = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            present.add(floor(c.getPackageName()));
        }
        present.remove("");
        assertTrue(present.size() >= 15, "the core and the command line were imported: " + present);
        Set<String> missing = new TreeSet<>(present);
        missing.removeAll(tower.keySet());
        assertEquals(Set.of(), missing, "packages missing from the table in docs/ARCHITECTURE.md");
        for (Map.Entry<String, Set<String>> row : tower.entrySet()) {
            List<String> forbidden = new ArrayList<>();
            for (String other : tower.keySet()) {
                if (!other.equals(row.getKey()) && !row.getValue().contains(other)) {
                    forbidden.add("org.oneneuron." + other + "..");
                }
            }
            if (forbidden.isEmpty() || !present.contains(row.getKey())) {
                continue;
            }
            noClasses().that().resideInAPackage("org.oneneuron." + row.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .because("docs/ARCHITECTURE.md lets " + row.getKey() + " import only "
                            + (row.getValue().isEmpty() ? "the JDK and its libraries" : row.getValue()))
                    .check(CLASSES);
        }
    }

    @Test
    void onlyTheRunFloorBuildsObjectivesDrawsThetaZeroAndTrains() {
        noClasses().that().resideOutsideOfPackages(FLOOR_AND_ENGINE)
                .should().callCodeUnitWhere(BUILDS_OBJECTIVE)
                .because("the run floor (org.oneneuron.run.Problem and Fit) is the one place that builds"
                        + " objectives and draws θ₀, so the engine can be swapped in one place")
                .check(CLASSES);
    }

    /**
     * A call that builds one of the engine's objectives (float64, float32, the batched tiny-network
     * path), draws θ₀ from an initializer, or runs the trainer.
     */
    static final DescribedPredicate<JavaCall<?>> BUILDS_OBJECTIVE = DescribedPredicate.describe(
            "build an engine objective, draw θ₀ or call the trainer", call -> {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                return switch (owner) {
                    case "org.oneneuron.loss.NetworkObjective" -> name.equals("builder") || name.equals("of");
                    case "org.oneneuron.loss.NetworkObjectiveBuilder" ->
                            name.equals("build") || name.equals("buildFloat32");
                    case "org.oneneuron.loss.Float32NetworkObjective" -> name.equals("over");
                    case "org.oneneuron.batch.TinyNetBatch" -> name.equals("train") || name.equals("<init>");
                    case "org.oneneuron.model.Initializer" -> name.equals("initialize");
                    case "org.oneneuron.train.Trainer" -> name.equals("train");
                    default -> false;
                };
            });

    /** The second package segment: org.oneneuron.cli.study.X is on the "cli" floor. */
    static String floor(String packageName) {
        String prefix = "org.oneneuron.";
        if (!packageName.startsWith(prefix)) {
            return "";
        }
        String rest = packageName.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The table between the tower markers: package -> the packages it may import. */
    static Map<String, Set<String>> tower(List<String> lines) {
        Map<String, Set<String>> tower = new LinkedHashMap<>();
        boolean inside = false;
        for (String line : lines) {
            if (line.startsWith("<!-- tower:start")) {
                inside = true;
            } else if (line.startsWith("<!-- tower:end")) {
                break;
            } else if (inside && line.startsWith("| ") && !line.startsWith("| package")) {
                String[] cells = line.split("\\|", -1);
                Set<String> allowed = new LinkedHashSet<>();
                for (String p : cells[2].split(",")) {
                    if (!p.isBlank()) {
                        allowed.add(p.trim());
                    }
                }
                tower.put(cells[1].trim(), allowed);
            }
        }
        assertTrue(tower.size() > 10, "the tower table of docs/ARCHITECTURE.md was not found");
        for (Set<String> allowed : tower.values()) {
            assertTrue(tower.keySet().containsAll(allowed), "unknown package in the tower table: " + allowed);
        }
        return tower;
    }
}
