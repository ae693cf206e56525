package org.cstrat.server.simulation;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cstrat.server.customers.value.BgNbdParameters;
import org.cstrat.server.customers.value.CovarianceMatrix;
import org.cstrat.server.customers.value.CustomerHistory;
import org.cstrat.server.customers.value.Estimate;
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
    private static final List<String> BGNBD = List.of("r", "alpha", "a", "b");

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
            List<CustomerHistory> valued = r.get("histories").asList(h -> new CustomerHistory(h.get(0).asInt(),
                    h.get(1).asDouble(), h.get(2).asDouble(), 0));
            segments.add(new CalibrationData.SegmentData(r.get("segment").asString(), r.get("customers").asInt(),
                    r.get("requests").asLong(), r.get("identifiedRequests").asLong(), r.get("firmInitiated").asLong(),
                    months, r.get("meanSpend").asDouble(Double.NaN), r.get("meanSatisfaction").asDouble(Double.NaN),
                    r.get("meanPAlive").asDouble(Double.NaN), ratio(r.get("spendSums")).standardError(),
                    ratio(r.get("satisfactionSums")).standardError(), valued));
        }
        List<CalibrationData.RevenueModelData> revenueModels = rows.get(0).get("revenueModels").asList(m -> new CalibrationData.RevenueModelData(
                m.get("id").asString(), m.get("name").asString(null), m.get("kind").asString(null), m.get("payer").asString(null),
                m.get("unit").asString(null), m.get("price").isNull() ? Double.NaN : m.get("price").asDouble(),
                m.get("indicator").asString(null)));
        return Optional.of(new CalibrationData(firmId, technologies, segments, valueFit(rows.get(0).get("valueModel")), revenueModels));
    }

    private static RatioMean ratio(Value v) {
        return new RatioMean(v.get("units").asLong(), v.get("y").asDouble(), v.get("k").asDouble(), v.get("yy").asDouble(),
                v.get("yk").asDouble(), v.get("kk").asDouble());
    }

    /** The stored fit: its full BG/NBD covariance, else the diagonal of its standard errors, else none. */
    private static Optional<CalibrationData.ValueFit> valueFit(Value model) {
        if (model.isNull()) {
            return Optional.empty();
        }
        BgNbdParameters bgnbd = new BgNbdParameters(model.get("r").asDouble(), model.get("alpha").asDouble(),
                model.get("a").asDouble(), model.get("b").asDouble());
        Optional<CovarianceMatrix> covariance = Optional.empty();
        boolean full = !model.get("bgnbdCovariance").isNull();
        if (full) {
            List<Double> flat = model.get("bgnbdCovariance").asList(Value::asDouble);
            double[][] m = new double[4][4];
            for (int i = 0; i < 16; i++) {
                m[i / 4][i % 4] = flat.get(i);
            }
            covariance = Optional.of(new CovarianceMatrix(BGNBD, m));
        } else if (BGNBD.stream().noneMatch(p -> model.get(p + "Se").isNull())) {
            double[][] m = new double[4][4];
            for (int i = 0; i < 4; i++) {
                double se = model.get(BGNBD.get(i) + "Se").asDouble();
                m[i][i] = se * se;
            }
            covariance = Optional.of(new CovarianceMatrix(BGNBD, m));
        }
        Estimate q = new Estimate(model.get("q").asDouble(), model.get("qSe").asDouble(Double.NaN));
        return Optional.of(new CalibrationData.ValueFit(bgnbd, covariance, full, q));
    }
}
