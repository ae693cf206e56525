package org.cstrat.server.simulation;

import java.util.List;
import java.util.Locale;

import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.core.UnprocessableException;
import org.cstrat.server.firm.FirmProfile;
import org.cstrat.server.firm.FirmService;
import org.cstrat.sim.model.RunSettings;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.report.JsonOutput;

/**
 * A firm's calibrated scenario as a self-contained scenario file: the parameters and uncertain parameters of
 * {@link Calibration} (the same ones a simulation that names the firm runs on), the strategies of
 * {@link FirmStrategies}, default run settings, and a description that says where each number comes from.
 * Written by {@code cstrat calibrate} and {@code GET /api/firms/{id}/calibration}; {@code cstrat simulate}
 * runs it without a database.
 */
public final class CalibrationService {

    private final FirmCalibration calibration;
    private final FirmService firms;

    public CalibrationService(FirmCalibration calibration, FirmService firms) {
        this.calibration = calibration;
        this.firms = firms;
    }

    /** The scenario, where its numbers come from, and the file name to save it under. */
    public record CalibratedScenario(String firmId, Scenario scenario, List<Calibration.Source> sources) {
        public CalibratedScenario {
            sources = List.copyOf(sources);
        }

        /** The scenario file's text (JSON). */
        public String json() {
            return JsonOutput.scenarioToJson(scenario);
        }

        /** {@code <firm>-calibrated.json}, with any character but letters, digits, '.', '_' and '-' replaced. */
        public String fileName() {
            return firmId.replaceAll("[^A-Za-z0-9._-]", "_") + "-calibrated.json";
        }
    }

    /**
     * @throws NotFoundException      for an unknown firm
     * @throws UnprocessableException when the firm has no customer data, or its customers are not valued yet
     */
    public CalibratedScenario scenario(String firmId) {
        CalibrationData data = calibration.dataFor(firmId).orElseThrow(() -> new NotFoundException("firm", firmId));
        if (data.customers() == 0) {
            throw new UnprocessableException("Firm '" + firmId + "' has no customer data to calibrate from: import it first"
                    + " (./cstrat import --firm " + firmId + " DIR, or /firms/" + firmId + "/customers/import)");
        }
        if (data.value().isEmpty()) {
            throw new UnprocessableException("Firm '" + firmId + "' has customers but their values are not fitted yet: fit the"
                    + " BG/NBD and Gamma-Gamma models first (\"Fit BG/NBD and Gamma-Gamma\" on /firms/" + firmId
                    + "/customers, or POST /api/firms/" + firmId + "/value)");
        }
        FirmProfile profile = firms.profile(firmId);
        Calibration.Calibrated calibrated = Calibration.calibrate(data);
        String billing = FirmBilling.of(data.revenueModels(), FirmStrategies.pricePaidToday(calibrated.parameters()))
                .map(r -> "The current strategy is billed by " + r.basis() + ".")
                .orElse("The firm has no revenue model a customer pays with a price, so the current strategy is billed by its"
                        + " architecture at today's price too.");
        Scenario scenario = new Scenario(firmId + "-calibrated", description(profile, calibrated, billing), firmId,
                calibrated.parameters(), FirmStrategies.of(profile, calibrated.parameters(), data.revenueModels()), calibrated.uncertainty(),
                RunSettings.defaults());
        return new CalibratedScenario(firmId, scenario, calibrated.sources());
    }

    private static String description(FirmProfile profile, Calibration.Calibrated calibrated, String billing) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Calibrated from the customer data of %s in the workbench graph and its fitted BG/NBD and Gamma-Gamma models"
                        + " (rules: org.cstrat.server.simulation.Calibration). Each uncertain parameter is triangular on the"
                        + " estimate ± %.3f standard errors (standard deviation = SE), mapped through the rule and clipped to"
                        + " the parameter's range. Strategies: the firm's current cell, billed by its own revenue models"
                        + " (FirmBilling), then its next moves on the matrix, billed by architecture at today's price"
                        + " (FirmStrategies). %s Where each number comes from:",
                profile.firm().summary().name(), Calibration.SPAN_IN_SE, billing));
        for (Calibration.Source s : calibrated.sources()) {
            text.append(String.format(Locale.ROOT, "%n- %s = %.4g%s: %s", s.parameter(), s.value(),
                    Double.isNaN(s.standardError()) ? "" : String.format(Locale.ROOT, " (SE %.2g)", s.standardError()), s.basis()));
        }
        return text.toString();
    }
}
