package org.cstrat.server.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the console lets through, decided on the database's own plan of the query ({@code EXPLAIN}), never on
 * its text: the query type must be {@code READ_ONLY}, every operator must run on the application's database,
 * none may administer the server or leave the graph, and every procedure called must be on {@link #PROCEDURES}.
 *
 * <p>Operators refused, by family: {@code AdministrationCommand} (users, roles, privileges, databases: planned
 * on the system database), {@code Show*} except {@code ShowIndexes} and {@code ShowConstraints} (settings,
 * transactions, procedures, functions: the server, not the graph), {@code Terminate*} (other clients'
 * transactions), {@code LoadCSV} (files and URLs), {@code TransactionForeach}/{@code TransactionApply}
 * ({@code CALL {…} IN TRANSACTIONS}: the console is one read transaction) and {@code RunQueryAt} (other
 * databases). The hundred or so read operators (scans, seeks, expands, joins, aggregations …) pass: an
 * allow-list of them would refuse reads whenever a planner version adds one.
 */
public final class QueryPolicy {

    /**
     * Procedures the console may call: reads of the application's graph and of its schema.
     * {@code db.labels}, {@code db.relationshipTypes}, {@code db.propertyKeys}: the names in use;
     * {@code db.schema.*} ({@code visualization}, {@code nodeTypeProperties}, {@code relTypeProperties}): the
     * graph's shape; {@code db.index.fulltext.query*} and {@code db.index.vector.query*}: the graph's nodes and
     * relationships found through its own indexes. Everything else ({@code dbms.*}, {@code db.clearQueryCaches},
     * {@code db.info}, {@code db.stats.*}, {@code tx.*} …) is refused.
     */
    public static final Set<String> PROCEDURES = Set.of("db.labels", "db.relationshipTypes", "db.propertyKeys",
            "db.index.fulltext.queryNodes", "db.index.fulltext.queryRelationships",
            "db.index.vector.queryNodes", "db.index.vector.queryRelationships");

    /** Procedure namespaces allowed whole. */
    public static final Set<String> PROCEDURE_NAMESPACES = Set.of("db.schema.");

    /** Show commands that read the application's graph's schema (the same as {@code db.schema.*} and indexes). */
    static final Set<String> SHOW_ALLOWED = Set.of("ShowIndexes", "ShowConstraints");

    /** One operator of a plan: its type without the {@code @database} suffix, the database, its details. */
    public record Step(String operator, String database, String details, List<Step> children) {
        public Step {
            if (operator == null || operator.isBlank()) {
                throw new IllegalArgumentException("operator: must not be empty");
            }
            details = details == null ? "" : details;
            children = List.copyOf(children);
        }
    }

    /** Why a query was refused: the kind, a code for clients, and a sentence naming what and why. */
    public record Refusal(ConsoleException.Kind kind, String code, String message) {
    }

    private QueryPolicy() {
    }

    /**
     * @param queryType the summary's query type ({@code READ_ONLY}, {@code READ_WRITE}, {@code WRITE_ONLY}, {@code SCHEMA_WRITE})
     * @param database  the database the console's session uses
     * @param query     the query's text, quoted in messages only
     * @return empty when the query may run
     */
    public static Optional<Refusal> check(String queryType, Step plan, String database, String query) {
        List<Step> steps = new ArrayList<>();
        collect(plan, steps);
        for (Step step : steps) {
            Optional<Refusal> refusal = operator(step, database, query);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        if (!"READ_ONLY".equals(queryType)) {
            String writer = steps.stream().map(Step::operator).filter(o -> !o.equals("ProduceResults") && !o.equals("EmptyResult"))
                    .findFirst().orElse(plan.operator());
            return Optional.of(new Refusal(ConsoleException.Kind.READ_ONLY, "Cstrat.Console.NotReadOnly",
                    "The console is read-only: the database plans this query as " + queryType + " (operator " + writer
                            + "), so it was not run."));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> operator(Step step, String database, String query) {
        String op = step.operator();
        if (op.equals("AdministrationCommand") || (step.database() != null && !step.database().equals(database))) {
            return Optional.of(new Refusal(ConsoleException.Kind.FORBIDDEN, "Cstrat.Console.AdministrationCommand",
                    "Not allowed in the console: " + quote(query) + " is an administration command (the database plans it as "
                            + op + " on the " + step.database() + " database); the console only reads the application's graph."));
        }
        if (op.equals("ProcedureCall")) {
            String procedure = procedureName(step.details());
            if (!procedureAllowed(procedure)) {
                String why = procedure.startsWith("dbms.") ? "dbms.* procedures administer the database server"
                        : "only " + String.join(", ", new java.util.TreeSet<>(PROCEDURES)) + " and db.schema.* may be called";
                return Optional.of(new Refusal(ConsoleException.Kind.FORBIDDEN, "Cstrat.Console.ProcedureNotAllowed",
                        "Not allowed in the console: procedure " + procedure + " (" + why + ")."));
            }
            return Optional.empty();
        }
        if (op.startsWith("Show") && !SHOW_ALLOWED.contains(op) || op.startsWith("Terminate")) {
            return Optional.of(new Refusal(ConsoleException.Kind.FORBIDDEN, "Cstrat.Console.CommandNotAllowed",
                    "Not allowed in the console: " + quote(query) + " (planned as " + op + ") reads or changes the database server's "
                            + "state, not the application's graph; only SHOW INDEXES and SHOW CONSTRAINTS are allowed."));
        }
        if (op.equals("LoadCSV")) {
            return Optional.of(new Refusal(ConsoleException.Kind.FORBIDDEN, "Cstrat.Console.LoadCsvNotAllowed",
                    "Not allowed in the console: LOAD CSV reads files or URLs, not the application's graph."));
        }
        if (op.equals("TransactionForeach") || op.equals("TransactionApply")) {
            return Optional.of(new Refusal(ConsoleException.Kind.FORBIDDEN, "Cstrat.Console.InTransactionsNotAllowed",
                    "Not allowed in the console: CALL { … } IN TRANSACTIONS (the console runs one read transaction)."));
        }
        if (op.equals("RunQueryAt")) {
            return Optional.of(new Refusal(ConsoleException.Kind.FORBIDDEN, "Cstrat.Console.OtherDatabase",
                    "Not allowed in the console: the query reaches another database (" + step.details() + ")."));
        }
        return Optional.empty();
    }

    static boolean procedureAllowed(String procedure) {
        return PROCEDURES.contains(procedure) || PROCEDURE_NAMESPACES.stream().anyMatch(procedure::startsWith);
    }

    /**
     * The procedure's name from a {@code ProcedureCall} operator's details as the planner writes them, e.g.
     * {@code db.labels() :: (label :: STRING)} or {@code dbms.killConnections($autolist_0) :: (…)}.
     */
    static String procedureName(String details) {
        int paren = details.indexOf('(');
        String name = (paren < 0 ? details : details.substring(0, paren)).strip();
        return name.replace("`", "");
    }

    private static void collect(Step step, List<Step> out) {
        out.add(step);
        step.children().forEach(c -> collect(c, out));
    }

    /** The query, on one line and at most 80 characters, for messages. */
    static String quote(String query) {
        String line = query.strip().replaceAll("\\s+", " ");
        return "'" + (line.length() > 80 ? line.substring(0, 77) + "..." : line) + "'";
    }
}
