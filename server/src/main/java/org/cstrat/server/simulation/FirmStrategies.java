package org.cstrat.server.simulation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PersonalisationLevel;
import org.cstrat.server.firm.FirmProfile;
import org.cstrat.server.placement.PlacementRules;
import org.cstrat.sim.compare.HeatmapMapping;
import org.cstrat.sim.model.BillingModel;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.Segment;
import org.cstrat.sim.model.Strategy;

/**
 * The strategies a firm's calibrated scenario compares: first the firm's current one, then its next moves on
 * the matrix, each priced the way the matrix heatmap prices a cell ({@link HeatmapMapping#defaults()}: billing by
 * the cell's architecture from the price customers pay today).
 * <ul>
 *   <li>current: the cell of the firm's first placement (respond to desire × connected retailer when it has none),
 *       at its personalisation level (at least 1), billed by the firm's own revenue models ({@link FirmBilling})
 *       when they give a billing model;</li>
 *   <li>moves, at most {@value #MAX_MOVES}: one experience up in the same column, then the cells the firm does not
 *       occupy, in its row or above, whose essential capabilities the graph already shows (the firm page's move
 *       assessment), in matrix order;</li>
 *   <li>today's price P: the customers' mean amount paid per episode, WTP / {@value Calibration#WTP_OVER_PRICE}
 *       averaged over segments weighted by customers (the inverse of the calibration rule).</li>
 * </ul>
 */
public final class FirmStrategies {

    static final int MAX_MOVES = 3;

    private FirmStrategies() {
    }

    public static List<Strategy> of(FirmProfile profile, ModelParameters parameters) {
        return of(profile, parameters, List.of());
    }

    /**
     * As {@link #of(FirmProfile, ModelParameters)}, with the current strategy billed by the firm's own revenue models
     * ({@link FirmBilling}) when they give a billing model; the moves stay billed by their architecture.
     */
    public static List<Strategy> of(FirmProfile profile, ModelParameters parameters, List<CalibrationData.RevenueModelData> revenueModels) {
        Experience experience = Experience.RESPOND_TO_DESIRE;
        Architecture architecture = Architecture.CONNECTED_RETAILER;
        if (!profile.placements().isEmpty()) {
            experience = profile.placements().get(0).experience();
            architecture = profile.placements().get(0).architecture();
        }
        PersonalisationLevel level = PersonalisationLevel.of(Math.max(1, profile.personalisation().value())).orElseThrow();
        Strategy base = Strategy.of("today", experience, level, new BillingModel.FlatPrice(pricePaidToday(parameters)));
        HeatmapMapping mapping = HeatmapMapping.defaults();

        Set<Cell> cells = new LinkedHashSet<>();
        if (experience.ordinal() + 1 < Experience.values().length) {
            cells.add(new Cell(Experience.values()[experience.ordinal() + 1], architecture));
        }
        for (PlacementRules.Move m : profile.otherCells()) {
            if (m.missingEssential().isEmpty() && m.experience().ordinal() >= experience.ordinal()) {
                cells.add(new Cell(m.experience(), m.architecture()));
            }
        }
        Set<String> occupied = profile.occupiedCells();
        Cell current = new Cell(experience, architecture);
        cells.removeIf(c -> c.equals(current) || occupied.contains(PlacementRules.cellKey(c.experience(), c.architecture())));

        List<Strategy> out = new ArrayList<>();
        Strategy now = mapping.strategyFor(experience, architecture, base, parameters);
        Optional<FirmBilling.Result> own = FirmBilling.of(revenueModels, pricePaidToday(parameters));
        if (own.isPresent()) {
            now = now.withBilling(own.get().billing());
        }
        out.add(named("current", now));
        cells.stream().limit(MAX_MOVES).forEach(c -> out.add(named("move", mapping.strategyFor(c.experience(), c.architecture(), base, parameters))));
        return List.copyOf(out);
    }

    /**
     * The architecture a strategy of this class names ("current: coach_behavior/connected_retailer"), so the heatmap
     * puts the firm's current strategy in its own column; empty for any other name.
     */
    public static java.util.Optional<Architecture> architectureIn(String strategyName) {
        if (strategyName == null) {
            return java.util.Optional.empty();
        }
        int slash = strategyName.lastIndexOf('/');
        return slash < 0 || !strategyName.contains(": ") ? java.util.Optional.empty() : Architecture.fromId(strategyName.substring(slash + 1));
    }

    private record Cell(Experience experience, Architecture architecture) {
    }

    private static Strategy named(String prefix, Strategy cell) {
        return cell.withName(prefix + ": " + cell.name());
    }

    /** P: the customer-weighted mean of WTP / {@value Calibration#WTP_OVER_PRICE}. */
    static double pricePaidToday(ModelParameters p) {
        double customers = 0;
        double sum = 0;
        for (Segment s : p.segments()) {
            customers += s.initialCustomers();
            sum += s.initialCustomers() * s.willingnessToPay() / Calibration.WTP_OVER_PRICE;
        }
        return customers > 0 ? sum / customers : Segment.defaults("x").willingnessToPay() / Calibration.WTP_OVER_PRICE;
    }
}
