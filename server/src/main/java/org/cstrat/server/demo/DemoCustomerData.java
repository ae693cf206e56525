package org.cstrat.server.demo;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
        // Segments and customer value both read the imported interactions and write apart (segment nodes and their
        // members; values on CUSTOMER_OF): on two threads they take the longer of the two instead of the sum.
        CompletableFuture<Long> segments = new CompletableFuture<>();
        Thread segmenter = new Thread(() -> {
            long t = System.nanoTime();
            try {
                services.segments().recompute(FIRM);
                segments.complete(millisSince(t));
            } catch (RuntimeException | Error e) {
                segments.completeExceptionally(e);
            }
        }, "cstrat-demo-segments");
        segmenter.setDaemon(true);
        segmenter.start();
        long valueStart = System.nanoTime();
        RuntimeException valueFailure = null;
        try {
            services.valuation().valueCustomers(FIRM, null);
        } catch (UnprocessableException e) {
            LOG.warn("Demo customer data of {}: {}", FIRM, e.getMessage());
        } catch (RuntimeException e) {
            valueFailure = e;
        }
        long valued = millisSince(valueStart);
        long segmented = -1;
        try {
            segmented = segments.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UnprocessableException u) {
                LOG.warn("Demo customer data of {}: {}", FIRM, u.getMessage());
            } else {
                RuntimeException failure = e.getCause() instanceof RuntimeException r ? r : e;
                if (valueFailure != null) {
                    failure.addSuppressed(valueFailure);
                }
                throw failure;
            }
        }
        if (valueFailure != null) {
            throw valueFailure;
        }
        LOG.info("Demo customer data of {} imported: {} records, {} interactions, {} unified customers"
                        + " (import {} ms, then segments {} ms and value {} ms at the same time)", FIRM, report.newRecords(),
                report.newInteractions(), report.unifiedCustomers(), imported, segmented, valued);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
