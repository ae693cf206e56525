package org.cstrat.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The simulations module's dependency rules, checked on its compiled main classes (so a fully qualified name in the
 * code counts as much as an import; only constants the compiler inlines are invisible). It is a pure library: no web,
 * database, cluster or server class; its packages form no cycle and depend downwards only:
 * <ul>
 * <li>{@code framework} (the book's concepts), {@code org.cstrat.input} (the one record for an error at a place, which the
 *     server uses too) and {@code org.cstrat.sim} (the exception root) at the bottom;</li>
 * <li>{@code model} (parameters, strategies, the hot loop) and {@code stats}, which know nothing of each other;</li>
 * <li>{@code engine} (runs replications) on model and stats;</li>
 * <li>{@code compare} (tornado, heatmap) and {@code optimise} (the optimiser, the only user of Commons Math) on the
 *     engine; {@code scenario} (the file format) on model and on optimise (a scenario may declare decisions);</li>
 * <li>{@code report} (JSON, CSV, tables) and {@code bench} on top,
 *     used by no package of the module.</li>
 * </ul>
 * Replaces the earlier check that read the source files' import lines.
 */
@AnalyzeClasses(packages = {"org.cstrat.sim", "org.cstrat.framework", "org.cstrat.input"}, importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

    @ArchTest
    static final ArchRule pureLibrary = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                    "org.neo4j..", "io.javalin..", "org.eclipse.jetty..", "org.thymeleaf..", "picocli..",
                    "org.apache.spark..", "scala..")
            .because("the engine is a pure library: the server, the CLI and the Spark module use it, never the other way");

    @ArchTest
    static final ArchRule commonsMathOnlyInTheOptimiser = noClasses().that().resideOutsideOfPackage("org.cstrat.sim.optimise..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.commons.math3..")
            .because("CMA-ES and BOBYQA are the optimiser's; the statistics stay independent of Commons Math, which the"
                    + " tests use as their independent reference");

    @ArchTest
    static final ArchRule noServerClasses = noClasses().should().dependOnClassesThat(
                    DescribedPredicate.describe("are project classes outside org.cstrat.sim, org.cstrat.framework and org.cstrat.input",
                            c -> c.getPackageName().startsWith("org.cstrat.")
                                    && !c.getPackageName().equals("org.cstrat.sim") && !c.getPackageName().startsWith("org.cstrat.sim.")
                                    && !c.getPackageName().equals("org.cstrat.framework") && !c.getPackageName().startsWith("org.cstrat.framework.")
                                    && !c.getPackageName().equals("org.cstrat.input") && !c.getPackageName().startsWith("org.cstrat.input.")))
            .because("the server, CLI and Spark modules depend on the simulations module, not the reverse");

    @ArchTest
    static final ArchRule oneStreamPerReplication = noClasses().should().dependOnClassesThat()
            .haveFullyQualifiedName("java.util.Random")
            .because("random numbers come from the replication's own Commons RNG stream (README: Reproducibility)");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.cstrat.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("framework").definedBy("org.cstrat.framework..")
            .layer("input").definedBy("org.cstrat.input..")
            .layer("root").definedBy("org.cstrat.sim")
            .layer("model").definedBy("org.cstrat.sim.model..")
            .layer("stats").definedBy("org.cstrat.sim.stats..")
            .layer("engine").definedBy("org.cstrat.sim.engine..")
            .layer("compare").definedBy("org.cstrat.sim.compare..")
            .layer("optimise").definedBy("org.cstrat.sim.optimise..")
            .layer("scenario").definedBy("org.cstrat.sim.scenario..")
            .layer("report").definedBy("org.cstrat.sim.report..")
            .layer("bench").definedBy("org.cstrat.sim.bench..")
            .whereLayer("bench").mayNotBeAccessedByAnyLayer()
            .whereLayer("report").mayNotBeAccessedByAnyLayer()
            .whereLayer("scenario").mayOnlyBeAccessedByLayers("report", "bench")
            .whereLayer("compare").mayOnlyBeAccessedByLayers("report")
            .whereLayer("optimise").mayOnlyBeAccessedByLayers("scenario", "report", "bench")
            .whereLayer("engine").mayOnlyBeAccessedByLayers("compare", "optimise", "report", "bench")
            .whereLayer("stats").mayOnlyBeAccessedByLayers("engine", "compare", "optimise", "report", "bench")
            .whereLayer("model").mayOnlyBeAccessedByLayers("engine", "compare", "optimise", "scenario", "report", "bench");

    @ArchTest
    static final ArchRule frameworkKnowsNoEngine = noClasses().that().resideInAPackage("org.cstrat.framework..")
            .should().dependOnClassesThat().resideInAPackage("org.cstrat.sim..")
            .because("the book's concepts are the vocabulary of the engine, not a part of it");

    @ArchTest
    static final ArchRule inputErrorsKnowNothing = classes().that().resideInAPackage("org.cstrat.input..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..")
            .because("the error record is shared by every layer here and by the server (whose customers.value may import"
                    + " nothing else of it), so it depends on none of them");

    @ArchTest
    static final ArchRule exceptionRootKnowsNothing = classes().that().resideInAPackage("org.cstrat.sim")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..")
            .because("every layer may throw the root exception, so it may depend on none of them");
}
