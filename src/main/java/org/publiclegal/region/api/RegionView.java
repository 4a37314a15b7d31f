package org.publiclegal.region.api;

import org.publiclegal.region.Region;
import org.publiclegal.shared.domain.RegionCodes.Level;

import java.time.LocalDate;

/** A region as shown to clients, with the days it is on the register ({@code validTo}: first day no longer). */
public record RegionView(String code, String name, Level level, String parentCode, boolean active,
                         LocalDate validFrom, LocalDate validTo) {

    public static RegionView of(Region r) {
        return new RegionView(r.code, r.name, r.level, r.parentCode, r.active(), r.validFrom, r.validTo);
    }
}
