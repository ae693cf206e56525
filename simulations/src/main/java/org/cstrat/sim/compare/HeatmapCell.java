package org.cstrat.sim.compare;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.framework.RevenueModelKind;
import org.cstrat.sim.model.BillingModel;
import org.cstrat.sim.model.Checks;
import org.cstrat.sim.stats.Distribution;

/**
 * The simulated value of the firm in one cell of the connected-strategy matrix, with what the cell ran: its
 * billing model and terms, the price per episode a customer pays on average under it ({@code pricePerEpisode},
 * {@link HeatmapMapping#referencePrice}), the firm's share of the fulfilment cost, whether it is the base
 * strategy's own cell (its own billing, so the same result as the strategy in the main run on the same seed) and,
 * when the cell's strategy is the same for the engine as another column's in the same row, that column
 * ({@code sameAs}, else null).
 */
public record HeatmapCell(Experience experience, Architecture architecture, RevenueModelKind billing, BillingModel billingModel,
                          String billingTerms, double pricePerEpisode, boolean ownStrategy, Architecture sameAs,
                          Distribution npv, double fulfilmentCostShare) {
    public HeatmapCell {
        Checks.present("heatmap cell experience", experience);
        Checks.present("heatmap cell architecture", architecture);
        Checks.present("heatmap cell billingModel", billingModel);
        Checks.present("heatmap cell npv", npv);
        if (billing != billingModel.kind()) {
            throw new IllegalArgumentException("heatmap cell billing: must be the billing model's kind " + billingModel.kind().id()
                    + ", was " + billing);
        }
        if (sameAs == architecture) {
            throw new IllegalArgumentException("heatmap cell sameAs: must be another column than " + architecture.id());
        }
    }
}
