package org.publiclegal.region.api;

import org.publiclegal.region.Region;
import org.publiclegal.shared.domain.RegionCodes.Level;

/** A region as shown to clients. */
public record RegionView(String code, String name, Level level, String parentCode) {

    public static RegionView of(Region r) {
        return new RegionView(r.code, r.name, r.level, r.parentCode);
    }
}
