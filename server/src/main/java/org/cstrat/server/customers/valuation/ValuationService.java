package org.cstrat.server.customers.valuation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.cstrat.server.customers.value.ClvFit;
import org.cstrat.server.customers.value.ClvFitter;
import org.cstrat.server.customers.value.ClvOptions;
import org.cstrat.server.customers.value.CovarianceMatrix;
import org.cstrat.server.customers.value.CustomerSummary;
import org.cstrat.server.customers.value.CustomerValuation;
import org.cstrat.server.customers.value.CustomerValue;
import org.cstrat.server.customers.value.Estimate;
import org.cstrat.server.customers.value.FitNotConvergedException;
import org.cstrat.server.customers.value.Transaction;
import org.cstrat.server.customers.value.TransactionLog;
import org.cstrat.server.core.UnprocessableException;
import org.cstrat.server.customers.identity.FirmDirectory;

/**
 * Customer value from the graph (through a {@link ValuationRepository}): a firm's purchases (paid {@code respond} steps through its touchpoints,
 * per unified customer) become a transaction log; the BG/NBD and Gamma-Gamma models of
 * {@code org.cstrat.server.customers.value} are fitted to it and every customer's P(alive), expected
 * transactions over {@link ClvOptions#horizonWeeks()}, expected spend, discounted CLV, RFM scores and model
 * inputs (x, t_x, T) are written to its {@code CUSTOMER_OF} relationship, the fit (with the covariance
 * matrices of the estimates) to a {@code (:ValueModel)} node, all in one transaction. A fit that does not converge stores nothing and says so.
 */
public final class ValuationService {

    private static final Comparator<Transaction> PURCHASE_ORDER = Comparator.comparing(Transaction::customerId)
            .thenComparing(Transaction::date).thenComparing(Transaction::amount);

    private final ValuationRepository repository;
    private final FirmDirectory firms;
    private final ClvOptions options;

    public ValuationService(ValuationRepository repository, FirmDirectory firms) {
        this(repository, firms, ClvOptions.DEFAULTS);
    }

    public ValuationService(ValuationRepository repository, FirmDirectory firms, ClvOptions options) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.firms = Objects.requireNonNull(firms, "firms");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The stored value model and summary, if the firm was valued. @throws org.cstrat.server.core.NotFoundException when there is no such firm */
    public Optional<FirmValue> value(String firm) {
        firms.require(firm);
        return repository.value(firm);
    }

    /**
     * Fits the models on the firm's purchases up to {@code end} (inclusive; null = the last purchase day)
     * and writes the values back.
     *
     * @throws org.cstrat.server.core.NotFoundException when there is no such firm
     * @throws UnprocessableException when the firm has no purchases or the fit does not converge (nothing is written)
     */
    public FirmValue valueCustomers(String firm, LocalDate end) {
        firms.require(firm);
        // The graph returns purchases in no defined order (it follows how the store was written), and the fit sums its
        // customers' log-likelihoods in the log's order: sorted, the same purchases always give the same fit to the bit.
        List<Transaction> transactions = new ArrayList<>(repository.purchases(firm));
        transactions.sort(PURCHASE_ORDER);
        if (transactions.isEmpty()) {
            throw new UnprocessableException("firm '" + firm + "' has no purchases (paid respond steps) to fit customer-value models to");
        }
        TransactionLog log = new TransactionLog("graph:" + firm, transactions);
        LocalDate calibrationEnd = end == null ? log.lastDate() : end;
        List<CustomerSummary> summaries = log.summarise(calibrationEnd);
        if (summaries.isEmpty()) {
            throw new UnprocessableException("firm '" + firm + "' has no customer whose first purchase is on or before " + calibrationEnd);
        }
        ClvFit fit;
        try {
            fit = new ClvFitter().fitSummaries(summaries);
        } catch (FitNotConvergedException e) {
            throw new UnprocessableException("The customer-value fit for firm '" + firm + "' did not converge; nothing was stored. "
                    + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableException("The customer-value models cannot be fitted to firm '" + firm + "': " + e.getMessage(), e);
        }
        List<CustomerValue> values;
        try {
            values = CustomerValuation.of(fit, options).value(summaries);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableException("Customer values cannot be computed for firm '" + firm + "': " + e.getMessage(), e);
        }
        ValueModel model = model(fit, calibrationEnd);
        repository.store(firm, model, values, calibrationEnd);
        return repository.value(firm).orElseThrow();
    }

    private ValueModel model(ClvFit fit, LocalDate end) {
        var bgnbd = fit.bgnbd();
        var gg = fit.gammagamma();
        return new ValueModel(null, null,
                bgnbd.r().estimate(), se(bgnbd.r()), bgnbd.alpha().estimate(), se(bgnbd.alpha()), bgnbd.a().estimate(), se(bgnbd.a()),
                bgnbd.b().estimate(), se(bgnbd.b()), bgnbd.logLikelihood(),
                gg.p().estimate(), se(gg.p()), gg.q().estimate(), se(gg.q()), gg.v().estimate(), se(gg.v()), gg.logLikelihood(),
                bgnbd.covariance().map(ValuationService::flat).orElse(null), gg.covariance().map(ValuationService::flat).orElse(null),
                (long) fit.customers(), (long) gg.customers(), end, options.horizonWeeks(), options.discountRate(), (long) options.periods(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }

    /** A covariance matrix row by row, as a Neo4j list property. */
    private static List<Double> flat(CovarianceMatrix c) {
        List<Double> out = new ArrayList<>(c.size() * c.size());
        for (int i = 0; i < c.size(); i++) {
            for (int j = 0; j < c.size(); j++) {
                out.add(c.get(i, j));
            }
        }
        return out;
    }

    private static Double se(Estimate e) {
        return e.hasStandardError() ? e.se() : null;
    }
}
