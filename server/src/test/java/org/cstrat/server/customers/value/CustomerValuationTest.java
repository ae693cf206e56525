package org.cstrat.server.customers.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerValuationTest {

    private static final BgNbdParameters BG = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
    private static final GammaGammaParameters GG = new GammaGammaParameters(6.25, 3.74, 15.44);

    @Test
    void clvIsTheDocumentedDiscountedSum() {
        ClvOptions options = new ClvOptions(52, 4, 6, 0.02, 0.3);
        CustomerValuation valuation = new CustomerValuation(BG, GG, options);
        CustomerHistory h = new CustomerHistory(2, 30.43, 38.86, 22.35);
        double expected = 0;
        for (int k = 1; k <= 6; k++) {
            double periodTransactions = BG.expectedTransactions(h, 4.0 * k) - BG.expectedTransactions(h, 4.0 * (k - 1));
            expected += periodTransactions / Math.pow(1.02, k);
        }
        expected *= 0.3 * GG.expectedSpend(h);
        assertEquals(expected, valuation.clv(h), 1e-12 * expected);
    }

    @Test
    void withoutDiscountingClvIsExpectedTransactionsTimesExpectedSpend() {
        CustomerValuation valuation = new CustomerValuation(BG, GG, new ClvOptions(52, 4, 13, 0, 1));
        for (CustomerHistory h : List.of(new CustomerHistory(0, 0, 38.86, 0), new CustomerHistory(5, 30, 38, 40))) {
            double expected = BG.expectedTransactions(h, 52) * GG.expectedSpend(h);
            assertEquals(expected, valuation.clv(h), 1e-10 * expected);
        }
    }

    @Test
    void valuesEveryCdnowCustomer() {
        List<CustomerSummary> summaries = Cdnow.summaries();
        List<CustomerValue> values = new CustomerValuation(BG, GG, ClvOptions.DEFAULTS).value(summaries);
        assertEquals(summaries.size(), values.size());
        double totalClv = 0;
        for (int i = 0; i < values.size(); i++) {
            CustomerValue v = values.get(i);
            assertEquals(summaries.get(i).customerId(), v.customerId());
            if (v.history().x() == 0) {
                assertEquals(1.0, v.probabilityAlive());
                assertEquals(GG.meanSpend(), v.expectedSpend(), 1e-12);
            }
            assertTrue(v.clv() > 0 && Double.isFinite(v.clv()), v.toString());
            totalClv += v.clv();
        }
        // A heavy, recent buyer is worth more than a one-off buyer of the same cohort.
        CustomerValuation valuation = new CustomerValuation(BG, GG, ClvOptions.DEFAULTS);
        assertTrue(valuation.clv(new CustomerHistory(10, 38, 38.86, 30))
                > valuation.clv(new CustomerHistory(0, 0, 38.86, 0)));
        assertTrue(totalClv > 0);
    }

    @Test
    void refusesModelsOrFitsThatCannotValueCustomers() {
        IllegalArgumentException q = assertThrows(IllegalArgumentException.class,
                () -> new CustomerValuation(BG, new GammaGammaParameters(2, 0.8, 10), ClvOptions.DEFAULTS));
        assertTrue(q.getMessage().contains("q must be > 1"), q.getMessage());
        IllegalArgumentException o = assertThrows(IllegalArgumentException.class,
                () -> new ClvOptions(52, 4, 12, 0.01, 1.5));
        assertEquals("margin must be in (0, 1], was 1.5", o.getMessage());
    }
}
