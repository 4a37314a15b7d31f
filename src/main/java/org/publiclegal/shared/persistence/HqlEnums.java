package org.publiclegal.shared.persistence;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Enum constants written into HQL as literals ({@code d.status in (org…MediationStatus.SUBMITTED, …)}) instead of
 * bound as a list parameter. A fixed list (the open statuses of a queue) then gives a fixed query text: Hibernate
 * translates it once and reuses the SQL (a list parameter is expanded on every call), and PostgreSQL sees the
 * same predicate as the partial indexes on open cases, so it can use them with a generic plan.
 */
public final class HqlEnums {

    private HqlEnums() {
    }

    /** {@code (Type.A, Type.B, …)} for a non-empty collection of constants of one top-level enum. */
    public static String inList(Collection<? extends Enum<?>> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
        return values.stream().map(v -> v.getDeclaringClass().getCanonicalName() + "." + v.name())
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
