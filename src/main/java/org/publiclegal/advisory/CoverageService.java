package org.publiclegal.advisory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.hibernate.reactive.mutiny.Mutiny;
import org.publiclegal.advisory.CoverageTimeline.Flip;
import org.publiclegal.advisory.CoverageTimeline.InForce;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.ledger.Ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * 覆盖率: which villages/communities have an advisor contract in force on a day, and the ledger's
 * {@link AdvisoryEvents#VILLAGE_COVERED} ±1 written exactly when a village's coverage flips.
 * <p>
 * Each village has a state row ({@code adv_village_coverage}); a sync locks it ({@code FOR UPDATE}), works out
 * the flips since the day it was last synced from the village's contracts ({@link CoverageTimeline}), writes
 * them dated at the start (China time) of the day they happened, and moves the state on, all in one
 * transaction. Contract changes sync their villages at once; {@link #syncDue} (scheduled daily just after
 * midnight, also callable) syncs every village whose coverage changed by the calendar alone (a contract
 * running out or starting). The scheduled run takes a transaction-level advisory lock first ({@link #JOB_LOCK},
 * {@code pg_try_advisory_xact_lock}): a second replica starting it at the same moment skips the run; a contract
 * change racing with it waits on the village row locks and then finds nothing left to do, so each flip is written once.
 * <p>
 * A village held by a running import of contracts ({@link CoverageHold}: a confirmed 村（居）法律顾问合同 import enters
 * its older contracts as of their signing days, village by village) is left alone by {@link #syncDue}: synced through
 * today, the import's later rows would fall on days already written. The import brings them up to today when it
 * finishes ({@link #syncDueWithin}). {@link #syncDue} takes the transaction-level advisory lock {@link #HOLD_LOCK}
 * before it reads the holds, and a confirm of such an import takes it before it queues the import
 * ({@link #lockAgainstDueSync}), so a run either sees the hold or is over before the import starts.
 */
@ApplicationScoped
public class CoverageService {

    /** Before any contract: the state a village without a row is in. */
    static final LocalDate BEFORE_ANY = LocalDate.of(1999, 12, 31);

    /**
     * The transaction-level advisory lock the scheduled sync takes with {@code pg_try_advisory_xact_lock}: one
     * replica syncs, the others skip the run instead of queueing on the village rows.
     */
    static final long JOB_LOCK = 0x4144_5643_4f56L; // "ADVCOV"

    /**
     * The transaction-level advisory lock between {@link #syncDue} (which reads the holds under it) and the confirm of
     * an import that holds villages ({@link #lockAgainstDueSync}).
     */
    public static final long HOLD_LOCK = 0x4144_5648_4f4cL; // "ADVHOL"

    private static final String IN_FORCE_ON = "daterange(c.starts_on, coalesce(c.terminated_on, c.ends_on + 1), '[)')";

    private final Ledger ledger;
    private final Clock clock;
    private final Instance<CoverageHold> holds;

    public CoverageService(Ledger ledger, Clock clock, Instance<CoverageHold> holds) {
        this.ledger = ledger;
        this.clock = clock;
        this.holds = holds;
    }

    /**
     * Takes {@link #HOLD_LOCK} in the current transaction: an import that will hold villages calls it before it is
     * queued, so a {@link #syncDue} run in progress finishes first and a later one sees the hold.
     */
    public Uni<Void> lockAgainstDueSync() {
        return Panache.getSession().chain(s -> s.createNativeQuery("select cast(pg_advisory_xact_lock(:key) as text)",
                String.class).setParameter("key", HOLD_LOCK).getSingleResult()).replaceWithVoid();
    }

    /** The regions (subtree roots) held by running imports, read under {@link #HOLD_LOCK}. */
    private Uni<List<String>> heldRegions() {
        Uni<List<String>> none = Uni.createFrom().item(List.of());
        if (!holds.isResolvable()) {
            return none;
        }
        return lockAgainstDueSync().chain(() -> holds.get().heldRegions());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), TimeSource.CHINA);
    }

    /**
     * Brings the coverage state and the ledger of {@code villages} up to {@code today}, inside the caller's
     * transaction. Villages are locked in code order (no deadlock between two syncs).
     */
    public Uni<Integer> sync(Collection<String> villages, LocalDate today) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (String village : new TreeSet<>(villages)) {
            chain = chain.chain(n -> syncOne(village, today).map(k -> n + k));
        }
        return chain;
    }

    private Uni<Integer> syncOne(String village, LocalDate today) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into adv_village_coverage (village_code, covered, changed_on, synced_on)
                        values (:v, false, :before, :before) on conflict do nothing""")
                .setParameter("v", village).setParameter("before", BEFORE_ANY).executeUpdate()
                .chain(() -> s.createNativeQuery("""
                                select covered, synced_on, changed_on from adv_village_coverage where village_code = :v for update""",
                        Object[].class).setParameter("v", village).getSingleResult())
                .chain(state -> contracts(s, village).chain(contracts -> {
                    boolean covered = (Boolean) state[0];
                    LocalDate synced = (LocalDate) state[1];
                    List<Flip> flips = CoverageTimeline.flips(contracts.stream().map(Row::range).toList(), covered,
                            synced.isAfter(today) ? today : synced, today);
                    Uni<Void> written = Uni.createFrom().voidItem();
                    for (Flip f : flips) {
                        UUID org = contracts.stream().filter(c -> c.range().contractId().equals(f.contractId()))
                                .map(Row::organisationId).findFirst().orElse(null);
                        written = written.chain(() -> ledger.record(AdvisoryEvents.VILLAGE_COVERED, village, org,
                                f.day().atStartOfDay(TimeSource.CHINA).toInstant(), f.covered() ? 1 : -1, null,
                                AdvisoryEvents.SOURCE_CONTRACT, f.contractId()).replaceWithVoid());
                    }
                    boolean now = flips.isEmpty() ? covered : flips.get(flips.size() - 1).covered();
                    LocalDate changed = flips.isEmpty() ? null : flips.get(flips.size() - 1).day();
                    return written.chain(() -> s.createNativeQuery("""
                                    update adv_village_coverage set covered = :c, synced_on = greatest(synced_on, :today),
                                    changed_on = :changed where village_code = :v""")
                            .setParameter("c", now).setParameter("today", today)
                            .setParameter("changed", changed == null ? (LocalDate) state[2] : changed)
                            .setParameter("v", village).executeUpdate())
                            .invoke(() -> flips.forEach(f -> Log.debugf("Village %s coverage %s on %s", village,
                                    f.covered() ? "+1" : "-1", f.day())))
                            .replaceWith(flips.size());
                })));
    }

    private record Row(InForce range, UUID organisationId) {
    }

    private static Uni<List<Row>> contracts(Mutiny.Session s, String village) {
        return s.createNativeQuery("""
                        select c.id, c.starts_on, coalesce(least(c.terminated_on, c.ends_on + 1), c.ends_on + 1),
                               a.organisation_id
                        from adv_contract_village cv join adv_contract c on c.id = cv.contract_id
                        join adv_advisor a on a.account_id = c.advisor_id
                        where cv.village_code = :v order by c.starts_on, c.id""", Object[].class)
                .setParameter("v", village).getResultList()
                .map(rows -> {
                    List<Row> list = new ArrayList<>();
                    for (Object[] r : rows) {
                        list.add(new Row(new InForce((UUID) r[0], (LocalDate) r[1], (LocalDate) r[2]), (UUID) r[3]));
                    }
                    return list;
                });
    }

    /**
     * The villages whose coverage changed by the calendar since their last sync (a contract ran out at midnight
     * or started today), synced in one transaction, except those a running import holds ({@link CoverageHold}).
     * Idempotent: a second run, or a second replica, writes nothing.
     */
    @WithTransaction
    public Uni<Integer> syncDue(LocalDate today) {
        return heldRegions().chain(held -> dueVillages(today).chain(villages -> {
                    List<String> free = villages.stream().filter(v -> held.stream().noneMatch(r -> RegionCodes.within(v, r)))
                            .toList();
                    if (free.size() < villages.size()) {
                        Log.infof("Advisor coverage: %d villages held by a running contract import are synced when it finishes",
                                villages.size() - free.size());
                    }
                    return sync(free, today);
                }))
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("Advisor coverage: %d village flips written for %s by this instance", n, today);
                    }
                });
    }

    /**
     * The villages of {@code regionCode}'s subtree whose coverage changed by the calendar since their last sync,
     * brought up to {@code today} in the caller's transaction: what {@link #syncDue} left alone while an import held
     * them (called by the import when it finishes).
     */
    public Uni<Integer> syncDueWithin(String regionCode, LocalDate today) {
        return dueVillages(today).chain(villages -> sync(villages.stream()
                .filter(v -> RegionCodes.within(v, regionCode)).toList(), today));
    }

    private Uni<List<String>> dueVillages(LocalDate today) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select v.code from region v left join adv_village_coverage st on st.village_code = v.code
                        where v.level = 'VILLAGE' and exists (
                            select 1 from adv_contract_village cv join adv_contract c on c.id = cv.contract_id
                            where cv.village_code = v.code
                              and ((c.starts_on > coalesce(st.synced_on, :before) and c.starts_on <= :today)
                                or (coalesce(least(c.terminated_on, c.ends_on + 1), c.ends_on + 1)
                                        > coalesce(st.synced_on, :before)
                                    and coalesce(least(c.terminated_on, c.ends_on + 1), c.ends_on + 1) <= :today)))""",
                        String.class)
                .setParameter("before", BEFORE_ANY).setParameter("today", today).getResultList());
    }

    /** Daily just after midnight (China time); {@code app.advisory.coverage-cron=off} disables it (tests). */
    @Scheduled(cron = "{app.advisory.coverage-cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    Uni<Void> scheduledSync() {
        return Panache.getSession().chain(s -> s.createNativeQuery("select pg_try_advisory_xact_lock(:key)", Boolean.class)
                        .setParameter("key", JOB_LOCK).getSingleResult())
                .chain(mine -> {
                    if (!Boolean.TRUE.equals(mine)) {
                        Log.debug("Advisor coverage: another instance is syncing; skipped");
                        return Uni.createFrom().voidItem();
                    }
                    return syncDue(today()).replaceWithVoid();
                });
    }
}
