package org.publiclegal.onboarding;

import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.ledger.PeriodLock;
import org.publiclegal.shared.security.AccessScope;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What checking and applying the rows of one import need beyond the row itself: the importer (scope, actor), today,
 * the registers of the importer's area as they were when the job started (regions, organisations by region and
 * name), what earlier rows of the same file add, and look-ups that go to the database (blocking: the job runs on a
 * worker thread).
 */
public final class ImportContext {

    /** A registered organisation, as rows refer to it (by region code and name). */
    public record OrgRef(UUID id, OrganisationType type) {
    }

    /** Blocking look-ups of the database. */
    public interface Lookups {
        boolean usernameTaken(String username);

        boolean imported(ImportKind kind, String key);

        boolean periodClosed(String regionCode, LocalDate day);

        /** Which of the days lie in a closed period: {@link #periodClosed} for many at once. */
        default Set<PeriodLock.RegionDay> closedAmong(List<PeriodLock.RegionDay> days) {
            Set<PeriodLock.RegionDay> closed = new HashSet<>();
            days.stream().distinct().filter(d -> periodClosed(d.regionCode(), d.day())).forEach(closed::add);
            return closed;
        }
    }

    private final UUID importId;
    private final ImportKind kind;
    private final AccessScope scope;
    private final Actor actor;
    private final LocalDate today;
    private final Set<String> regions;
    private final Map<String, OrgRef> organisations;
    private final Lookups lookups;
    private final Set<String> regionsInFile = new HashSet<>();
    private final Map<String, Boolean> closedDays = new HashMap<>();

    public ImportContext(UUID importId, ImportKind kind, AccessScope scope, Actor actor, LocalDate today,
                         Set<String> regions, Map<String, OrgRef> organisations, Lookups lookups) {
        this.importId = importId;
        this.kind = kind;
        this.scope = scope;
        this.actor = actor;
        this.today = today;
        this.regions = regions;
        this.organisations = organisations;
        this.lookups = lookups;
    }

    public UUID importId() {
        return importId;
    }

    public ImportKind kind() {
        return kind;
    }

    public AccessScope scope() {
        return scope;
    }

    public Actor actor() {
        return actor;
    }

    public LocalDate today() {
        return today;
    }

    /** The root of the importer's area (a 司法所's township, a 司法局's county). */
    public String scopeRoot() {
        return scope.regionCode();
    }

    /** Whether a region is registered (when the job started) or added by an earlier row of this file. */
    public boolean regionKnown(String code) {
        return regions.contains(code) || regionsInFile.contains(code);
    }

    public boolean regionRegistered(String code) {
        return regions.contains(code);
    }

    public void addRegionFromFile(String code) {
        regionsInFile.add(code);
    }

    public OrgRef organisation(String regionCode, String name) {
        return organisations.get(orgKey(regionCode, name));
    }

    public static String orgKey(String regionCode, String name) {
        return regionCode + "|" + name;
    }

    public boolean usernameTaken(String username) {
        return lookups.usernameTaken(username);
    }

    public boolean imported(String key) {
        return lookups.imported(kind, key);
    }

    /** Whether the day lies in a closed period of the region's county (remembered per county and day). */
    public boolean periodClosed(String regionCode, LocalDate day) {
        return closedDays.computeIfAbsent(closedKey(regionCode, day), k -> lookups.periodClosed(regionCode, day));
    }

    /**
     * Looks up the days of a batch not remembered yet in one go, so that {@link #periodClosed} answers them from
     * memory (at most one entry per county and day is kept for the job).
     */
    public void lookUpClosedDays(List<PeriodLock.RegionDay> days) {
        Map<String, PeriodLock.RegionDay> missing = new LinkedHashMap<>();
        for (PeriodLock.RegionDay d : days) {
            String key = closedKey(d.regionCode(), d.day());
            if (!closedDays.containsKey(key)) {
                missing.putIfAbsent(key, d);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Set<PeriodLock.RegionDay> closed = lookups.closedAmong(List.copyOf(missing.values()));
        missing.forEach((key, d) -> closedDays.put(key, closed.contains(d)));
    }

    private static String closedKey(String regionCode, LocalDate day) {
        String county = regionCode.length() >= 6 ? regionCode.substring(0, 6) : regionCode;
        return county + day;
    }
}
