package org.publiclegal.reporting.closing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.ledger.PeriodLock;

import java.time.LocalDate;

/** Tells the ledger whether a day of a region lies in a period its county has closed. */
@ApplicationScoped
public class ClosedPeriodLock implements PeriodLock {

    private final ClosedPeriodRepository closures;

    public ClosedPeriodLock(ClosedPeriodRepository closures) {
        this.closures = closures;
    }

    @Override
    public Uni<Boolean> isClosed(String regionCode, LocalDate day) {
        String county = ClosedFigures.countyOf(regionCode);
        return county == null ? Uni.createFrom().item(false) : closures.covering(county, day).map(n -> n > 0);
    }
}
