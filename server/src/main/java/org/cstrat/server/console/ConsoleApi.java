package org.cstrat.server.console;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cstrat.server.core.InvalidRequestException;
import io.javalin.http.Context;
import org.cstrat.sim.report.Csv;

/** {@code POST /api/cypher} (JSON, or CSV with {@code ?format=csv}) and {@code GET /api/cypher/library}. */
public final class ConsoleApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConsoleService console;

    public ConsoleApi(ConsoleService console) {
        this.console = console;
    }

    public void run(Context ctx) throws Exception {
        ConsoleRequest request = request(ctx.body());
        ConsoleResult result = console.run(request);
        if ("csv".equalsIgnoreCase(ctx.queryParam("format"))) {
            ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"result.csv\"")
                    .result(csv(result));
        } else {
            ctx.json(result);
        }
    }

    public void library(Context ctx) {
        ctx.json(console.library());
    }

    /** The fields a console request may have (Jackson refuses any other); each is checked below. */
    private record Fields(JsonNode query, JsonNode parameters, JsonNode timeoutSeconds, JsonNode maxRows, JsonNode maxBytes) {
    }

    @SuppressWarnings("unchecked")
    static ConsoleRequest request(String body) throws Exception {
        JsonNode json = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        if (!json.isObject()) {
            throw new InvalidRequestException("$", "the body must be a JSON object {query, parameters, timeoutSeconds, maxRows, maxBytes}");
        }
        JSON.treeToValue(json, Fields.class); // refuses an unknown field (UnrecognizedPropertyException, 400 naming it)
        JsonNode parameters = json.path("parameters");
        if (!parameters.isMissingNode() && !parameters.isNull() && !parameters.isObject()) {
            throw new InvalidRequestException("parameters", "must be a JSON object, got " + parameters);
        }
        JsonNode timeout = json.path("timeoutSeconds");
        JsonNode maxRows = json.path("maxRows");
        JsonNode maxBytes = json.path("maxBytes");
        if (!timeout.isMissingNode() && !timeout.canConvertToInt()) {
            throw new InvalidRequestException("timeoutSeconds", "must be a whole number of seconds, got " + timeout);
        }
        if (!maxRows.isMissingNode() && !maxRows.canConvertToInt()) {
            throw new InvalidRequestException("maxRows", "must be a whole number, got " + maxRows);
        }
        if (!maxBytes.isMissingNode() && !maxBytes.canConvertToInt()) {
            throw new InvalidRequestException("maxBytes", "must be a whole number, got " + maxBytes);
        }
        return new ConsoleRequest(json.path("query").asText(""),
                parameters.isObject() ? JSON.convertValue(parameters, Map.class) : Map.of(),
                timeout.isMissingNode() ? ConsoleRequest.DEFAULT_TIMEOUT : Duration.ofSeconds(timeout.asInt()),
                maxRows.isMissingNode() ? ConsoleRequest.DEFAULT_MAX_ROWS : maxRows.asInt(),
                maxBytes.isMissingNode() ? ConsoleRequest.DEFAULT_MAX_BYTES : maxBytes.asInt());
    }

    /** RFC 4180 CSV: scalars as they are, nodes, lists and maps as JSON text. */
    static String csv(ConsoleResult result) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append(result.columns().stream().map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
        for (List<Object> row : result.rows()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                line.append(i == 0 ? "" : ",").append(Csv.field(v == null ? "" : v instanceof Map || v instanceof List
                        ? JSON.writeValueAsString(v) : String.valueOf(v)));
            }
            out.append(line).append("\r\n");
        }
        return out.toString();
    }
}
