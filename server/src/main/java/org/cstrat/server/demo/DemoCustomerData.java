package org.cstrat.server.demo;

import java.util.List;

import org.cstrat.server.customers.CustomerServices;
import org.cstrat.server.core.UnprocessableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.cstrat.server.customers.imports.ImportFile;
import org.cstrat.server.customers.imports.ImportProgress;
import org.cstrat.server.customers.imports.ImportReport;

/**
 * The demo's imported customer data: a seeded synthetic export ({@link SyntheticCustomerData}) of the demo
 * firm {@value #FIRM} from five source systems with overlapping identifiers and a siloed one, imported
 * like a consultant's files, then segmented and valued, so that the customers page has a unified view to
 * show on a fresh workbench and the graph holds every label of the customer-data model.
 */
public final class DemoCustomerData {

    public static final String FIRM = "equinox";
    public static final int PEOPLE = 150;

    private static final Logger LOG = LoggerFactory.getLogger(DemoCustomerData.class);

    private DemoCustomerData() {
    }

    /** Generates, imports, segments and values the demo firm's customer data through {@code services}. */
    public static void load(CustomerServices services) {
        long start = System.nanoTime();
        List<ImportFile> files = SyntheticCustomerData.generate(FIRM, PEOPLE, SyntheticCustomerData.DEFAULT_SEED);
        ImportReport report = services.imports().importFiles(FIRM, files, ImportProgress.NONE);
        long imported = millisSince(start);
        boolean failed = false;
        try {
            services.segments().recompute(FIRM);
        } catch (UnprocessableException e) {
            failed = true; // no segments: no value either, as before
            LOG.warn("Demo customer data of {}: {}", FIRM, e.getMessage());
        }
        long segmented = millisSince(start);
        if (!failed) {
            try {
                services.valuation().valueCustomers(FIRM, null);
            } catch (UnprocessableException e) {
                LOG.warn("Demo customer data of {}: {}", FIRM, e.getMessage());
            }
        }
        LOG.info("Demo customer data of {} imported: {} records, {} interactions, {} unified customers"
                        + " (import {} ms, segments {} ms, value {} ms)", FIRM, report.newRecords(), report.newInteractions(),
                report.unifiedCustomers(), imported, segmented - imported, millisSince(start) - segmented);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
