package org.cstrat.server.customers.valuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.cstrat.server.customers.identity.FirmDirectory;
import org.cstrat.server.customers.value.CustomerValue;
import org.cstrat.server.customers.value.Transaction;
import org.cstrat.server.customers.value.TransactionLog;
import org.junit.jupiter.api.Test;

/**
 * The graph returns a firm's purchases in no defined order (it depends on how the store was written); the fit must not
 * depend on it: the same purchases in any order give the same model and the same customer values, to the last bit.
 */
class ValuationServiceTest {

    private static final Path CDNOW = Path.of("../cypher/samples/cdnow/transactions.csv");
    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    /** Hands out the purchases in a given order and keeps what the service stores. */
    private static final class Recording implements ValuationRepository {
        private final List<Transaction> purchases;
        ValueModel model;
        List<CustomerValue> values;

        Recording(List<Transaction> purchases) {
            this.purchases = purchases;
        }

        @Override
        public List<Transaction> purchases(String firm) {
            return purchases;
        }

        @Override
        public Optional<FirmValue> value(String firm) {
            return Optional.of(new FirmValue(firm, model, List.of()));
        }

        @Override
        public void store(String firm, ValueModel model, List<CustomerValue> values, LocalDate calibrationEnd) {
            this.model = model;
            this.values = new ArrayList<>(values);
            this.values.sort(Comparator.comparing(CustomerValue::customerId));
        }
    }

    @Test
    void thePurchasesOrderDoesNotChangeTheFitByABit() {
        List<Transaction> inFileOrder = TransactionLog.read(CDNOW).transactions().subList(0, 2_000);
        Recording first = value(inFileOrder);
        for (long seed = 1; seed <= 3; seed++) {
            List<Transaction> shuffled = new ArrayList<>(inFileOrder);
            Collections.shuffle(shuffled, new Random(seed));
            Recording again = value(shuffled);
            assertThat(again.model).usingRecursiveComparison().ignoringFields("fittedAt").isEqualTo(first.model);
            assertThat(again.values).isEqualTo(first.values);
        }
    }

    private static Recording value(List<Transaction> purchases) {
        Recording repository = new Recording(purchases);
        FirmDirectory firms = firm -> Optional.of("A firm");
        new ValuationService(repository, firms).valueCustomers("a-firm", CALIBRATION_END);
        assertThat(repository.model).isNotNull();
        return repository;
    }
}
