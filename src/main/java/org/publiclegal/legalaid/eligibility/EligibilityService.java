package org.publiclegal.legalaid.eligibility;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.ConstraintViolationException;
import org.publiclegal.legalaid.eligibility.HardshipStandard.Basis;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.RegionCodes.Level;
import org.publiclegal.shared.security.AccessScope;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** 法律援助条件自测 (the public pre-check) and the 经济困难标准 versions it reads. */
@ApplicationScoped
public class EligibilityService {

    private final HardshipStandardRepository standards;
    private final OrganisationService organisations;
    private final AuditTrail audit;
    private final Clock clock;

    public EligibilityService(HardshipStandardRepository standards, OrganisationService organisations,
                              AuditTrail audit, Clock clock) {
        this.standards = standards;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Applies the rules with the standard in force for the region on the input's date (today when absent).
     * An unknown or malformed region simply has no standard: the answer is then NEEDS_REVIEW.
     */
    public Uni<EligibilityResult> check(EligibilityInput in) {
        LocalDate on = in.onDate() != null ? in.onDate() : LocalDate.now(clock);
        EligibilityInput dated = new EligibilityInput(in.matter(), in.situations(), in.notifiedGrounds(),
                in.retrialOrdered(), in.hasOwnLawyer(), in.exemption(), in.finances(), in.regionCode(), on);
        Uni<HardshipStandard> standard = RegionCodes.isValid(in.regionCode())
                ? standards.applicable(in.regionCode(), on) : Uni.createFrom().nullItem();
        return standard.map(s -> EligibilityRules.evaluate(dated, s));
    }

    /**
     * Adds a version of a hardship standard (system administrators anywhere, a bureau within its scope). Its
     * period may not overlap another version of the same region: a new year's figure needs the old row closed.
     */
    @WithTransaction
    public Uni<HardshipStandard> addStandard(HardshipStandard.Terms terms, AccessScope scope, Actor actor) {
        if (!scope.covers(terms.regionCode())) {
            throw DomainException.forbidden("只能为本单位管辖范围内的地区设置经济困难标准");
        }
        validate(terms);
        HardshipStandard standard = HardshipStandard.create(terms, clock.instant());
        return organisations.regionExists(terms.regionCode())
                .chain(exists -> {
                    if (!exists) {
                        throw DomainException.invalidField("regionCode", "行政区划 " + terms.regionCode() + " 不存在");
                    }
                    return standards.overlapping(terms.regionCode(), terms.effectiveFrom(), terms.effectiveTo());
                })
                .chain(clashes -> {
                    if (!clashes.isEmpty()) {
                        throw overlap(clashes.get(0));
                    }
                    return standards.persistAndFlush(standard);
                })
                // a concurrent insert that passed the check above is stopped by the exclusion constraint
                .onFailure(ConstraintViolationException.class).transform(e -> {
                    Log.debugf("Hardship standard for %s refused by the no-overlap constraint", terms.regionCode());
                    return DomainException.conflict("该地区在所选期间已有经济困难标准，有效期不能重叠");
                })
                .call(s -> audit.record(actor, "HARDSHIP_STANDARD_ADDED", "aid_hardship_standard", s.id, s.regionCode,
                        s.basis + " " + s.factor + " × " + s.referenceAmount + " = " + s.monthlyThreshold + "/月，"
                                + s.effectiveFrom + " 至 " + (s.effectiveTo == null ? "长期" : s.effectiveTo) + "，" + s.source));
    }

    /**
     * Ends a version on {@code effectiveTo} (exclusive), so that the next year's figure can start that day.
     * Only shortens a period, so it can never create an overlap.
     */
    @WithTransaction
    public Uni<HardshipStandard> expire(java.util.UUID id, LocalDate effectiveTo, AccessScope scope, Actor actor) {
        return standards.findById(id).chain(s -> {
            if (s == null || !(scope.isSystemAdmin() || scope.covers(s.regionCode))) {
                throw new org.publiclegal.shared.domain.NotFound("经济困难标准", id);
            }
            if (!effectiveTo.isAfter(s.effectiveFrom)) {
                throw DomainException.invalidField("effectiveTo", "失效日期须晚于生效日期 " + s.effectiveFrom);
            }
            if (s.effectiveTo != null && effectiveTo.isAfter(s.effectiveTo)) {
                throw DomainException.invalidField("effectiveTo", "只能提前失效，不能延长已设定的有效期（原失效日期 " + s.effectiveTo + "）");
            }
            LocalDate previous = s.effectiveTo;
            s.effectiveTo = effectiveTo;
            return audit.record(actor, "HARDSHIP_STANDARD_EXPIRED", "aid_hardship_standard", s.id, s.regionCode,
                    "失效日期 " + (previous == null ? "长期" : previous) + " → " + effectiveTo).replaceWith(s);
        });
    }

    /** The versions for a region and the regions enclosing it (deepest region, newest version first). */
    public Uni<List<HardshipStandard>> list(String regionCode) {
        return standards.forRegionAndAncestors(regionCode);
    }

    private static void validate(HardshipStandard.Terms t) {
        Level level = RegionCodes.levelOf(t.regionCode());
        if (level == Level.TOWNSHIP || level == Level.VILLAGE) {
            throw DomainException.invalidField("regionCode", "经济困难标准只能设在省、市或县级行政区划");
        }
        if (t.effectiveTo() != null && !t.effectiveTo().isAfter(t.effectiveFrom())) {
            throw DomainException.invalidField("effectiveTo", "失效日期须晚于生效日期");
        }
        if (t.basis() == Basis.DISPOSABLE_INCOME_PCT && t.factor().compareTo(BigDecimal.ONE) > 0) {
            throw DomainException.invalidField("factor", "可支配收入比例请以小数填写，如 50% 填 0.5");
        }
    }

    private static DomainException overlap(HardshipStandard existing) {
        return DomainException.conflict("该地区已有 " + existing.effectiveFrom + " 至 "
                + (existing.effectiveTo == null ? "长期有效" : existing.effectiveTo) + " 的经济困难标准（" + existing.source
                + "），有效期不能重叠；新标准请从旧标准失效之日起施行");
    }
}
