package org.publiclegal.region;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.region.OrganisationType.CommitteeKind;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.Reactivation;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Regions and organisations: the directory every other feature routes and scopes by. */
@ApplicationScoped
public class OrganisationService {

    private final RegionRepository regions;
    private final OrganisationRepository organisations;
    private final AuditTrail audit;
    private final RegisterHistory history;
    private final org.publiclegal.shared.documents.DocumentNumbers documentNumbers;
    private final Clock clock;

    public OrganisationService(RegionRepository regions, OrganisationRepository organisations, AuditTrail audit,
                               RegisterHistory history, org.publiclegal.shared.documents.DocumentNumbers documentNumbers,
                               Clock clock) {
        this.regions = regions;
        this.organisations = organisations;
        this.audit = audit;
        this.history = history;
        this.documentNumbers = documentNumbers;
        this.clock = clock;
    }

    /** Adds a region under its (existing) parent; the level and parent follow from the code. */
    public Uni<Region> addRegion(String code, String name, Actor actor) {
        return addRegion(code, name, null, actor);
    }

    /**
     * Adds a region under its (existing, serving) parent, on the register from {@code validFrom} (null: an existing
     * 行政区划 entered now, on the register since before any record, 2000-01-01).
     */
    @WithTransaction
    public Uni<Region> addRegion(String code, String name, LocalDate validFrom, Actor actor) {
        Region region = Region.of(code, name);
        if (validFrom != null) {
            region.validFrom = validFrom;
        }
        return regions.findById(code).chain(existing -> {
            if (existing != null) {
                throw DomainException.conflict("行政区划代码 " + code + " 已存在");
            }
            if (region.parentCode == null) {
                return Uni.createFrom().item(region);
            }
            return regions.findById(region.parentCode).map(parent -> {
                if (parent == null) {
                    throw DomainException.invalidField("code", "上级行政区划 " + region.parentCode + " 不存在，请先添加上级");
                }
                if (!parent.active()) {
                    throw DomainException.invalidField("code", "上级行政区划 " + region.parentCode + " 已于 "
                            + parent.validTo + " 撤销");
                }
                return region;
            });
        }).chain(r -> regions.persist(r))
                .call(r -> audit.record(actor, "REGION_ADDED", "region", r.code, r.code, r.name));
    }

    /** Creates an organisation inside the caller's scope, on the register from today. */
    public Uni<Organisation> create(OrganisationType type, CommitteeKind kind, String name, String regionCode,
                                    String address, String phone, AccessScope scope, Actor actor) {
        return create(type, kind, name, regionCode, address, phone, null, scope, actor);
    }

    /**
     * Creates an organisation inside the caller's scope, on the register from {@code validFrom} (成立日期: not before
     * 2000-01-01 nor its region's 在册 day, not after today; null: from today), so the figures of earlier periods count
     * it. Audited.
     */
    @WithTransaction
    public Uni<Organisation> create(OrganisationType type, CommitteeKind kind, String name, String regionCode,
                                    String address, String phone, LocalDate validFrom, AccessScope scope,
                                    Actor actor) {
        if (!scope.covers(regionCode)) {
            throw DomainException.forbidden("只能在本单位管辖范围内设立机构");
        }
        return regions.findById(regionCode)
                .onItem().ifNull().failWith(() -> DomainException.invalidField("regionCode", "行政区划 " + regionCode + " 不存在"))
                .map(region -> {
                    Organisation o = Organisation.create(type, kind, name, regionCode, address, phone, clock.instant());
                    if (validFrom != null) {
                        if (validFrom.isBefore(region.validFrom)) {
                            throw DomainException.invalidField("validFrom", "成立日期不能早于所在行政区划的在册日期 "
                                    + region.validFrom);
                        }
                        o.foundedOn(validFrom, LocalDate.ofInstant(clock.instant(), TimeSource.CHINA));
                    }
                    return o;
                })
                .chain(organisations::persistAndFlush)
                .call(o -> audit.record(actor, "ORGANISATION_CREATED", "organisation", o.id, o.regionCode,
                        o.type + " " + o.name + (validFrom != null ? " 成立日期 " + validFrom : "")));
    }

    /**
     * The home of the first system administrator (start-up bootstrap, before anyone can sign in): the region
     * (added when missing, which only works for a province, since its parent cannot exist yet) and its
     * 司法厅/局 named {@code organisationName} (found by name or created). Runs in the caller's transaction.
     */
    public Uni<Organisation> bootstrapHome(String regionCode, String regionName, String organisationName,
                                           Actor actor) {
        return regions.findById(regionCode).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            Region region = Region.of(regionCode, regionName);
            if (region.parentCode != null || regionName == null) {
                throw new IllegalStateException("Region " + regionCode + " does not exist. Give a province code "
                        + "(e.g. 530000000000) with its name in APP_BOOTSTRAP_ADMIN_REGION_NAME, or an existing region.");
            }
            return regions.persist(region)
                    .call(r -> audit.record(actor, "REGION_ADDED", "region", r.code, r.code, r.name));
        }).chain(region -> organisations.find("type = ?1 and regionCode = ?2 and name = ?3",
                        OrganisationType.JUSTICE_BUREAU, regionCode, organisationName).firstResult()
                .chain(found -> found != null ? Uni.createFrom().item(found)
                        : organisations.persist(Organisation.create(OrganisationType.JUSTICE_BUREAU, null,
                                        organisationName, regionCode, null, null, clock.instant()))
                        .call(o -> audit.record(actor, "ORGANISATION_CREATED", "organisation", o.id, o.regionCode,
                                o.type + " " + o.name))));
    }

    public Uni<Boolean> regionExists(String code) {
        return regions.count("code", code).map(n -> n > 0);
    }

    /** Where a region stands on the register on a day. */
    public enum RegisterStanding { UNKNOWN, ON_REGISTER, OFF_REGISTER }

    /**
     * Whether region {@code code} exists and is on the register on {@code day} (its current span: not yet begun, or
     * 撤销 (merged, deactivated) on or before that day, is off the register).
     */
    public Uni<RegisterStanding> registerStanding(String code, LocalDate day) {
        return regions.findById(code).map(r -> r == null ? RegisterStanding.UNKNOWN
                : !r.validFrom.isAfter(day) && (r.validTo == null || r.validTo.isAfter(day))
                ? RegisterStanding.ON_REGISTER : RegisterStanding.OFF_REGISTER);
    }

    /** Which of {@code codes} are registered regions: {@link #regionExists} for many codes in one query. */
    public Uni<Set<String>> existingRegions(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return regions.getSession().chain(s -> s.createSelectionQuery(
                        "select r.code from Region r where r.code in (:codes)", String.class)
                .setParameter("codes", Set.copyOf(codes)).getResultList())
                .map(Set::copyOf);
    }

    /** The nearest active organisation of {@code type} whose coverage contains {@code regionCode}, or null. */
    public Uni<Organisation> nearestCovering(OrganisationType type, String regionCode) {
        return organisations.coveringNearest(type, regionCode);
    }

    /**
     * {@link #nearestCovering} for many regions in one query: each code with its nearest active organisation of
     * {@code type} (the deepest on its path up to the province); a code no such organisation covers is absent.
     */
    public Uni<Map<String, Organisation>> nearestCoveringAll(OrganisationType type, Collection<String> regionCodes) {
        if (regionCodes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Set<String> paths = new HashSet<>();
        regionCodes.forEach(code -> paths.addAll(RegionCodes.ancestorsOrSelf(code)));
        return organisations.list("type = ?1 and active = true and regionCode in ?2 order by regionCode desc, id",
                type, paths).map(found -> {
                    Map<String, Organisation> nearest = new HashMap<>();
                    for (String code : regionCodes) {
                        List<String> path = RegionCodes.ancestorsOrSelf(code);
                        found.stream().filter(o -> path.contains(o.regionCode)).findFirst()
                                .ifPresent(o -> nearest.put(code, o));
                    }
                    return nearest;
                });
    }

    /** The organisations of {@code ids} by id, in one query ({@link #find} for many); unknown ids are absent. */
    public Uni<Map<UUID, Organisation>> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return organisations.list("id in ?1", Set.copyOf(ids)).map(list -> {
            Map<UUID, Organisation> byId = new HashMap<>();
            list.forEach(o -> byId.put(o.id, o));
            return byId;
        });
    }

    /**
     * The 人民调解委员会 for a dispute that happened in {@code villageCode}: the village's committee, or, where the
     * village has none, its township's.
     */
    public Uni<UUID> committeeFor(String villageCode) {
        String township = villageCode.substring(0, 9) + "000";
        // its id only: a submission needs no managed organisation entity
        return organisations.getSession().chain(s -> s.createSelectionQuery("select o.id from Organisation o "
                                + "where o.type = :type and o.active = true and ((o.regionCode = :village and o.committeeKind = "
                                + ":villageKind) or (o.regionCode = :township and o.committeeKind = :townshipKind)) "
                                + "order by o.regionCode desc", UUID.class)
                .setParameter("type", OrganisationType.MEDIATION_COMMITTEE)
                .setParameter("village", villageCode).setParameter("villageKind", OrganisationType.CommitteeKind.VILLAGE)
                .setParameter("township", township).setParameter("townshipKind", OrganisationType.CommitteeKind.TOWNSHIP)
                .setMaxResults(1).getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    /** 停用机构: deactivate organisation {@code id} from day {@code on}, with a reason. */
    public record Deactivate(UUID id, java.time.LocalDate on, String reason) {
    }

    /**
     * Deactivates an organisation inside the caller's scope (403 outside it, 404 unknown, 409 already
     * deactivated); its staff are left as they are. Audited.
     */
    @WithTransaction
    public Uni<Organisation> deactivate(Deactivate command, AccessScope scope, Actor actor) {
        return get(command.id()).chain(o -> {
            if (!scope.covers(o.regionCode)) {
                throw DomainException.forbidden("只能停用本单位管辖范围内的机构");
            }
            o.deactivate(command.on(), command.reason());
            return organisations.persistAndFlush(o)
                    .call(x -> audit.record(actor, "ORGANISATION_DEACTIVATED", "organisation", o.id, o.regionCode,
                            command.on() + " " + command.reason()));
        });
    }

    /** 重新启用机构: organisation {@code id} serves again from day {@code on}. */
    public record Reactivate(UUID id, LocalDate on, String reason) {
    }

    /**
     * Reactivates a deactivated organisation inside the caller's scope (403 outside it, 404 unknown, 409 serving,
     * 400 before its deactivation day): a new serving span from {@code on}, the old one kept. Audited.
     */
    @WithTransaction
    public Uni<Organisation> reactivate(Reactivate command, AccessScope scope, Actor actor) {
        return get(command.id()).chain(o -> {
            if (!scope.covers(o.regionCode)) {
                throw DomainException.forbidden("只能重新启用本单位管辖范围内的机构");
            }
            Reactivation r = o.reactivate(command.on());
            return history.keep(RegisterHistory.Register.ORGANISATION, o.id, r)
                    .chain(() -> organisations.persistAndFlush(o))
                    .call(x -> audit.record(actor, "ORGANISATION_REACTIVATED", "organisation", o.id, o.regionCode,
                            command.on() + " " + command.reason()));
        });
    }

    /** 撤销行政区划 (e.g. a village merged into another) from day {@code on}, or 恢复 it from {@code on}. */
    public record RegionChange(String code, LocalDate on, String reason) {
    }

    /**
     * Deactivates a region: a system administrator anywhere, a 司法局 for the regions below its county (403
     * otherwise, 404 unknown, 409 already deactivated or while a subordinate region is still on the register on or
     * after {@code on}). The figures of days before {@code on} still count it. Audited.
     */
    @WithTransaction
    public Uni<Region> deactivateRegion(RegionChange command, AccessScope scope, Actor actor) {
        return region(command.code(), scope).chain(r -> regions.servingChildren(r.code, command.on()).chain(n -> {
            if (n > 0) {
                throw DomainException.conflict("该行政区划仍有 " + n + " 个下级区划在册，请先撤销下级区划");
            }
            r.deactivate(command.on(), command.reason());
            return regions.persistAndFlush(r)
                    .call(x -> audit.record(actor, "REGION_DEACTIVATED", "region", r.code, r.code,
                            command.on() + " " + command.reason()));
        }));
    }

    /** Puts a deactivated region back on the register from {@code on} (same scope as deactivation). Audited. */
    @WithTransaction
    public Uni<Region> reactivateRegion(RegionChange command, AccessScope scope, Actor actor) {
        return region(command.code(), scope).chain(r -> {
            Reactivation change = r.reactivate(command.on());
            return history.keep(RegisterHistory.Register.REGION, r.code, change)
                    .chain(() -> regions.persistAndFlush(r))
                    .call(x -> audit.record(actor, "REGION_REACTIVATED", "region", r.code, r.code,
                            command.on() + " " + command.reason()));
        });
    }

    private Uni<Region> region(String code, AccessScope scope) {
        return regions.findById(code).onItem().ifNull().failWith(() -> new NotFound("行政区划", code)).invoke(r -> {
            if (!scope.isSystemAdmin() && (code.equals(scope.regionCode()) || !scope.covers(code))) {
                throw DomainException.forbidden("只能变更本单位管辖范围内的下级行政区划");
            }
        });
    }

    /**
     * Sets an organisation's 文书字号 prefix for one kind of document (e.g. 鹤司调 for its 人民调解协议书), within the
     * caller's region; numbers already given keep theirs, the yearly sequence of the new prefix starts at 1. Audited.
     */
    @WithTransaction
    public Uni<Organisation> setDocumentPrefix(UUID id, org.publiclegal.shared.documents.DocumentKind kind,
                                               String prefix, AccessScope scope, Actor actor) {
        return get(id).chain(o -> {
            if (!scope.covers(o.regionCode)) {
                throw DomainException.forbidden("只能设置本单位管辖范围内机构的文书字号");
            }
            return documentNumbers.setPrefix(o.id, kind, prefix)
                    .call(() -> audit.record(actor, "DOCUMENT_PREFIX_SET", "organisation", o.id, o.regionCode,
                            kind.name() + " " + prefix))
                    .replaceWith(o);
        });
    }

    /** The organisation {@code id}, or null when there is none (for callers that print "—" rather than fail). */
    public Uni<Organisation> find(UUID id) {
        return organisations.findById(id);
    }

    public Uni<Organisation> get(UUID id) {
        return organisations.findById(id).onItem().ifNull().failWith(() -> new NotFound("机构", id));
    }
}
