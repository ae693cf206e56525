package org.cstrat.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** The framework's terms: one lookup by id for every enum, the same ids as before, and a term checked when it is made. */
class FrameworkTermTest {

    /** Each enum with its own fromId, so that a change to one of them is caught here. */
    private record Kind<E extends Enum<E> & FrameworkTerm>(Class<E> type, Function<String, Optional<E>> fromId) {
    }

    private static final List<Kind<?>> KINDS = List.of(new Kind<>(Architecture.class, Architecture::fromId),
            new Kind<>(Experience.class, Experience::fromId), new Kind<>(RelationshipStage.class, RelationshipStage::fromId),
            new Kind<>(StarStage.class, StarStage::fromId), new Kind<>(RevenueModelKind.class, RevenueModelKind::fromId));

    @Test
    void everyConstantIsFoundByItsIdAndNothingElseIs() {
        for (Kind<?> kind : KINDS) {
            for (FrameworkTerm constant : kind.type().getEnumConstants()) {
                assertSame(constant, kind.fromId().apply(constant.id()).orElseThrow(), constant.id());
                assertTrue(kind.fromId().apply(constant.id().toUpperCase(Locale.ROOT)).isEmpty(), "ids are case-sensitive");
            }
            assertTrue(kind.fromId().apply("no_such_term").isEmpty(), kind.type().getSimpleName());
            assertTrue(kind.fromId().apply(null).isEmpty(), kind.type().getSimpleName());
            assertTrue(kind.fromId().apply("").isEmpty(), kind.type().getSimpleName());
        }
    }

    @Test
    void theIdsAndLabelsAreTheOnesTheGraphAndTheScenarioFilesUse() {
        assertEquals(List.of("connected_producer", "connected_retailer", "market_maker", "crowd_orchestrator", "peer_to_peer"),
                Arrays.stream(Architecture.values()).map(Architecture::id).toList());
        assertEquals(List.of("respond_to_desire", "curated_offering", "coach_behavior", "automatic_execution"),
                Arrays.stream(Experience.values()).map(Experience::id).toList());
        assertEquals(List.of("Recognize", "Request", "Respond", "Repeat"),
                Arrays.stream(RelationshipStage.values()).map(RelationshipStage::label).toList());
        assertEquals(List.of("sense", "transmit", "analyze", "react"), Arrays.stream(StarStage.values()).map(StarStage::id).toList());
        assertEquals(new Term("pay_per_use", "Charging for use", "The customer pays for the use made, not for ownership."),
                RevenueModelKind.PAY_PER_USE.term());
        assertEquals("Matches buyers and sellers and takes a fee; it does not own what is traded.", Architecture.MARKET_MAKER.description());
        assertEquals(3, Experience.COACH_BEHAVIOR.rank());
        assertEquals(5, Architecture.PEER_TO_PEER.rank());
    }

    @Test
    void aTermIsCheckedWhenItIsMade() {
        assertEquals("term id must be lower_snake_case, got 'Market Maker'", assertThrows(IllegalArgumentException.class,
                () -> new Term("Market Maker", "Market maker", "Matches buyers and sellers.")).getMessage());
        assertEquals("term id must be lower_snake_case, got 'null'",
                assertThrows(IllegalArgumentException.class, () -> new Term(null, "x", "y")).getMessage());
        assertEquals("term 'x': the label is blank", assertThrows(IllegalArgumentException.class, () -> new Term("x", " ", "y")).getMessage());
        assertEquals("term 'x': the description is blank",
                assertThrows(IllegalArgumentException.class, () -> new Term("x", "X", null)).getMessage());
    }
}
