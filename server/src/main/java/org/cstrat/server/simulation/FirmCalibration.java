package org.cstrat.server.simulation;

import java.util.Optional;

/** Reads what the graph holds about a firm for calibrating simulations; empty for an unknown firm. */
public interface FirmCalibration {

    Optional<CalibrationData> dataFor(String firmId);
}
