package org.cstrat.server.cli;

import org.cstrat.server.app.Services;
import org.cstrat.server.customers.imports.Neo4jImportStore;
import picocli.CommandLine.Option;

/** How an import writes (statement size, staged transaction size, parallel writers): the options of {@code import} and {@code bench import}. */
public final class ImportTuning {

    @Option(names = "--batch", paramLabel = "N", defaultValue = "" + Neo4jImportStore.BATCH_DEFAULT,
            description = "Rows per UNWIND statement (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--tx-rows", paramLabel = "N", defaultValue = "" + Neo4jImportStore.TX_ROWS_DEFAULT,
            description = "New interactions per transaction (default: ${DEFAULT-VALUE}).")
    int txRows;

    @Option(names = "--writers", paramLabel = "N",
            description = "Sessions writing the new interactions at once (default: the number of cores, at most 2).")
    Integer writers;

    int writers() {
        return writers == null ? Neo4jImportStore.WRITERS_DEFAULT : writers;
    }

    /** {@code base} with these options' import tuning. */
    Services.Settings settings(Services.Settings base) {
        return base.withImportTuning(batch, txRows, writers());
    }
}
