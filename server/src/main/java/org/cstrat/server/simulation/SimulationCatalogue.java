package org.cstrat.server.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.framework.RevenueModelKind;
import org.cstrat.sim.model.BillingModel.PersonalisedPricing;
import org.cstrat.framework.PricingIndicator;

/**
 * What the simulation form offers, served to the browser ({@code GET /api/simulation-catalogue}) and to the form's page,
 * so that the JavaScript keeps no copy: the billing models (ids and names from {@link RevenueModelKind}, each with the
 * fields the form shows, their labels and suggested first values), the experiences and the architectures (the matrix's
 * rows and columns, in order). {@code SimulationCatalogueTest} checks every model against the scenario reader: its id is
 * a model, its fields are the model's, and its first values make a valid scenario.
 *
 * @param billingModels in the order the form lists them
 * @param experiences   the matrix's rows, top to bottom
 * @param architectures the matrix's columns, left to right
 */
public record SimulationCatalogue(List<BillingModel> billingModels, List<Item> experiences, List<Item> architectures) {

    public SimulationCatalogue {
        billingModels = List.copyOf(billingModels);
        experiences = List.copyOf(experiences);
        architectures = List.copyOf(architectures);
    }

    /** An enum constant as the browser needs it. */
    public record Item(String id, String label) {
    }

    /** A billing model: its id ({@code billing.model}), its name, and the fields the form shows for it. */
    public record BillingModel(String id, String label, List<Field> fields) {
        public BillingModel {
            fields = List.copyOf(fields);
        }
    }

    /**
     * One field of a billing model: its name in the scenario ({@code billing.<name>}), its label, the value the form
     * starts with (a number, or one of {@code options}), and the allowed values of a choice (empty for a number).
     */
    public record Field(String name, String label, Object value, List<String> options) {
        public Field {
            options = List.copyOf(options);
            if (!(value instanceof Number) && !(value instanceof String s && options.contains(s))) {
                throw new IllegalArgumentException("value of billing field " + name + ": a number or one of " + options + ", was " + value);
            }
        }

        static Field number(String name, String label, double value) {
            return new Field(name, label, value, List.of());
        }
    }

    /** The form's fields per model (the parameters not listed keep the engine's defaults). */
    private static final Map<RevenueModelKind, List<Field>> FIELDS = Map.of(
            RevenueModelKind.FLAT_PRICE, List.of(Field.number("price", "Price per episode", 12)),
            RevenueModelKind.PERSONALISED_PRICING, List.of(Field.number("basePrice", "Base price", 12),
                    new Field("indicator", "Indicator", PricingIndicator.LOYALTY.id(),
                            Arrays.stream(PricingIndicator.values()).map(PricingIndicator::id).toList()),
                    Field.number("slope", "Slope", PersonalisedPricing.SLOPE_DEFAULT),
                    Field.number("fairnessCap", "Fairness cap (max/min price)", PersonalisedPricing.FAIRNESS_CAP_DEFAULT)),
            RevenueModelKind.OUTCOME_SHARING, List.of(Field.number("share", "Share of value", 0.3),
                    Field.number("feePerEpisode", "Fee per episode", 2)),
            RevenueModelKind.THIRD_PARTY_PAYS, List.of(Field.number("perActiveCustomer", "Per active customer-period", 2),
                    Field.number("perEpisode", "Per episode", 1)),
            RevenueModelKind.PAY_PER_USE, List.of(Field.number("pricePerUnit", "Price per unit", 12)),
            RevenueModelKind.SUBSCRIPTION, List.of(Field.number("feePerPeriod", "Fee per period", 25),
                    Field.number("pricePerUnit", "Price per unit used (0: none)", 0)),
            RevenueModelKind.COMMISSION, List.of(Field.number("transactionValue", "Transaction value", 40),
                    Field.number("rate", "Commission rate", 0.2)));

    /** The catalogue: every billing model in {@link RevenueModelKind}'s order, every experience and architecture. */
    public static final SimulationCatalogue INSTANCE = new SimulationCatalogue(
            Arrays.stream(RevenueModelKind.values()).map(k -> new BillingModel(k.id(), k.label(), FIELDS.get(k))).toList(),
            Arrays.stream(Experience.values()).map(e -> new Item(e.id(), e.label())).toList(),
            Arrays.stream(Architecture.values()).map(a -> new Item(a.id(), a.label())).toList());
}
