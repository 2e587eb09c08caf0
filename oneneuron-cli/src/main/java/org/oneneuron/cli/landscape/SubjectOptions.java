package org.oneneuron.cli.landscape;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.oneneuron.constructions.Construction;
import org.oneneuron.constructions.Constructions;
import org.oneneuron.constructions.DeadReluRecipe;
import org.oneneuron.constructions.NetworkConstruction;
import org.oneneuron.constructions.Recipe;
import org.oneneuron.constructions.ToyConstruction;
import org.oneneuron.constructions.YunRecipe;
import org.oneneuron.data.Dataset;
import org.oneneuron.cli.DataOptions;
import org.oneneuron.cli.GivenOptions;
import org.oneneuron.cli.ModelInputs;
import org.oneneuron.cli.Plural;
import org.oneneuron.cli.Vocabulary;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.Standardizer;
import org.oneneuron.data.TargetStandardizer;
import org.oneneuron.landscape.KinkReport;
import org.oneneuron.landscape.LeastLoss;
import org.oneneuron.landscape.PointContext;
import org.oneneuron.loss.Losses;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.run.Model;
import org.oneneuron.run.Problem;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Which point a landscape command looks at: a PAPER §6 construction (A1, A2, B, B-leaky, C), a §6 D
 * recipe (dead-relu, yun) on a data set, or a saved model on a data set.
 */
final class SubjectOptions {

    static final List<String> RECIPES = List.of("dead-relu", "yun");

    /** Why --lambda 0 is refused where the skip-exp neuron is added, and what can be done instead. */
    static final String ZERO_LAMBDA = "--lambda 0 with the skip-exp neuron voids the theorem's guarantee (a = 0 at"
            + " every local minimum), and the landscape commands do not run that ablation; give --lambda > 0, or"
            + " train the ablation with train --lambda 0 --allow-zero-lambda";

    @Option(names = "--construction", paramLabel = "NAME",
            description = "A1, A2, B, B-leaky, C (PAPER §6) or the recipes dead-relu, yun (§6 D).")
    String construction;

    @Option(names = "--model", paramLabel = "FILE", description = Vocabulary.MODEL_FILE)
    Path model;

    @Option(names = "--data", paramLabel = "DATA", description = Vocabulary.DATA
            + " For --model or a recipe (recipes default to the built-in wdbc, standardized).")
    String data;

    @Option(names = "--split", paramLabel = "PART", description = Vocabulary.SPLIT
            + " With --model: defaults to train when the model records a held-out split (the objective it"
            + " was trained on), else all.")
    String split;

    @Option(names = "--point", paramLabel = "WHICH", description = "bad or global point of a construction.")
    String point = "bad";

    @Option(names = "--augmented",
            description = "Embed the construction's point with the skip-exp neuron at a = 0, w = (1, 0), b = 0.")
    boolean augmented;

    @Option(names = "--lambda", paramLabel = "λ", description = Vocabulary.LAMBDA
            + " Default: the subject's own: a model file's λ, or the construction's PAPER.md §6 value"
            + " (0.01; 1e-3 for C).")
    Double lambda;

    @Option(names = "--hidden", paramLabel = "W[,W...]", description = Vocabulary.HIDDEN
            + " For the recipes' ReLU network.")
    String hidden = Vocabulary.HIDDEN_DEFAULT;

    @Mixin
    DataOptions dataOptions;

    /** The command this mixin serves, to tell a given option from its default; null when built by hand. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The options that choose or read a data set: for --model or a recipe, not for a construction. */
    private static final List<String> DATA_OPTIONS = List.of("--data", "--split", "--hidden", "--label", "--positive",
            "--classes", "--task");

    /** Refuses the first of {@code options} the command line gave: {@code why} says what the subject reads instead. */
    private void refuseGiven(List<String> options, String why) {
        GivenOptions.refuse(mixee, options, option -> option + ": " + why);
    }

    /**
     * {@link #resolve} for a command that looks at the subject's own objective (certify, spectrum, a
     * random slice): --lambda is refused where that objective has no special neuron, as λ would
     * weigh nothing there (escape and named slice points read it for the neuron they add).
     */
    Subject resolveObjective(int threads) {
        Subject s = resolve(threads);
        boolean neuron = s.problem().map(p -> p.spec().neuron().present()).orElse(true);
        if (!neuron) {
            refuseGiven(List.of("--lambda"), "λ weighs the special neuron's penalty (λ/2)a², and " + s.label()
                    + " has no special neuron here" + (model == null && !isRecipe() ? " (add --augmented)" : "")
                    + "; escape and slice's named points read --lambda for the neuron they add");
        }
        return s;
    }

    private boolean isRecipe() {
        return construction != null && RECIPES.contains(construction.trim().toLowerCase(Locale.ROOT));
    }

    /** λ to use: the option, or {@code own}, the subject's. */
    private double lambda(double own) {
        if (lambda != null) {
            if (!(lambda >= 0) || !Double.isFinite(lambda)) {
                throw new IllegalArgumentException("--lambda must be finite and >= 0, got " + lambda);
            }
            return lambda;
        }
        return own;
    }

    boolean isC() {
        return construction != null && construction.trim().equalsIgnoreCase("C");
    }

    /**
     * Resolves the subject, a model's or recipe's objective running its passes on {@code threads}
     * sample chunks (--threads); throws IllegalArgumentException naming the bad option.
     */
    Subject resolve(int threads) {
        if ((construction == null) == (model == null)) {
            throw new IllegalArgumentException("give exactly one of --construction NAME or --model FILE");
        }
        if (model != null) {
            return fromModel(threads);
        }
        String name = construction.trim().toLowerCase(Locale.ROOT);
        if (RECIPES.contains(name)) {
            return fromRecipe(name, threads);
        }
        if (Constructions.NAMES.stream().noneMatch(n -> n.equalsIgnoreCase(name))) {
            throw new IllegalArgumentException("unknown construction '" + construction.trim() + "'; expected one of "
                    + String.join(", ", Constructions.NAMES) + " or the recipes " + String.join(", ", RECIPES));
        }
        refuseGiven(DATA_OPTIONS, "the construction " + construction.trim() + " brings its own data and network"
                + " (PAPER.md §6); " + String.join(", ", DATA_OPTIONS) + " are for --model or the recipes "
                + String.join(", ", RECIPES));
        Construction c = Constructions.byName(construction);
        boolean global = switch (point.toLowerCase(Locale.ROOT)) {
            case "bad" -> false;
            case "global" -> true;
            default -> throw new IllegalArgumentException("--point must be bad or global, got '" + point + "'");
        };
        double lam = lambda(c.lambda());
        if (c instanceof ToyConstruction toy) {
            double[] theta = global ? new double[] {1, 0, 0} : toy.augmentedBadPoint();
            var objective = toy.augmentedObjective(lam);
            // the least loss is known exactly, as for the network constructions: L~ = 0 at θ = 1, a = 0
            PointContext context = new PointContext(0.0, Double.NaN, java.util.OptionalInt.of(1),
                    java.util.OptionalInt.of(2), 2 * lam, KinkReport.smooth(), Optional.empty(), Optional.empty(),
                    Optional.empty(), LeastLoss.exact(toy.globalLoss(), "construction C, PAPER.md §6"));
            return new Subject("C " + (global ? "global" : "bad") + " point (θ, a = 0, b = 0), λ = "
                    + lam, objective, theta, context, Optional.empty(), Optional.empty(), lam,
                    TargetStandardizer.identity());
        }
        NetworkConstruction nc = (NetworkConstruction) c;
        if (augmented && lam == 0) {
            throw new IllegalArgumentException(ZERO_LAMBDA);
        }
        double[] plainPoint = global ? nc.globalPoint() : nc.badPoint();
        Problem plain = Problem.plain(nc);
        Problem problem = augmented ? plain.withNeuron(NeuronKind.SKIP_EXP, lam) : plain;
        double[] theta = augmented ? nc.augment(plainPoint, nc.escapeW(), 0, 0) : plainPoint;
        String label = nc.name() + " " + (global ? "global" : "bad") + " point ("
                + (augmented ? "augmented, a = 0, λ = " + lam : "plain") + ")";
        return new Subject(label, problem.objective(), theta, problem.context(theta),
                Optional.of(problem), Optional.of(nc), lam, TargetStandardizer.identity());
    }

    private Dataset dataOrDefault() {
        if (data == null) {
            Dataset wdbc = Datasets.wdbc();
            return Standardizer.fit(wdbc).apply(wdbc);
        }
        return dataOptions.load(data);
    }

    /** Refuses --point other than bad for a subject that has only its own point (a recipe's, a model's). */
    private void onlyItsPoint(String what) {
        if (!point.trim().equalsIgnoreCase("bad")) {
            throw new IllegalArgumentException("--point " + point.trim() + ": " + what
                    + "; --point (bad or global) is for the constructions " + String.join(", ", Constructions.NAMES));
        }
    }

    private Subject fromRecipe(String name, int threads) {
        onlyItsPoint("the recipe " + name + " has only its bad point (no global point is known)");
        refuseGiven(List.of("--augmented"), "the recipe " + name + " is a plain network's point; --augmented is for"
                + " the constructions " + String.join(", ", Constructions.NAMES));
        refuseGiven(List.of("--split"), "a recipe runs on all of --data; --split picks a model's recorded held-out"
                + " part");
        Dataset d = dataOrDefault();
        // K classes: K outputs with the softmax cross-entropy (PAPER.md §10); two: the cubic hinge
        NetworkSpec spec = NetworkSpec.mlp(d.d(), Vocabulary.parseWidths(hidden, "--hidden"), Activation.RELU,
                NeuronKind.NONE, d.outputs());
        Recipe recipe = name.equals("dead-relu")
                ? DeadReluRecipe.build(spec, d, d.outputs() > 1 ? Losses.SOFTMAX_CE : Losses.CUBIC_HINGE)
                : YunRecipe.build(spec, d);
        Problem problem = Problem.plain(recipe).toBuilder().threads(threads).build();
        double[] theta = recipe.badPoint();
        String outputs = spec.outputs() > 1 ? ", " + spec.outputs() + " outputs" : "";
        return new Subject(recipe.name() + " recipe on " + d.name() + " (" + Plural.count(d.n(), "sample") + ", hidden "
                + Vocabulary.parseWidths(hidden, "--hidden") + outputs + ")", problem.objective(), theta,
                problem.context(theta),
                Optional.of(problem), Optional.empty(), lambda(recipe.lambda()), TargetStandardizer.identity());
    }

    private Subject fromModel(int threads) {
        if (data == null) {
            throw new IllegalArgumentException("--model needs --data DATA (the data to certify the model on)");
        }
        onlyItsPoint("a model has only the point its file holds");
        refuseGiven(List.of("--augmented", "--hidden"), "a model has only the network its file holds; --augmented"
                + " is for the constructions, --hidden for the recipes");
        Model m = Model.load(model);
        String part = split != null ? split : m.split().isPresent() ? "train" : "all";
        Dataset d = ModelInputs.load(m, dataOptions, data, part);
        // Identical inputs with different labels are certified against the data's floor (DataFloor).
        if (d.d() != m.spec().inputDim()) {
            throw new IllegalArgumentException("--data has " + d.d() + " features, the model expects "
                    + m.spec().inputDim());
        }
        double lam = lambda(m.lambda());
        Problem.Builder builder = m.problem(d).toBuilder().threads(threads);
        if (m.spec().neuron().present() && lambda != null) {
            if (lam == 0) {
                throw new IllegalArgumentException(ZERO_LAMBDA);
            }
            builder.lambda(lam); // the certified objective weighs the kept neuron with --lambda, as documented
        }
        Problem problem = builder.build();
        double[] theta = m.theta();
        return new Subject(model.getFileName() + " on " + d.name(), problem.objective(), theta,
                problem.context(theta), Optional.of(problem), Optional.empty(),
                lam, m.targetStandardizer()); // m.problem(d) standardizes the targets
    }
}
