package org.cstrat.sim.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.cstrat.framework.PricingIndicator;
import org.cstrat.framework.RevenueModelKind;

/**
 * How the firm bills. In JSON the variant is chosen by {@code "model"}, one of the
 * {@link RevenueModelKind} ids. The engine compiles every variant into the same three numbers per
 * segment and tenure (price the customer weighs, fixed revenue per served episode, revenue per good
 * episode) plus a revenue per active customer-period, so the hot loop never switches on the model.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
@JsonSubTypes({
    @JsonSubTypes.Type(value = BillingModel.FlatPrice.class, name = "flat_price"),
    @JsonSubTypes.Type(value = BillingModel.PersonalisedPricing.class, name = "personalised_pricing"),
    @JsonSubTypes.Type(value = BillingModel.OutcomeSharing.class, name = "outcome_sharing"),
    @JsonSubTypes.Type(value = BillingModel.ThirdPartyPays.class, name = "third_party_pays"),
    @JsonSubTypes.Type(value = BillingModel.PayPerUse.class, name = "pay_per_use"),
    @JsonSubTypes.Type(value = BillingModel.Subscription.class, name = "subscription"),
    @JsonSubTypes.Type(value = BillingModel.Commission.class, name = "commission")
})
public sealed interface BillingModel {

    @JsonIgnore
    RevenueModelKind kind();

    /** The same price for every customer and episode. */
    record FlatPrice(
            @Param(value = "price per served episode", unit = "currency/episode", min = 0, required = true) double price)
            implements BillingModel {
        public FlatPrice {
            Checks.nonNegative("billing.price", price);
        }

        @Override
        public RevenueModelKind kind() { return RevenueModelKind.FLAT_PRICE; }
    }

    /**
     * Price = basePrice × m, where the multiplier m follows the indicator and is then clamped into
     * [1/sqrt(fairnessCap), sqrt(fairnessCap)], so no customer ever pays more than fairnessCap times
     * what another pays (the fairness guard).
     */
    record PersonalisedPricing(
            @Param(value = "price per episode at multiplier 1", unit = "currency/episode", min = 0, required = true) double basePrice,
            @Param(value = "indicator the price follows: quantity (m = 1 - slope (episodeRate / rbar - 1), rbar the mean episodeRate of the segments weighted by their customers over the horizon, initialCustomers + newCustomersPerPeriod x (periods - 1)), loyalty, time or risk", required = true) PricingIndicator indicator,
            @Param(value = "strength of the indicator's effect on the multiplier", unit = "share", min = 0, max = 2) double slope,
            @Param(value = "fairness guard: largest allowed ratio between two customers' prices", unit = "ratio", min = 1, max = 100) double fairnessCap,
            @Param(value = "tenure (periods since arrival, 0 in the arrival period) at which the loyalty discount is complete (loyalty indicator)", unit = "periods", min = 1, max = 600) double loyaltyHorizon)
            implements BillingModel {
        /** The scenario's defaults where a file leaves them out, also used by the firm calibration. */
        public static final double SLOPE_DEFAULT = 0.2;
        public static final double FAIRNESS_CAP_DEFAULT = 1.5;
        public static final double LOYALTY_HORIZON_DEFAULT = 12;

        public PersonalisedPricing {
            Checks.nonNegative("billing.basePrice", basePrice);
            Checks.present("billing.indicator", indicator);
            Checks.range("billing.slope", slope, 0, 2);
            Checks.range("billing.fairnessCap", fairnessCap, 1, 100);
            Checks.range("billing.loyaltyHorizon", loyaltyHorizon, 1, 600);
        }

        @Override
        public RevenueModelKind kind() { return RevenueModelKind.PERSONALISED_PRICING; }

        /** {@code basePrice} following {@code indicator}, with the default slope, fairness cap and loyalty horizon. */
        public static PersonalisedPricing withDefaults(double basePrice, PricingIndicator indicator) {
            return new PersonalisedPricing(basePrice, indicator, SLOPE_DEFAULT, FAIRNESS_CAP_DEFAULT, LOYALTY_HORIZON_DEFAULT);
        }

        /** Lowest multiplier the fairness guard allows. */
        public double minMultiplier() { return 1.0 / Math.sqrt(fairnessCap); }

        /** Highest multiplier the fairness guard allows. */
        public double maxMultiplier() { return Math.sqrt(fairnessCap); }
    }

    /** The firm takes a share of the value a good episode creates, plus an optional fixed fee. */
    record OutcomeSharing(
            @Param(value = "share of the value created by a good episode paid to the firm", unit = "share", min = 0, max = 1, required = true) double share,
            @Param(value = "fixed fee per served episode regardless of outcome", unit = "currency/episode", min = 0) double feePerEpisode)
            implements BillingModel {
        public OutcomeSharing {
            Checks.probability("billing.share", share);
            Checks.nonNegative("billing.feePerEpisode", feePerEpisode);
        }

        @Override
        public RevenueModelKind kind() { return RevenueModelKind.OUTCOME_SHARING; }
    }

    /** Ecosystem actors pay; the customer pays nothing. */
    record ThirdPartyPays(
            @Param(value = "paid by third parties per active customer per period", unit = "currency/customer/period", min = 0) double perActiveCustomer,
            @Param(value = "paid by third parties per served episode", unit = "currency/episode", min = 0) double perEpisode)
            implements BillingModel {
        public ThirdPartyPays {
            Checks.nonNegative("billing.perActiveCustomer", perActiveCustomer);
            Checks.nonNegative("billing.perEpisode", perEpisode);
        }

        @Override
        public RevenueModelKind kind() { return RevenueModelKind.THIRD_PARTY_PAYS; }
    }

    /** The customer pays per unit used; an episode uses the segment's usagePerEpisode units. */
    record PayPerUse(
            @Param(value = "price per unit of use", unit = "currency/unit", min = 0, required = true) double pricePerUnit)
            implements BillingModel {
        public PayPerUse {
            Checks.nonNegative("billing.pricePerUnit", pricePerUnit);
        }

        @Override
        public RevenueModelKind kind() { return RevenueModelKind.PAY_PER_USE; }
    }

    /**
     * A fixed fee per active period; episodes cost nothing at the margin unless {@code pricePerUnit} is set, which
     * makes it a two-part tariff (dues plus a price per unit used, e.g. a club's monthly dues and its paid training
     * sessions): the customer then weighs pricePerUnit x usagePerEpisode per episode and pays it per served episode.
     */
    record Subscription(
            @Param(value = "fee per active customer per period", unit = "currency/customer/period", min = 0, required = true) double feePerPeriod,
            @Param(value = "price per unit used on top of the fee (two-part tariff; 0: episodes cost nothing at the margin)", unit = "currency/unit", min = 0) double pricePerUnit)
            implements BillingModel {
        public Subscription {
            Checks.nonNegative("billing.feePerPeriod", feePerPeriod);
            Checks.nonNegative("billing.pricePerUnit", pricePerUnit);
        }

        /** A subscription without a usage price. */
        public Subscription(double feePerPeriod) {
            this(feePerPeriod, 0.0);
        }

        @Override
        public RevenueModelKind kind() { return RevenueModelKind.SUBSCRIPTION; }
    }

    /** The customer pays the transaction value to a supplier; the firm keeps a commission on it. */
    record Commission(
            @Param(value = "value of the brokered transaction the customer pays", unit = "currency/episode", min = 0, required = true) double transactionValue,
            @Param(value = "share of the transaction value the firm keeps", unit = "share", min = 0, max = 1, required = true) double rate)
            implements BillingModel {
        public Commission {
            Checks.nonNegative("billing.transactionValue", transactionValue);
            Checks.probability("billing.rate", rate);
        }

        @Override
        public RevenueModelKind kind() { return RevenueModelKind.COMMISSION; }
    }
}
