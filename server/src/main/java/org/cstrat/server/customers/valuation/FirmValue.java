package org.cstrat.server.customers.valuation;

import java.util.List;
import java.util.Map;

/**
 * A firm's stored customer-value fit and its customers' value per RFM class.
 *
 * @param model   the {@code ValueModel} node's properties (parameters, standard errors, log-likelihoods, calibration end)
 * @param classes per RFM class: customers, mean P(alive), mean and total CLV, mean expected transactions
 */
public record FirmValue(String firm, Map<String, Object> model, List<ClassSummary> classes) {

    public FirmValue {
        model = Map.copyOf(model);
        classes = List.copyOf(classes);
    }

    public record ClassSummary(String rfmClass, long customers, double pAlive, double clv, double totalClv, double expectedTransactions) {
    }
}
