package org.publiclegal.advisory;

import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * 覆盖情况同步的暂缓: regions whose villages the scheduled coverage sync ({@link CoverageService#syncDue}) must leave
 * alone for now, because a running import is entering their contracts as of past signing days (a village synced
 * through today could not take them any more). Implemented by the import (onboarding), which brings the villages up
 * to today when it finishes. Read in the sync's transaction, under {@link CoverageService#HOLD_LOCK}.
 */
public interface CoverageHold {

    /** The roots (township or county codes) of the regions held now. */
    Uni<List<String>> heldRegions();
}
