package org.cstrat.server.customers;

import org.cstrat.server.customers.identity.IdentityService;
import org.cstrat.server.customers.identity.Neo4jIdentityStore;
import org.cstrat.server.customers.imports.CsvTable;
import org.cstrat.server.customers.imports.ImportService;
import org.cstrat.server.customers.imports.Neo4jImportStore;
import org.cstrat.server.customers.journeys.JourneyService;
import org.cstrat.server.customers.segments.Neo4jSegmentStore;
import org.cstrat.server.customers.segments.SegmentService;
import org.cstrat.server.customers.valuation.ValuationService;
import org.cstrat.server.neo4j.GraphChanges;
import org.neo4j.driver.Driver;

/** The customer-data services, wired once by the composition root. */
public record CustomerServices(ImportService imports, IdentityService identity, SegmentService segments,
                               JourneyService journeys, ValuationService valuation) {

    public static CustomerServices over(Driver driver) {
        return over(driver, new GraphChanges());
    }

    /**
     * With {@code changes} moved on by the writes that touch what the matrix is placed from (imports, moment-of-truth
     * tags). Identity changes (unmerge, relink), segments and customer values write only customers, records and
     * segments, which placement does not read, so they leave it alone.
     */
    public static CustomerServices over(Driver driver, GraphChanges changes) {
        return new CustomerServices(new ImportService(new Neo4jImportStore(driver), CsvTable.MAX_FIELD_LENGTH_DEFAULT, changes), new IdentityService(new Neo4jIdentityStore(driver)),
                new SegmentService(new Neo4jSegmentStore(driver)), new JourneyService(driver, changes), new ValuationService(driver));
    }
}
