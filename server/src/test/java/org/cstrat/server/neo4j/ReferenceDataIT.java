package org.cstrat.server.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.framework.StarStage;
import org.cstrat.server.testing.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

/** The framework vocabulary in the graph matches the enums the code uses, id for id and rank for rank. */
@ExtendWith(EmbeddedNeo4j.class)
class ReferenceDataIT {

    private static List<String> ids(Driver driver, String label) {
        return driver.executableQuery("MATCH (n:" + label + ") RETURN n.id AS id ORDER BY n.rank").execute()
                .records().stream().map(r -> r.get("id").asString()).toList();
    }

    @Test
    void experiencesArchitecturesAndStarStages(Driver driver) {
        assertThat(ids(driver, "Experience")).isEqualTo(Arrays.stream(Experience.values()).map(Experience::id).toList());
        assertThat(ids(driver, "Architecture")).isEqualTo(Arrays.stream(Architecture.values()).map(Architecture::id).toList());
        assertThat(ids(driver, "StarStage")).isEqualTo(Arrays.stream(StarStage.values()).map(StarStage::id).toList());
    }
}
