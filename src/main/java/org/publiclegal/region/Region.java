package org.publiclegal.region;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.Reactivation;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.RegionCodes.Level;
import org.publiclegal.shared.validation.DateBounds;

import java.time.LocalDate;

/** 行政区划: a province, city, county, township (乡镇/街道) or village/community (村/社区). */
@Entity
@Table(name = "region")
public class Region {

    @Id
    public String code;
    public String parentCode;
    @Enumerated(EnumType.STRING)
    public Level level;
    public String name;
    /** 启用日期: the first day it is on the register (an existing 行政区划: 2000-01-01, before any record). */
    public LocalDate validFrom;
    /** 撤销日期: the first day it is no longer on the register (e.g. merged into another village); null while on it. */
    public LocalDate validTo;
    public String deactivationReason;

    public static Region of(String code, String name) {
        Region r = new Region();
        r.validFrom = DateBounds.EARLIEST;
        r.code = code;
        r.name = name;
        r.level = RegionCodes.levelOf(code);
        r.parentCode = parentOf(code);
        return r;
    }

    /** Whether it is on the register (not deactivated). */
    public boolean active() {
        return validTo == null;
    }

    /**
     * 撤销 (deactivation, e.g. a village merged into another) from {@code on}, the first day it is no longer on
     * the register: figures of the days before still count it. 409 if already deactivated, 400 before its first day.
     */
    public void deactivate(LocalDate on, String reason) {
        if (validTo != null) {
            throw DomainException.conflict("该行政区划已于 " + validTo + " 撤销");
        }
        if (on.isBefore(validFrom)) {
            throw DomainException.invalidField("on", "撤销日期不能早于启用日期 " + validFrom);
        }
        validTo = on;
        deactivationReason = reason;
    }

    /** 恢复 from {@code on}: a new span, the old one kept (see {@link Reactivation}). */
    public Reactivation reactivate(LocalDate on) {
        Reactivation r = Reactivation.of("行政区划", validFrom, validTo, deactivationReason, on);
        validFrom = r.newFrom();
        validTo = null;
        deactivationReason = null;
        return r;
    }

    /** The code of the enclosing region, from the code's own digits (null for a province). */
    public static String parentOf(String code) {
        Level level = RegionCodes.levelOf(code);
        return switch (level) {
            case PROVINCE -> null;
            case CITY -> pad(code.substring(0, 2));
            case COUNTY -> pad(code.substring(0, 4));
            case TOWNSHIP -> pad(code.substring(0, 6));
            case VILLAGE -> pad(code.substring(0, 9));
        };
    }

    private static String pad(String prefix) {
        return prefix + "0".repeat(12 - prefix.length());
    }
}
