package org.cstrat.server.customers.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.cstrat.server.customers.identity.IdentityResolver.RecordLinks;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {

    static RecordLinks r(String id, String system, String current, String... identifiers) {
        return new RecordLinks(id, system, null, List.of(identifiers), current);
    }

    @Test
    void recordsSharingAnIdentifierAreOnePersonTransitively() {
        var res = IdentityResolver.resolve("f", List.of(
                r("f/crm/1", "crm", null, "e1", "p1"),
                r("f/web/9", "web", null, "e1"),
                r("f/app/3", "app", null, "p1", "d1"),
                r("f/app/4", "app", null, "d2"),
                r("f/kiosk/5", "kiosk", null)));
        assertThat(res.customers()).hasSize(3);
        Map<Integer, List<String>> bySize = res.customers().stream()
                .collect(Collectors.toMap(c -> c.records().size(), IdentityResolver.UnifiedCustomer::records, (a, b) -> a));
        assertThat(bySize.get(3)).containsExactly("f/app/3", "f/crm/1", "f/web/9");
        assertThat(res.customers().stream().filter(c -> c.records().size() == 3).findFirst().orElseThrow().systems())
                .containsExactly("app", "crm", "web");
        assertThat(res.moves()).hasSize(5);
        assertThat(res.obsolete()).isEmpty();
    }

    @Test
    void resolvingAgainChangesNothingAndUnmergingSplitsKeepingTheStableId() {
        String big = IdentityResolver.customerId("f", "f/a/1");
        var again = IdentityResolver.resolve("f", List.of(r("f/a/1", "a", big, "x"), r("f/b/2", "b", big, "x", "y"), r("f/c/3", "c", big, "y")));
        assertThat(again.moves()).isEmpty();
        assertThat(again.changed()).isEmpty();
        // "y" unmerged from f/b/2: f/c/3 leaves, the rest keeps the id derived from f/a/1
        var split = IdentityResolver.resolve("f", List.of(r("f/a/1", "a", big, "x"), r("f/b/2", "b", big, "x"), r("f/c/3", "c", big, "y")));
        assertThat(split.customers()).hasSize(2);
        assertThat(split.moves()).containsExactly(new IdentityResolver.Move("f/c/3", big, IdentityResolver.customerId("f", "f/c/3")));
        assertThat(split.changed()).hasSize(2);
        assertThat(IdentityResolver.customerId("f", "f/a/1")).matches("f-u-[0-9a-f]{12}");
    }

    @Test
    void aCustomerLeftWithoutRecordsIsObsolete() {
        var res = IdentityResolver.resolve("f", List.of(r("f/a/1", "a", "f-u-old", "x"), r("f/b/2", "b", "f-u-new", "x")));
        assertThat(res.obsolete()).containsExactlyInAnyOrder("f-u-old", "f-u-new");
        assertThat(res.customers()).hasSize(1);
    }

    @Test
    void identifiersAreNormalisedPerKind() {
        assertThat(IdentifierKind.EMAIL.normalise(" Ann@Example.COM ")).contains("ann@example.com");
        assertThat(IdentifierKind.PHONE.normalise("+1 (415) 555-0101")).contains("14155550101");
        assertThat(IdentifierKind.PHONE.normalise("415.555.0101")).contains("14155550101");
        assertThat(IdentifierKind.PHONE.normalise("0044 20 7946 0958")).contains("442079460958");
        assertThat(IdentifierKind.LOYALTY_CARD.normalise("lc 0001-23")).contains("LC000123");
        assertThat(IdentifierKind.EMAIL.normalise("nope")).isEmpty();
    }
}
