package org.publiclegal.shared.ledger;

import io.smallrye.mutiny.Uni;

import java.time.LocalDate;

/**
 * 关账: whether a day of a region lies in a closed period. The reporting feature owns closures and provides the one
 * implementation; the ledger asks through this port so that the shared kernel does not depend on a feature.
 */
public interface PeriodLock {

    Uni<Boolean> isClosed(String regionCode, LocalDate day);
}
