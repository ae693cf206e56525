package org.cstrat.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The server's dependency rules (README, "Layout"), checked on the compiled classes, so a fully qualified name in code
 * counts as much as an import line. Features sit in their own folders; infrastructure ({@code core}, {@code config},
 * {@code neo4j}, {@code view}, {@code jobs}) below them knows none of them; {@code http} and {@code cli} on top are the
 * only ones that know handlers and commands; {@code app.Services} wires the services, {@code Workbench} runs the lot.
 * Driver types appear only in the {@code neo4j} package, the {@code Neo4j*} adapters and the composition root.
 */
@AnalyzeClasses(packages = "org.cstrat.server", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

    private static final String SERVER = "org.cstrat.server";

    /** Handlers and commands: {@code *Api}, {@code *Pages}, {@code *Command} classes of the server (nested ones too). */
    private static final DescribedPredicate<JavaClass> HANDLER_OR_COMMAND =
            DescribedPredicate.describe("a handler (*Api, *Pages) or a command (*Command)", c -> {
                JavaClass top = topLevel(c);
                String name = top.getSimpleName();
                return top.getPackageName().startsWith(SERVER)
                        && (name.endsWith("Api") || name.endsWith("Pages") || name.endsWith("Command"));
            });

    /** Everything above the infrastructure: the features, the composition root and the two top layers. */
    private static final String[] NOT_INFRASTRUCTURE = {
            SERVER + ".placement..", SERVER + ".market..", SERVER + ".firm..", SERVER + ".editing..", SERVER + ".console..",
            SERVER + ".simulation..", SERVER + ".customers..", SERVER + ".demo..", SERVER + ".health..", SERVER + ".auth..",
            SERVER + ".app..", SERVER + ".http..", SERVER + ".cli..", SERVER};

    @ArchTest
    static final ArchRule noCyclesAmongTopLevelPackages = slices().matching(SERVER + ".(*)..")
            .should().beFreeOfCycles()
            .because("a feature that needs another's answer takes it through that feature's service, never both ways");

    @ArchTest
    static final ArchRule noCyclesAmongCustomerFeatures = slices().matching(SERVER + ".customers.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyHttpAndCliKnowHandlersAndCommands = noClasses()
            .that().resideOutsideOfPackages(SERVER + ".http..", SERVER + ".cli..")
            .and(not(HANDLER_OR_COMMAND))
            .should().dependOnClassesThat(HANDLER_OR_COMMAND)
            .because("handlers are wired by http (WebServer.Handlers) and commands by cli (Main); a service never calls one");

    @ArchTest
    static final ArchRule handlersDoNotCallEachOther = classes()
            .that(HANDLER_OR_COMMAND).and().resideOutsideOfPackages(SERVER + ".http..", SERVER + ".cli..")
            .should(new ArchCondition<JavaClass>("depend on no other handler (what two handlers share sits in a plain class)") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = d.getTargetClass();
                        if (HANDLER_OR_COMMAND.test(target) && !topLevel(target).equals(topLevel(origin))) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                }
            });

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    @ArchTest
    static final ArchRule infrastructureImportsNoFeature = noClasses()
            .that().resideInAnyPackage(SERVER + ".core..", SERVER + ".config..", SERVER + ".neo4j..", SERVER + ".view..", SERVER + ".jobs..")
            .should().dependOnClassesThat().resideInAnyPackage(NOT_INFRASTRUCTURE)
            .because("core, config, neo4j, view and jobs sit below every feature");

    @ArchTest
    static final ArchRule featuresDoNotImportHttpOrCli = noClasses()
            .that().resideOutsideOfPackages(SERVER + ".http..", SERVER + ".cli..", SERVER)
            .should().dependOnClassesThat().resideInAnyPackage(SERVER + ".http..", SERVER + ".cli..")
            .because("what a feature needs from the web layer moves down (view, core); http and cli sit on top");

    @ArchTest
    static final ArchRule onlyTheTopKnowsTheCompositionRoot = noClasses()
            .that().resideOutsideOfPackages(SERVER + ".http..", SERVER + ".cli..", SERVER + ".app..", SERVER)
            .should().dependOnClassesThat().resideInAnyPackage(SERVER + ".app..", SERVER)
            .because("services are handed their ports; they never look up the composition root or the running workbench");

    @ArchTest
    static final ArchRule customerValueIsPureMaths = noClasses()
            .that().resideInAPackage(SERVER + ".customers.value..")
            .should().dependOnClassesThat(resideInAPackage(SERVER + "..")
                    .and(not(resideInAnyPackage(SERVER + ".customers.value..", SERVER + ".core..")))
                    .as("server classes outside customers.value and core"));

    @ArchTest
    static final ArchRule placementIsPure = noClasses()
            .that().resideInAPackage(SERVER + ".placement..")
            .should().dependOnClassesThat(resideInAPackage(SERVER + "..")
                    .and(not(resideInAnyPackage(SERVER + ".placement..", SERVER + ".core..")))
                    .as("server classes outside placement and core"));

    /** Graph adapters: the classes named {@code Neo4j*} (nested ones too). */
    private static final DescribedPredicate<JavaClass> NEO4J_ADAPTER =
            DescribedPredicate.describe("a Neo4j* adapter", c -> topLevel(c).getSimpleName().startsWith("Neo4j"));

    @ArchTest
    static final ArchRule driverTypesOnlyInAdapters = noClasses()
            .that().resideOutsideOfPackages(SERVER + ".neo4j..", SERVER + ".app..")
            .and(not(NEO4J_ADAPTER))
            .should().dependOnClassesThat().resideInAPackage("org.neo4j.driver..")
            .because("services take ports; the Driver and its records stay in the Neo4j* adapters, the neo4j package and the "
                    + "composition root that hands the Driver to the adapters");

    /** Javalin's statuses from 400 up: only {@code http} answers errors, from the one table ({@code http.ErrorStatus}). */
    private static boolean isErrorStatus(String constant) {
        try {
            return io.javalin.http.HttpStatus.valueOf(constant).getCode() >= 400;
        } catch (IllegalArgumentException notAStatus) {
            return false;
        }
    }

    @ArchTest
    static final ArchRule errorStatusesOnlyInHttp = noClasses()
            .that().resideOutsideOfPackage(SERVER + ".http..")
            .should(new ArchCondition<JavaClass>("name an HTTP error status (HttpStatus.BAD_REQUEST, HttpStatus.forStatus(...))") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    origin.getFieldAccessesFromSelf().stream()
                            .filter(a -> a.getTargetOwner().isEquivalentTo(io.javalin.http.HttpStatus.class) && isErrorStatus(a.getName()))
                            .forEach(a -> events.add(SimpleConditionEvent.satisfied(a, a.getDescription())));
                    origin.getMethodCallsFromSelf().stream()
                            .filter(c -> c.getTargetOwner().isEquivalentTo(io.javalin.http.HttpStatus.class) && c.getName().equals("forStatus"))
                            .forEach(c -> events.add(SimpleConditionEvent.satisfied(c, c.getDescription())));
                }
            })
            .because("an error's status is chosen in one place, http.ErrorStatus; a handler that shows a form again asks it");

    /** Javalin's status answers thrown as exceptions: {@code BadRequestResponse}, {@code ContentTooLargeResponse}, ... */
    private static final DescribedPredicate<JavaClass> JAVALIN_STATUS_ANSWER = DescribedPredicate.describe(
            "a Javalin status answer (io.javalin.http.*Response)",
            c -> c.getPackageName().equals("io.javalin.http") && c.isAssignableTo(io.javalin.http.HttpResponseException.class));

    @ArchTest
    static final ArchRule javalinStatusAnswersOnlyInHttp = noClasses()
            .that().resideOutsideOfPackage(SERVER + ".http..")
            .should().dependOnClassesThat(JAVALIN_STATUS_ANSWER)
            .because("a feature raises a kind of core.WorkbenchException (too large: core.TooLargeException) and http answers "
                    + "it with its status from http.ErrorStatus");

    @ArchTest
    static final ArchRule onlyHandlersNameHttpStatuses = noClasses()
            .that().resideOutsideOfPackage(SERVER + ".http..").and(not(HANDLER_OR_COMMAND))
            .should().dependOnClassesThat().haveFullyQualifiedName("io.javalin.http.HttpStatus")
            .because("services, records and helpers know no HTTP; a handler may choose its success answer (201 with "
                    + "Location, 202, 204, a 303 redirect) and ask http.ErrorStatus for an error's status");

    @ArchTest
    static final ArchRule coreKnowsNoJavalin = noClasses()
            .that().resideInAPackage(SERVER + ".core..")
            .should().dependOnClassesThat().resideInAPackage("io.javalin..")
            .because("the error kinds carry no HTTP status; http maps them");

    @ArchTest
    static final ArchRule exceptionsCarryNoStatus = noClasses()
            .that().areAssignableTo(Throwable.class).and().resideOutsideOfPackage(SERVER + ".http..")
            .should().dependOnClassesThat().resideInAPackage("io.javalin..")
            .orShould(new ArchCondition<JavaClass>("have a status() method") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    origin.getMethods().stream().filter(m -> m.getName().equals("status"))
                            .forEach(m -> events.add(SimpleConditionEvent.satisfied(m, m.getFullName())));
                }
            })
            .because("an exception says what went wrong; http.ErrorStatus says which status that is");

    @ArchTest
    static final ArchRule serverExceptionsShareOneRoot = classes()
            .that().areAssignableTo(RuntimeException.class).and().arePublic()
            .and().resideOutsideOfPackage(SERVER + ".customers.value..")
            .should().beAssignableTo(org.cstrat.server.core.WorkbenchException.class)
            .because("one sealed root (core.WorkbenchException) that http and cli answer kind by kind; customers.value keeps "
                    + "its own (ClvException: pure maths, mapped by its callers)");
}
