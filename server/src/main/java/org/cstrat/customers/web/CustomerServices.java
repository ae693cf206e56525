package org.cstrat.customers.web;

import org.cstrat.customers.identity.IdentityService;
import org.cstrat.customers.identity.Neo4jIdentityStore;
import org.cstrat.customers.imports.ImportService;
import org.cstrat.customers.imports.Neo4jImportStore;
import org.cstrat.customers.journeys.JourneyService;
import org.cstrat.customers.segments.Neo4jSegmentStore;
import org.cstrat.customers.segments.SegmentService;
import org.cstrat.customers.valuation.ValuationService;
import org.neo4j.driver.Driver;

/** The customer-data services, wired once by the composition root. */
public record CustomerServices(ImportService imports, IdentityService identity, SegmentService segments,
                               JourneyService journeys, ValuationService valuation) {

    public static CustomerServices over(Driver driver) {
        return new CustomerServices(new ImportService(new Neo4jImportStore(driver)), new IdentityService(new Neo4jIdentityStore(driver)),
                new SegmentService(new Neo4jSegmentStore(driver)), new JourneyService(driver), new ValuationService(driver));
    }
}
