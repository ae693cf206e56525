package org.cstrat.server.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cstrat.server.demo.Neo4jDemoMarkets;
import org.junit.jupiter.api.Test;

class CypherLiteralTest {

    @Test
    void readsEveryKindOfLiteral() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", "daimler's");
        expected.put("founded", 2008L);
        expected.put("share", 0.35);
        expected.put("big", 1.5e3);
        expected.put("active", true);
        expected.put("closed", false);
        expected.put("gone", null);
        expected.put("tech", List.of("gps", "app"));
        expected.put("nested", Map.of("a", List.of()));
        expected.put("back tick", -3L);
        expected.put("quoted", "say \"hi\"\n\u00e9\\");
        assertThat(CypherLiteral.parse("""
                {id: 'daimler\\'s', founded: 2008, share: 0.35, big: 1.5e3, active: true, closed: FALSE, gone: null,
                 // a comment between entries
                 tech: ['gps', 'app'], nested: {a: []}, `back tick`: -3, quoted: "say \\"hi\\"\\n\\u00e9\\\\"}
                """)).isEqualTo(expected);
    }

    @Test
    void refusesWhatIsNotALiteral() {
        assertThatThrownBy(() -> CypherLiteral.parse("[1, 2")).hasMessageContaining("expected ',' or ']'");
        assertThatThrownBy(() -> CypherLiteral.parse("{a: 1, a: 2}")).hasMessageContaining("not given twice ('a')");
        assertThatThrownBy(() -> CypherLiteral.parse("[date('2019-01-01')]")).hasMessageContaining("found 'date'");
        assertThatThrownBy(() -> CypherLiteral.parse("'open")).hasMessageContaining("closing '");
        assertThatThrownBy(() -> CypherLiteral.parse("1 2")).hasMessageContaining("end of the literal");
    }

    @Test
    void liftsTheRowsOfAnUnwindIntoAParameter() {
        CypherLiteral.Lifted lifted = CypherLiteral.liftUnwindRows("UNWIND [\n  {id: 'a', n: 1},\n  {id: 'b', n: 2}\n] AS row\nMERGE (x:X {id: row.id})");
        assertThat(lifted.statement()).isEqualTo("UNWIND $rows AS row\nMERGE (x:X {id: row.id})");
        assertThat(lifted.parameters()).isEqualTo(Map.of("rows", List.of(Map.of("id", "a", "n", 1L), Map.of("id", "b", "n", 2L))));
    }

    @Test
    void leavesOtherStatementsAlone() {
        for (String statement : Arrays.asList("MERGE (m:Market {id: 'x'}) SET m.asOf = 2019", "UNWIND $rows AS r RETURN r",
                "UNWIND [date('2019-01-01')] AS d RETURN d", "UNWIND [1, 2] RETURN 1")) {
            assertThat(CypherLiteral.liftUnwindRows(statement)).isEqualTo(new CypherLiteral.Lifted(statement, Map.of()));
        }
    }

    @Test
    void everyDemoMarketStatementWithRowsIsLifted() {
        for (String market : Neo4jDemoMarkets.DEMO_MARKETS) {
            List<CypherLiteral.Lifted> statements = Neo4jDemoMarkets.marketStatements(market);
            assertThat(statements).hasSizeGreaterThan(10);
            assertThat(statements).filteredOn(s -> s.statement().startsWith("UNWIND ["))
                    .as("statements of %s whose rows stayed literal", market).isEmpty();
            assertThat(statements).filteredOn(s -> s.statement().startsWith("UNWIND $rows")).hasSizeGreaterThan(10);
        }
    }
}
