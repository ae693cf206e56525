package org.cstrat.server.firm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cstrat.framework.RelationshipStage;
import org.junit.jupiter.api.Test;

class FourRProfileTest {

    static InteractionStep step(String episode, String stage, long minute, boolean identified, Integer satisfaction, String customer, String channel) {
        return new InteractionStep(episode, stage, minute * 60, identified, "customer", satisfaction, customer, channel);
    }

    @Test
    void scoresEachRFromTheEpisodes() {
        FourRProfile p = FourRProfile.of(List.of(
                step("e1", "recognize", 0, true, null, "c1", "App"), step("e1", "request", 1, true, null, "c1", "App"),
                step("e1", "respond", 11, true, 5, "c1", "App"), step("e1", "repeat", 100, true, 5, "c1", "App"),
                step("e2", "recognize", 0, false, null, "c1", "Web"), step("e2", "request", 1, false, null, "c1", "Web"),
                step("e2", "respond", 31, false, 3, "c1", "Web")));
        assertThat(p.episodes()).isEqualTo(2);
        assertThat(p.customers()).isEqualTo(1);
        assertThat(score(p, RelationshipStage.RECOGNIZE)).isEqualTo(50);
        assertThat(score(p, RelationshipStage.REQUEST)).isEqualTo(67);
        // satisfaction 4 -> 52.5 of 70; 20 minutes -> 20 of 30
        assertThat(score(p, RelationshipStage.RESPOND)).isEqualTo(73);
        // half the episodes repeat, the one customer came back
        assertThat(score(p, RelationshipStage.REPEAT)).isEqualTo(75);
        assertThat(p.identifiedShare()).contains(0.5);
    }

    @Test
    void noInteractionsNoScores() {
        FourRProfile p = FourRProfile.of(List.of());
        assertThat(p.hasData()).isFalse();
        assertThat(p.scores()).hasSize(4).allSatisfy(s -> assertThat(s.score()).isEmpty());
        assertThat(p.identifiedShare()).isEmpty();
    }

    private static int score(FourRProfile p, RelationshipStage stage) {
        return p.scores().stream().filter(s -> s.stage() == stage).findFirst().orElseThrow().score().orElseThrow();
    }
}
