package org.cstrat.server.customers.valuation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.cstrat.server.customers.value.CustomerValue;
import org.cstrat.server.customers.value.Transaction;

/** The graph side of customer value: a firm's purchases in, its fitted model and customer values out. */
public interface ValuationRepository {

    /** The firm's purchases: paid {@code respond} steps through its touchpoints, per unified customer. */
    List<Transaction> purchases(String firm);

    /** The stored value model and summary, if the firm was valued. */
    Optional<FirmValue> value(String firm);

    /** Stores the fitted model and every customer's value (valued at {@code calibrationEnd}), all or nothing. */
    void store(String firm, ValueModel model, List<CustomerValue> values, LocalDate calibrationEnd);
}
