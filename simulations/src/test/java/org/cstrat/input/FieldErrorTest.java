package org.cstrat.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FieldErrorTest {

    @Test
    void aFieldPathIsItsOwnPlace() {
        FieldError e = FieldError.path("supports[1]", "unknown touchpoint");
        assertEquals("supports[1]", e.field());
        assertEquals("unknown touchpoint", e.detail());
        assertEquals("supports[1]: unknown touchpoint", e.toString());
        assertEquals(0, e.line());
        assertEquals(0, e.column());
    }

    @Test
    void aScenarioErrorCarriesItsValue() {
        FieldError e = FieldError.path("$.parameters.segments[0].baseChurn", "1.5", "must be at most 1");
        assertEquals("$.parameters.segments[0].baseChurn", e.field());
        assertEquals("1.5", e.value());
        assertEquals("1.5: must be at most 1", e.detail());
        assertEquals("$.parameters.segments[0].baseChurn = 1.5: must be at most 1", e.toString());
    }

    @Test
    void aPlaceInAFileIsFileLineColumnOrFileLine() {
        FieldError cell = FieldError.at("customers.csv", 14, 3, "bad date");
        assertEquals("customers.csv:14:3", cell.field());
        assertEquals("customers.csv:14:3: bad date", cell.toString());
        assertEquals("customers.csv", cell.place());
        FieldError line = FieldError.at("log.csv", 7, 0, "too few fields");
        assertEquals("log.csv:7", line.field());
        assertEquals("log.csv:7: too few fields", line.toString());
    }

    @Test
    void fileErrorsSortByFileThenLineThenColumnAsNumbers() {
        List<FieldError> sorted = Stream.of(FieldError.at("b.csv", 1, 1, "x"), FieldError.at("a.csv", 10, 1, "x"),
                        FieldError.at("a.csv", 9, 2, "x"), FieldError.at("a.csv", 9, 1, "x"))
                .sorted(FieldError.IN_FILE_ORDER).toList();
        assertEquals(List.of("a.csv:9:1", "a.csv:9:2", "a.csv:10:1", "b.csv:1:1"), sorted.stream().map(FieldError::field).toList());
    }

    @Test
    void refusesAnImpossiblePlace() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FieldError.at("a.csv", 0, 1, "x")).getMessage().contains("line"));
        assertThrows(IllegalArgumentException.class, () -> FieldError.at("a.csv", 2, -1, "x"));
        assertThrows(IllegalArgumentException.class, () -> new FieldError("name", 0, 3, null, "x"));
        assertThrows(NullPointerException.class, () -> FieldError.path(null, "x"));
        assertThrows(NullPointerException.class, () -> FieldError.path("name", null));
    }
}
