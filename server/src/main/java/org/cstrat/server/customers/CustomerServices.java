package org.cstrat.server.customers;

import java.util.Objects;

import org.cstrat.server.customers.identity.IdentityService;
import org.cstrat.server.customers.imports.ImportService;
import org.cstrat.server.customers.journeys.JourneyService;
import org.cstrat.server.customers.segments.SegmentService;
import org.cstrat.server.customers.valuation.ValuationService;

/** The customer-data services, wired once by the composition root ({@code app.Services}). */
public record CustomerServices(ImportService imports, IdentityService identity, SegmentService segments,
                               JourneyService journeys, ValuationService valuation) {

    public CustomerServices {
        Objects.requireNonNull(imports, "imports");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(segments, "segments");
        Objects.requireNonNull(journeys, "journeys");
        Objects.requireNonNull(valuation, "valuation");
    }
}
