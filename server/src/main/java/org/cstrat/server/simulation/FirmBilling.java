package org.cstrat.server.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.cstrat.framework.PricingIndicator;
import org.cstrat.sim.model.BillingModel;

/**
 * The billing model of a firm's calibrated current strategy, from the firm's own revenue models ({@code EARNS_BY}).
 * The model's period is a month. Rules (documented in {@code cypher/README.md}, "Calibrating a simulation"):
 * <ol>
 *   <li>Only models the customer pays (payer {@code customer} or none) bill the customer; those an actor pays are
 *       used only when the customer pays nothing (a commission, below).</li>
 *   <li>Subscriptions (unit a period: {@code month}, {@code week}, {@code year}, or {@code X-month}, {@code X-year}
 *       per member) add up to one fee per month; a pay-per-use price on top makes it a two-part tariff
 *       (subscription with {@code pricePerUnit}, one unit per episode): Equinox's $220/month dues and $120/session.
 *       With a subscription, flat prices (device or bike purchases) are one-off and are not simulated.</li>
 *   <li>Without a subscription, the first by id of: pay per use (price per unit, one unit per episode), personalised
 *       pricing (base price, its indicator, slope 0.2, fairness cap 1.5, loyalty horizon 12: the scenario defaults),
 *       flat price (per episode), a commission (the firm keeps the model's price of a transaction worth what
 *       customers pay per episode today).</li>
 *   <li>Anything else (only actor-paid third-party or outcome models, no price) gives none: the strategy is then
 *       billed by its architecture at today's price, as the heatmap bills a cell.</li>
 * </ol>
 */
public final class FirmBilling {

    /** The billing and, in words, which revenue models it came from and which it leaves out. */
    public record Result(BillingModel billing, String basis) {
    }

    private FirmBilling() {
    }

    public static Optional<Result> of(List<CalibrationData.RevenueModelData> models, double pricePaidToday) {
        List<CalibrationData.RevenueModelData> priced = models.stream()
                .filter(m -> m.kind() != null && Double.isFinite(m.price()) && m.price() >= 0).toList();
        List<CalibrationData.RevenueModelData> customer = priced.stream().filter(CalibrationData.RevenueModelData::paidByCustomer).toList();
        List<String> used = new ArrayList<>();
        double fee = 0;
        for (CalibrationData.RevenueModelData m : customer) {
            Optional<Double> perMonth = perMonth(m.unit());
            if (m.kind().equals("subscription") && perMonth.isPresent()) {
                fee += m.price() * perMonth.get();
                used.add(describe(m));
            }
        }
        Optional<CalibrationData.RevenueModelData> perUse = first(customer, "pay_per_use");
        if (fee > 0 || !used.isEmpty()) {
            double unitPrice = 0;
            if (perUse.isPresent()) {
                unitPrice = perUse.get().price();
                used.add(describe(perUse.get()));
            }
            return Optional.of(new Result(new BillingModel.Subscription(fee, unitPrice), basis(used, models)));
        }
        if (perUse.isPresent()) {
            return Optional.of(new Result(new BillingModel.PayPerUse(perUse.get().price()), basis(List.of(describe(perUse.get())), models)));
        }
        Optional<CalibrationData.RevenueModelData> personalised = first(customer, "personalised_pricing");
        if (personalised.isPresent()) {
            CalibrationData.RevenueModelData m = personalised.get();
            PricingIndicator indicator = m.indicator() == null ? PricingIndicator.QUANTITY
                    : PricingIndicator.fromId(m.indicator()).orElse(PricingIndicator.QUANTITY);
            return Optional.of(new Result(BillingModel.PersonalisedPricing.withDefaults(m.price(), indicator),
                    basis(List.of(describe(m)), models)));
        }
        Optional<CalibrationData.RevenueModelData> flat = first(customer, "flat_price");
        if (flat.isPresent()) {
            return Optional.of(new Result(new BillingModel.FlatPrice(flat.get().price()), basis(List.of(describe(flat.get())), models)));
        }
        Optional<CalibrationData.RevenueModelData> commission = first(customer, "commission").or(() -> first(priced, "commission"));
        if (commission.isPresent() && pricePaidToday > 0) {
            double rate = Math.min(1, commission.get().price() / pricePaidToday);
            return Optional.of(new Result(new BillingModel.Commission(pricePaidToday, rate), basis(List.of(describe(commission.get())
                    + String.format(Locale.ROOT, " of a transaction worth %.2f (what customers pay per episode today)", pricePaidToday)), models)));
        }
        return Optional.empty();
    }

    /** Months per unit for a period unit (month, week, year; "member-month" is a month), empty for any other unit. */
    static Optional<Double> perMonth(String unit) {
        if (unit == null) {
            return Optional.empty();
        }
        String u = unit.toLowerCase(Locale.ROOT);
        String last = u.contains("-") ? u.substring(u.lastIndexOf('-') + 1) : u;
        return switch (last) {
            case "month", "monthly" -> Optional.of(1.0);
            case "year", "annual", "yearly" -> Optional.of(1.0 / 12);
            case "week", "weekly" -> Optional.of(365.25 / 7 / 12);
            default -> Optional.empty();
        };
    }

    private static Optional<CalibrationData.RevenueModelData> first(List<CalibrationData.RevenueModelData> models, String kind) {
        return models.stream().filter(m -> m.kind().equals(kind)).findFirst();
    }

    private static String describe(CalibrationData.RevenueModelData m) {
        return String.format(Locale.ROOT, "%s (%s %.2f per %s)", m.id(), m.kind(), m.price(), m.unit() == null ? "unit" : m.unit());
    }

    private static String basis(List<String> used, List<CalibrationData.RevenueModelData> all) {
        List<String> left = all.stream().map(CalibrationData.RevenueModelData::id).filter(id -> used.stream().noneMatch(u -> u.startsWith(id + " ")))
                .toList();
        return "the firm's revenue models " + String.join(" + ", used) + (left.isEmpty() ? "" : "; not simulated: " + String.join(", ", left));
    }
}
