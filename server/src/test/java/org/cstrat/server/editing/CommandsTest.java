package org.cstrat.server.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cstrat.server.core.ValidationException;
import org.cstrat.server.editing.Commands.FirmCommand;
import org.cstrat.server.editing.Commands.MarketCommand;
import org.cstrat.server.editing.Commands.PartCommand;
import org.cstrat.server.editing.Commands.TechnologyCommand;
import org.cstrat.server.editing.Commands.TouchpointCommand;
import org.junit.jupiter.api.Test;

/** The edit API's typed requests read from JSON bodies: every error at once, unknown fields refused, values as the forms read them. */
class CommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Input json(String body) {
        try {
            return Input.ofJson((ObjectNode) JSON.readTree(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + body, e);
        }
    }

    private static Map<String, String> errors(Runnable read) {
        try {
            read.run();
        } catch (ValidationException e) {
            return e.byField();
        }
        throw new AssertionError("no ValidationException");
    }

    @Test
    void aJsonMarketIsReadIntoItsRecord() {
        MarketCommand m = MarketCommand.read(json("{\"name\": \" Car sharing \", \"asOf\": 2024, \"region\": \"EU\", \"description\": null}"), null);
        assertThat(m).isEqualTo(new MarketCommand("car-sharing", "Car sharing", "EU", 2024, null));
        assertThat(MarketCommand.read(json("{\"name\": \"X\", \"id\": \"x\", \"asOf\": \"2025\"}"), "x").asOf()).isEqualTo(2025);
    }

    @Test
    void everyErrorIsReportedAtOnceAnUnknownFieldAmongThem() {
        Input in = json("{\"name\": \" \", \"asOf\": \"soon\", \"colour\": \"red\"}");
        assertThat(errors(() -> MarketCommand.read(in, null))).containsExactly(
                entry("name", "must not be empty"),
                entry("id", "must not be empty"),
                entry("asOf", "must be a whole number, got 'soon'"),
                entry("colour", "unknown field; expected one of [asOf, description, id, name, region]"));
        assertThat(errors(() -> FirmCommand.read(json("{\"name\": \"F\", \"id\": \"other\", \"experience\": \"telepathy\", \"market\": \"Not An Id\"}"), "f"))).containsOnlyKeys("id", "experience", "market")
                .containsEntry("id", "cannot change the id ('f' in the path, 'other' in the body)")
                .containsEntry("market", "'Not An Id' is not a market id");
    }

    @Test
    void listsAndFlagsReadAsTheFormsReadThem() {
        String common = "\"name\": \"T\", \"initiative\": \"firm_automatic\", \"channel\": \"web\"";
        TouchpointCommand fromArray = (TouchpointCommand) PartCommand.read(Kind.TOUCHPOINT,
                json("{" + common + ", \"supports\": [\"a\", \" b \", null, \"\"], \"momentOfTruth\": true, \"standingAuthorisation\": \"on\"}"), null);
        TouchpointCommand fromText = (TouchpointCommand) PartCommand.read(Kind.TOUCHPOINT,
                json("{" + common + ", \"supports\": \"a, b\", \"momentOfTruth\": \"true\", \"standingAuthorisation\": true}"), null);
        assertThat(fromArray).isEqualTo(fromText);
        assertThat(fromArray.supports()).containsExactly("a", "b");
        assertThat(fromArray.momentOfTruth()).isTrue();
        assertThat(fromArray.collectsFeedback()).isFalse();
        assertThat(fromArray.standingAuthorisation()).isTrue();
    }

    @Test
    void aTechnologyIsLinkedByItsIdAloneOnlyWhenCreated() {
        PartCommand link = PartCommand.read(Kind.TECHNOLOGY, json("{\"id\": \"gps\"}"), null);
        assertThat(link).isEqualTo(new TechnologyCommand("gps", null, null));
        assertThat(((TechnologyCommand) link).linkOnly()).isTrue();
        assertThat(errors(() -> PartCommand.read(Kind.TECHNOLOGY, json("{\"id\": \"gps\"}"), "gps"))).containsKeys("name", "star");
    }

    @Test
    void theRecordsHoldTheirRulesWhenBuiltInCode() {
        assertThatThrownBy(() -> new MarketCommand(" ", "M", null, null, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(() -> new FirmCommand("f", "", null, null, null, "active", null, null, null, null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("name");
        List<String> supports = new ArrayList<>(List.of("a"));
        TouchpointCommand t = new TouchpointCommand("t", "T", "customer", "web", false, false, false, supports);
        supports.add("b");
        assertThat(t.supports()).containsExactly("a");
        assertThat(new TouchpointCommand("t", "T", "customer", "web", false, false, false, null).supports()).isEmpty();
    }
}
