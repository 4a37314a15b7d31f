package org.publiclegal.mediation.subsidy;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.ConstraintViolationException;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.Money;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.RegionCodes.Level;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** 以案奖补标准 as data: added and ended by the 司法局 (in its county) or the system administrator, audited. */
@ApplicationScoped
public class SubsidyRuleService {

    private final SubsidyRuleRepository rules;
    private final OrganisationService directory;
    private final AuditTrail audit;
    private final Clock clock;

    public SubsidyRuleService(SubsidyRuleRepository rules, OrganisationService directory, AuditTrail audit,
                              Clock clock) {
        this.rules = rules;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds a rule for a county or township in the caller's scope. Its period may not overlap another rule of
     * the same region and tier: a new amount needs the old rule ended first.
     */
    @WithTransaction
    public Uni<SubsidyRule> add(SubsidyRule.Terms terms, AccessScope scope, Actor actor) {
        if (!scope.covers(terms.regionCode())) {
            throw DomainException.forbidden("只能为本单位管辖范围内的地区设置以案奖补标准");
        }
        Level level = RegionCodes.levelOf(terms.regionCode());
        if (level != Level.COUNTY && level != Level.TOWNSHIP) {
            throw DomainException.invalidField("regionCode", "以案奖补标准只能设在县级或乡镇级行政区划");
        }
        if (terms.effectiveTo() != null && !terms.effectiveTo().isAfter(terms.effectiveFrom())) {
            throw DomainException.invalidField("effectiveTo", "失效日期须晚于生效日期");
        }
        SubsidyRule rule = SubsidyRule.create(terms, actor.accountId(), clock.instant());
        return directory.regionExists(terms.regionCode())
                .chain(exists -> {
                    if (!exists) {
                        throw DomainException.invalidField("regionCode", "行政区划 " + terms.regionCode() + " 不存在");
                    }
                    return rules.overlapping(terms.regionCode(), terms.tier(), terms.effectiveFrom(), terms.effectiveTo());
                })
                .chain(clashes -> {
                    if (!clashes.isEmpty()) {
                        SubsidyRule existing = clashes.get(0);
                        throw DomainException.conflict("该地区已有 " + existing.effectiveFrom + " 至 "
                                + (existing.effectiveTo == null ? "长期有效" : existing.effectiveTo) + " 的" + existing.tier
                                + "档奖补标准，有效期不能重叠；新标准请从旧标准失效之日起施行");
                    }
                    return rules.persistAndFlush(rule);
                })
                // a concurrent insert that passed the check above is stopped by the exclusion constraint
                .onFailure(ConstraintViolationException.class).transform(e -> {
                    Log.debugf("Subsidy rule for %s refused by the no-overlap constraint", terms.regionCode());
                    return DomainException.conflict("该地区该档次在所选期间已有奖补标准，有效期不能重叠");
                })
                .call(r -> audit.record(actor, "SUBSIDY_RULE_ADDED", "med_subsidy_rule", r.id, r.regionCode,
                        r.tier + " " + Money.toYuan(r.amountFen) + " 元/件，书面协议" + (r.needsWrittenAgreement ? "必需" : "不要求")
                                + "，履行" + (r.needsPerformance ? "必需" : "不要求") + "，" + r.effectiveFrom + " 至 "
                                + (r.effectiveTo == null ? "长期" : r.effectiveTo)
                                + (r.leadSharePercent == null ? "，多人调解平均分摊" : "，主办调解员分得 " + r.leadSharePercent + "%")
                                + (r.source == null ? "" : "，" + r.source)));
    }

    /** Ends a rule on {@code effectiveTo} (exclusive), so that a new amount can start that day. Only shortens. */
    @WithTransaction
    public Uni<SubsidyRule> expire(UUID id, LocalDate effectiveTo, AccessScope scope, Actor actor) {
        return rules.findById(id).chain(r -> {
            if (r == null || !scope.covers(r.regionCode)) {
                throw new NotFound("以案奖补标准", id);
            }
            if (!effectiveTo.isAfter(r.effectiveFrom)) {
                throw DomainException.invalidField("effectiveTo", "失效日期须晚于生效日期 " + r.effectiveFrom);
            }
            if (r.effectiveTo != null && effectiveTo.isAfter(r.effectiveTo)) {
                throw DomainException.invalidField("effectiveTo", "只能提前失效，不能延长已设定的有效期（原失效日期 " + r.effectiveTo + "）");
            }
            LocalDate previous = r.effectiveTo;
            r.effectiveTo = effectiveTo;
            return audit.record(actor, "SUBSIDY_RULE_EXPIRED", "med_subsidy_rule", r.id, r.regionCode,
                    "失效日期 " + (previous == null ? "长期" : previous) + " → " + effectiveTo).replaceWith(r);
        });
    }

    /** The rules that apply in a region: its own and its enclosing regions' (deepest region first). */
    public Uni<List<SubsidyRule>> list(String regionCode) {
        return rules.forRegionAndAncestors(regionCode);
    }
}
