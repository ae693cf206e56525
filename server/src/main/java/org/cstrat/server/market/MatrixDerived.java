package org.cstrat.server.market;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Something derived from a market's {@link Matrix} alone (its rendered table, its JSON), kept per market while
 * {@link MarketService#matrix} answers the very same instance: the matrix cache decides when it is out of date,
 * this only avoids deriving it again for every request. Two requests that see a new matrix at once may both derive
 * it (the same result); an entry of an older matrix is never answered for a newer one.
 */
final class MatrixDerived<T> {

    private record Entry<T>(Matrix matrix, T value) {
    }

    private final ConcurrentHashMap<String, Entry<T>> entries = new ConcurrentHashMap<>();

    /** What {@code derive} makes of this matrix: kept from an earlier call with the same instance, else derived now. */
    T of(Matrix matrix, Function<Matrix, T> derive) {
        String market = matrix.market().id();
        Entry<T> entry = entries.get(market);
        if (entry != null && entry.matrix() == matrix) {
            return entry.value();
        }
        T value = Objects.requireNonNull(derive.apply(matrix), "derived value");
        entries.put(market, new Entry<>(matrix, value));
        return value;
    }
}
