package org.cstrat.server.simulation;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cstrat.framework.StarStage;
import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.Reads;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** {@link FirmCalibration} over the Driver; the query is {@code cypher/queries/app/simulation/firm_calibration.cypher}. */
public final class Neo4jFirmCalibration implements FirmCalibration {

    private static final String FIRM_CALIBRATION = CypherFiles.query("simulation/firm_calibration");
    private static final double DAYS_PER_MONTH = 365.25 / 12;

    private final Reads reads;

    public Neo4jFirmCalibration(Driver driver) {
        this.reads = new Reads(driver);
    }

    @Override
    public Optional<CalibrationData> dataFor(String firmId) {
        List<Record> rows = reads.list(FIRM_CALIBRATION, Map.of("firm", firmId), r -> r);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<StarStage, Integer> technologies = new EnumMap<>(StarStage.class);
        for (Value star : rows.get(0).get("stars").values()) {
            StarStage.fromId(star.asString()).ifPresent(s -> technologies.merge(s, 1, Integer::sum));
        }
        List<CalibrationData.SegmentData> segments = new ArrayList<>();
        for (Record r : rows) {
            double months = 1;
            if (!r.get("firstAt").isNull() && !r.get("lastAt").isNull()) {
                ZonedDateTime first = r.get("firstAt").asZonedDateTime();
                ZonedDateTime last = r.get("lastAt").asZonedDateTime();
                months = Math.max(1, Duration.between(first, last).toHours() / 24.0 / DAYS_PER_MONTH);
            }
            segments.add(new CalibrationData.SegmentData(r.get("segment").asString(), r.get("customers").asInt(),
                    r.get("requests").asLong(), r.get("identifiedRequests").asLong(), r.get("firmInitiated").asLong(),
                    months, r.get("meanSpend").asDouble(Double.NaN), r.get("meanSatisfaction").asDouble(Double.NaN)));
        }
        return Optional.of(new CalibrationData(firmId, technologies, segments));
    }
}
