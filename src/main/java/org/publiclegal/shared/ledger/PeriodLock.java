package org.publiclegal.shared.ledger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * 关账: whether a day of a region lies in a closed period. The reporting feature owns closures and provides the one
 * implementation; the ledger asks through this port so that the shared kernel does not depend on a feature.
 */
public interface PeriodLock {

    /** A day of a region, as many events at once ask about it. */
    record RegionDay(String regionCode, LocalDate day) {
    }

    Uni<Boolean> isClosed(String regionCode, LocalDate day);

    /**
     * Which of {@code days} lie in a closed period: the answer of {@link #isClosed} for many events at once (an
     * implementation answers them in one look-up; this default asks for each distinct day in turn).
     */
    default Uni<Set<RegionDay>> closedAmong(Collection<RegionDay> days) {
        Set<RegionDay> closed = new HashSet<>();
        return Multi.createFrom().iterable(new LinkedHashSet<>(days)).onItem()
                .transformToUniAndConcatenate(d -> isClosed(d.regionCode(), d.day()).invoke(c -> {
                    if (c) {
                        closed.add(d);
                    }
                }))
                .collect().last().map(x -> closed);
    }
}
