package org.cstrat.server.customers.valuation;

import java.util.List;
import java.util.Objects;

/**
 * A firm's stored customer-value fit and its customers' value per RFM class.
 *
 * @param model   the fitted models ({@code ValueModel} node: parameters, standard errors, log-likelihoods, calibration end)
 * @param classes per RFM class: customers, mean P(alive), mean and total CLV, mean expected transactions
 */
public record FirmValue(String firm, ValueModel model, List<ClassSummary> classes) {

    public FirmValue {
        Objects.requireNonNull(model, "model");
        classes = List.copyOf(classes);
    }

    public record ClassSummary(String rfmClass, long customers, double pAlive, double clv, double totalClv, double expectedTransactions) {
    }
}
