package org.publiclegal.region;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.publiclegal.region.OrganisationType.CommitteeKind;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.Deactivation;
import org.publiclegal.shared.domain.Reactivation;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.RegionCodes.Level;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.validation.DateBounds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An organisation; it covers the region subtree rooted at {@link #regionCode}. */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public OrganisationType type;
    @Enumerated(EnumType.STRING)
    public CommitteeKind committeeKind;
    public String name;
    public String regionCode;
    public String address;
    public String phone;
    public boolean active;
    public Instant createdAt;
    /** 启用日期: the first day it serves (China time). */
    public LocalDate validFrom;
    /** 停用日期: the first day it no longer serves; null while it serves. */
    public LocalDate validTo;
    public String deactivationReason;
    @Version
    public long version;

    /**
     * Creates an organisation after checking that its type fits the region level it covers, e.g. a
     * 司法所 covers a township and a village committee a village.
     */
    public static Organisation create(OrganisationType type, CommitteeKind kind, String name, String regionCode,
                                      String address, String phone, Instant now) {
        Level level = RegionCodes.levelOf(regionCode);
        boolean fits = switch (type) {
            case JUSTICE_BUREAU, LEGAL_AID_CENTRE -> level == Level.COUNTY || level == Level.CITY
                    || level == Level.PROVINCE;
            case JUDICIAL_OFFICE -> level == Level.TOWNSHIP;
            case MEDIATION_COMMITTEE -> kind != null && switch (kind) {
                case VILLAGE -> level == Level.VILLAGE;
                case TOWNSHIP -> level == Level.TOWNSHIP;
                case INDUSTRY -> level != Level.VILLAGE;
            };
            case LAW_FIRM, COURT -> level != Level.VILLAGE;
        };
        if (type == OrganisationType.MEDIATION_COMMITTEE && kind == null) {
            throw DomainException.invalidField("committeeKind", "人民调解委员会须注明类别（VILLAGE、TOWNSHIP 或 INDUSTRY）");
        }
        if (type != OrganisationType.MEDIATION_COMMITTEE && kind != null) {
            throw DomainException.invalidField("committeeKind", "只有人民调解委员会有类别");
        }
        if (!fits) {
            throw DomainException.invalidField("regionCode", "该类机构不能设在" + level + "级行政区划");
        }
        Organisation o = new Organisation();
        o.id = UUID.randomUUID();
        o.type = type;
        o.committeeKind = kind;
        o.name = name;
        o.regionCode = regionCode;
        o.address = address;
        o.phone = phone;
        o.active = true;
        o.createdAt = now;
        o.validFrom = LocalDate.ofInstant(now, TimeSource.CHINA);
        return o;
    }

    /**
     * 成立日期 (founding day): an organisation entered now that has served since {@code founded} is on the register
     * from that day, so the figures of earlier periods count it. Not before {@link DateBounds#EARLIEST} (2000-01-01),
     * not after {@code today} (China time): 400 on {@code validFrom} otherwise.
     */
    public void foundedOn(LocalDate founded, LocalDate today) {
        String problem = foundingProblem(founded, today);
        if (problem != null) {
            throw DomainException.invalidField("validFrom", problem);
        }
        validFrom = founded;
    }

    /** Why {@code founded} cannot be a founding day when today is {@code today}, or null when it can. */
    public static String foundingProblem(LocalDate founded, LocalDate today) {
        if (founded.isBefore(DateBounds.EARLIEST)) {
            return "成立日期不能早于 " + DateBounds.EARLIEST;
        }
        if (founded.isAfter(today)) {
            return "成立日期不能晚于今天（" + today + "）";
        }
        return null;
    }

    /**
     * 停用 (deactivation) from {@code on}: the first day it no longer serves. Deactivating replaces deleting, so
     * figures of days before {@code on} still count it. Only an active 机构 can be deactivated, and not before the
     * day it started serving.
     */
    public void deactivate(LocalDate on, String reason) {
        Deactivation.check("机构", active, validFrom, validTo, on);
        active = false;
        validTo = on;
        deactivationReason = reason;
    }

    /**
     * 重新启用 from {@code on}: a new serving span, the old one kept (see {@link Reactivation}); 409 if it serves,
     * 400 if {@code on} is before its deactivation day.
     */
    public Reactivation reactivate(LocalDate on) {
        Reactivation r = Reactivation.of("机构", validFrom, validTo, deactivationReason, on);
        active = true;
        validFrom = r.newFrom();
        validTo = null;
        deactivationReason = null;
        return r;
    }
}
