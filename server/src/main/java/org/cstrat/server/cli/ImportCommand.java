package org.cstrat.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.cstrat.input.FieldError;
import org.cstrat.server.customers.imports.ImportFile;
import org.cstrat.server.customers.imports.ImportParser;
import org.cstrat.server.customers.imports.ImportRejectedException;
import org.cstrat.server.core.ConflictException;
import org.cstrat.server.core.ValidationException;
import org.cstrat.server.customers.imports.ImportReport;
import org.cstrat.server.customers.imports.CsvTable;
import org.cstrat.server.customers.imports.ImportService;
import org.cstrat.server.app.Services;
import org.cstrat.server.neo4j.GraphConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cstrat import --firm F DIR|FILE...}: a firm's customer data from CSV exports, all or nothing. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a firm's customer data from CSV files (channels, touchpoints, actors, customers, interactions; "
                + "formats in cypher/README.md). Everything is checked first: any error is listed as file:line:column, "
                + "nothing is written and the exit code is 2. Otherwise all files land as one unit (several transactions; "
                + "if one fails, what the import wrote is removed again); "
                + "importing the same files again changes nothing.",
                "The graph: NEO4J_URI if set, else the workbench running on --data (found through DATA/run/workbench.json), else the embedded store in --data."})
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--firm", required = true, paramLabel = "F", description = "Id of the firm the data belongs to (created if new).")
    String firm;

    @Option(names = "--market", paramLabel = "ID", description = "Market a new firm is placed in (it must exist; "
            + "a firm in 'unassigned' moves there). Without it a new firm goes to the 'unassigned' market; an existing firm stays in its market.")
    String market;

    @Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "CSV files, or directories whose *.csv files are imported.")
    List<Path> inputs;

    @Option(names = "--max-field-length", paramLabel = "N", defaultValue = "" + CsvTable.MAX_FIELD_LENGTH_DEFAULT,
            description = "Longest CSV field accepted, in characters; a longer one is an error at its file:line:column"
                    + " (default: ${DEFAULT-VALUE}, as for uploads).")
    int maxFieldLength;

    @Mixin
    ImportTuning tuning;

    @Mixin
    GraphTarget target;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!ImportParser.SLUG.matcher(firm).matches()) {
            throw new ParameterException(spec.commandLine(), "--firm must be a lower-case id like 'acme-rentals', got '" + firm + "'");
        }
        if (maxFieldLength < 1) {
            throw new ParameterException(spec.commandLine(), "--max-field-length must be at least 1, got " + maxFieldLength);
        }
        List<ImportFile> files = read(inputs);
        try (GraphConnection graph = target.open(out);
             Services services = Services.over(graph, tuning.settings(Services.Settings.DEFAULT).withMaxFieldLength(maxFieldLength))) {
            services.importRecovery().rollBackDead(graph.isEmbedded());
            ImportService service = services.customers().imports();
            out.println("Importing " + files.size() + " file(s) for firm '" + firm + "' ...");
            ImportReport r = service.importFiles(firm, market, files, new ConsoleProgress(out, ConsoleProgress.isTerminal()));
            out.printf(Locale.ROOT, "Imported for '%s' in %.1f s: %,d changed; %,d channels, %,d touchpoints, %,d actors, %,d new + %,d updated"
                            + " records (%,d unchanged), %,d new + %,d updated interactions (%,d unchanged; %,.0f interactions/s);"
                            + " %,d unified customers (%,d new or changed).%n",
                    r.firm(), r.millis() / 1000.0, r.changed(), r.channels(), r.touchpoints(), r.actors(), r.newRecords(), r.updatedRecords(),
                    r.unchangedRecords(), r.newInteractions(), r.updatedInteractions(), r.unchangedInteractions(), r.interactionsPerSecond(),
                    r.unifiedCustomers(), r.changedCustomers());
            return 0;
        } catch (ValidationException e) {
            err.println("cstrat: " + e.getMessage());
            return 2;
        } catch (ConflictException e) {
            err.println("cstrat: " + e.getMessage());
            return 1;
        } catch (ImportRejectedException e) {
            for (FieldError error : e.errors()) {
                err.println(error);
            }
            if (e.total() > e.errors().size()) {
                err.println("... and " + (e.total() - e.errors().size()) + " more errors");
            }
            err.println("cstrat: " + e.getMessage());
            return 2;
        }
    }

    private List<ImportFile> read(List<Path> paths) {
        List<ImportFile> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted()
                            .forEach(f -> files.add(ImportFile.read(f)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(ImportFile.read(p));
            } else {
                throw new ParameterException(spec.commandLine(), "No such file or directory: " + p);
            }
        }
        return files;
    }
}
