package org.publiclegal.advisory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 签约: contracts between an advisor and villages/communities, made by a 司法所 (its township's villages) or a
 * 司法局 (its county's); renewal as a new contract; early termination with a reason. Every change syncs the
 * coverage of its villages (and so the ledger) in the same transaction.
 */
@ApplicationScoped
public class ContractService {

    private final ContractRepository contracts;
    private final ContractVillageRepository villages;
    private final AdvisorRepository advisors;
    private final CoverageService coverage;
    private final OrganisationService directory;
    private final AuditTrail audit;
    private final AppConfig config;
    private final Clock clock;

    public ContractService(ContractRepository contracts, ContractVillageRepository villages, AdvisorRepository advisors,
                           CoverageService coverage, OrganisationService directory, AuditTrail audit, AppConfig config,
                           Clock clock) {
        this.contracts = contracts;
        this.villages = villages;
        this.advisors = advisors;
        this.coverage = coverage;
        this.directory = directory;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** The terms of a new contract; null commitments take the defaults (4 h on site a month, 1 lecture a quarter). */
    public record Terms(UUID advisorId, List<String> villageCodes, LocalDate startsOn, LocalDate endsOn,
                        Integer onsiteHoursPerMonth, Integer lecturesPerQuarter) {
    }

    /** A contract with its villages and, on a create or renewal, the warnings (e.g. more than 5 villages). */
    public record Signed(AdvisoryContract contract, List<String> villageCodes, List<String> warnings) {
        /** The contract's id (what callers outside the feature keep). */
        public UUID contractId() {
            return contract.id;
        }
    }

    @WithTransaction
    public Uni<Signed> sign(Terms t, AccessScope scope, Actor actor) {
        return sign(t, null, scope, actor, coverage.today());
    }

    /**
     * As {@link #sign}, entered as of {@code enteredOn} (the demo enters a year of contracts on their signing
     * days, so their coverage history is written as it happened). Joins the caller's transaction.
     */
    public Uni<Signed> signAsOf(Terms t, AccessScope scope, Actor actor, LocalDate enteredOn) {
        return sign(t, null, scope, actor, enteredOn);
    }

    private Uni<Signed> sign(Terms t, UUID renews, AccessScope scope, Actor actor, LocalDate today) {
        if (t.endsOn().isBefore(t.startsOn())) {
            throw DomainException.invalidField("endsOn", "合同截止日期不能早于开始日期");
        }
        if (ChronoUnit.YEARS.between(t.startsOn(), t.endsOn()) >= 5) {
            throw DomainException.invalidField("endsOn", "合同期限不能超过 5 年");
        }
        Set<String> codes = new LinkedHashSet<>(t.villageCodes());
        for (String code : codes) {
            if (!AdvisorService.isVillage(code)) {
                throw DomainException.invalidField("villageCodes", "“" + code + "”不是村（社区）一级的行政区划代码");
            }
            if (!scope.covers(code)) {
                throw DomainException.invalidField("villageCodes", "村（社区）" + code + " 不在本单位辖区内");
            }
        }
        return advisors.findById(t.advisorId()).chain(advisor -> {
            if (advisor == null || !AdvisoryAccess.administersCounty(scope, advisor.regionCode)) {
                throw DomainException.invalidField("advisorId", "法律顾问不存在或不属于本县");
            }
            return existing(List.copyOf(codes)).chain(found -> {
                if (found != codes.size()) {
                    throw DomainException.invalidField("villageCodes", "有村（社区）代码不存在");
                }
                AdvisoryContract c = new AdvisoryContract();
                c.id = UUID.randomUUID();
                c.advisorId = advisor.accountId;
                c.regionCode = scope.regionCode();
                c.signedBy = scope.organisationId();
                c.startsOn = t.startsOn();
                c.endsOn = t.endsOn();
                c.onsiteHoursPerMonth = t.onsiteHoursPerMonth() == null ? 4 : t.onsiteHoursPerMonth();
                c.lecturesPerQuarter = t.lecturesPerQuarter() == null ? 1 : t.lecturesPerQuarter();
                c.renewsId = renews;
                c.createdBy = actor.accountId();
                c.createdAt = clock.instant();
                return contracts.persist(c)
                        .call(() -> villages.persist(codes.stream().map(v -> ContractVillage.of(c.id, v))))
                        .call(() -> Panache.getSession().chain(s -> s.flush()))
                        .call(() -> coverage.sync(codes, today))
                        .call(() -> audit.record(actor, renews == null ? "advisory.contract.sign" : "advisory.contract.renew",
                                "adv_contract", c.id, c.regionCode, codes.size() + " villages"))
                        .chain(() -> warnings(c))
                        .map(w -> new Signed(c, List.copyOf(codes), w))
                        .invoke(s -> Log.infof("Advisor contract %s signed for %d villages", c.id, codes.size()));
            });
        });
    }

    private Uni<Integer> existing(List<String> codes) {
        Uni<Integer> n = Uni.createFrom().item(0);
        for (String code : codes) {
            n = n.chain(k -> directory.regionExists(code).map(e -> e ? k + 1 : k));
        }
        return n;
    }

    /** More than the configured number of villages for one advisor over the contract's term is a warning. */
    private Uni<List<String>> warnings(AdvisoryContract c) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select count(distinct cv.village_code) from adv_contract_village cv
                        join adv_contract x on x.id = cv.contract_id
                        where x.advisor_id = :a and daterange(x.starts_on, coalesce(x.terminated_on, x.ends_on + 1), '[)')
                              && daterange(cast(:from as date), cast(:until as date), '[)')""", Long.class)
                .setParameter("a", c.advisorId).setParameter("from", c.startsOn).setParameter("until", c.inForceUntil())
                .getSingleResult())
                .map(n -> {
                    int max = config.advisory().villagesPerAdvisorWarning();
                    return n > max ? List.of("该顾问在合同期内将服务 " + n + " 个村（社区），超过建议的 " + max + " 个")
                            : List.of();
                });
    }

    /** 续签: a new contract for the same villages from the day after this one ends. */
    @WithTransaction
    public Uni<Signed> renew(UUID id, LocalDate endsOn, Integer hours, Integer lectures, AccessScope scope, Actor actor) {
        return renew(id, endsOn, hours, lectures, scope, actor, coverage.today());
    }

    /** As {@link #renew}, entered as of {@code enteredOn} (demo); joins the caller's transaction. */
    public Uni<Signed> renewAsOf(UUID id, LocalDate endsOn, AccessScope scope, Actor actor, LocalDate enteredOn) {
        return renew(id, endsOn, null, null, scope, actor, enteredOn);
    }

    private Uni<Signed> renew(UUID id, LocalDate endsOn, Integer hours, Integer lectures, AccessScope scope, Actor actor,
                              LocalDate today) {
        return load(id, scope).chain(old -> {
            requireManager(old, scope);
            LocalDate start = old.endsOn.plusDays(1);
            old.requireRenewable(start);
            return contracts.count("renewsId", old.id).chain(n -> {
                if (n > 0) {
                    throw DomainException.conflict("该合同已续签");
                }
                return villages.ofContracts(List.of(old.id));
            }).chain(vs -> sign(new Terms(old.advisorId, vs.stream().map(v -> v.villageCode).toList(), start, endsOn,
                    hours == null ? old.onsiteHoursPerMonth : hours, lectures == null ? old.lecturesPerQuarter : lectures),
                    old.id, scope, actor, today));
        });
    }

    /** 提前解除: from {@code effectiveOn} (today or later) the villages are no longer covered by this contract. */
    @WithTransaction
    public Uni<Signed> terminate(UUID id, LocalDate effectiveOn, String reason, AccessScope scope, Actor actor) {
        LocalDate today = coverage.today();
        return load(id, scope).chain(c -> {
            requireManager(c, scope);
            c.terminate(effectiveOn, reason, today);
            return villages.ofContracts(List.of(c.id)).chain(vs -> {
                List<String> codes = vs.stream().map(v -> v.villageCode).toList();
                return contracts.persistAndFlush(c)
                        .call(() -> coverage.sync(codes, today))
                        .call(() -> audit.record(actor, "advisory.contract.terminate", "adv_contract", c.id,
                                c.regionCode, reason))
                        .map(x -> new Signed(c, codes, List.of()));
            });
        });
    }

    /**
     * A contract with its villages, if the caller may see it (the advisor; staff whose area holds the signing
     * region or one of its villages), else 404.
     */
    public Uni<Signed> get(UUID id, AccessScope scope) {
        return load(id, scope).chain(c -> villages.ofContracts(List.of(c.id))
                .map(vs -> new Signed(c, vs.stream().map(v -> v.villageCode).toList(), List.of())));
    }

    private Uni<AdvisoryContract> load(UUID id, AccessScope scope) {
        return contracts.findById(id).chain(c -> {
            if (c == null) {
                throw new NotFound("法律顾问合同", id);
            }
            if (AdvisoryAccess.canSee(scope, c.advisorId, c.regionCode)) {
                return Uni.createFrom().item(c);
            }
            return villages.ofContracts(List.of(c.id)).map(vs -> {
                if (!AdvisoryAccess.canSeeContract(scope, c.advisorId, c.regionCode,
                        vs.stream().map(v -> v.villageCode).toList())) {
                    throw new NotFound("法律顾问合同", id);
                }
                return c;
            });
        });
    }

    private static void requireManager(AdvisoryContract c, AccessScope scope) {
        if (!scope.isSystemAdmin() && !scope.covers(c.regionCode)) {
            throw DomainException.forbidden("只有签约的司法所、司法局可以续签或解除合同");
        }
    }

    /**
     * Contracts the caller may see (an advisor: their own; staff: those signed in their area or covering one of its
     * villages), newest start first.
     */
    public Uni<CursorPage<Signed>> list(AccessScope scope, UUID advisorId, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        AccessScope.Filter f = AdvisoryAccess.contractFilter(scope);
        where.append(f.predicate());
        params.putAll(f.parameters());
        if (advisorId != null) {
            where.append(" and c.advisorId = :advisor");
            params.put("advisor", advisorId);
        }
        if (!after.isEmpty()) {
            try {
                params.put("on", LocalDate.parse(after.get(0)));
                params.put("cid", UUID.fromString(after.get(1)));
            } catch (RuntimeException e) {
                throw Cursor.invalid();
            }
            where.append(" and (c.startsOn < :on or (c.startsOn = :on and c.id < :cid))");
        }
        return contracts.page(where.toString(), params, limit)
                .chain(rows -> villages.ofContracts(rows.stream().map(c -> c.id).toList()).map(vs -> {
                    Map<UUID, List<String>> byContract = new HashMap<>();
                    vs.forEach(v -> byContract.computeIfAbsent(v.contractId, k -> new ArrayList<>()).add(v.villageCode));
                    return CursorPage.of(rows, limit, c -> Cursor.encode(c.startsOn, c.id),
                            c -> new Signed(c, byContract.getOrDefault(c.id, List.of()), List.of()));
                }));
    }
}
