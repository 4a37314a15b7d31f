package org.publiclegal.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.publiclegal.shared.domain.Deactivation;
import org.publiclegal.shared.domain.Reactivation;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.security.Roles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A user account. Residents are keyed by their WeChat openid; staff belong to an organisation whose region
 * subtree is their scope ({@link #regionCode} copies the organisation's region).
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public AccountKind kind;
    public String displayName;
    /** Comma-separated role names. */
    public String roles;
    public UUID organisationId;
    public String regionCode;
    public String wechatOpenid;
    public String wechatUnionid;
    public boolean active;
    public Instant createdAt;
    /** 启用日期: the first day the account serves (China time). */
    public LocalDate validFrom;
    /** 停用日期: the first day it no longer serves; null while it serves. */
    public LocalDate validTo;
    public String deactivationReason;
    public Instant lastLoginAt;
    /** 手机号 of a staff member, sealed (AES-256-GCM, see {@link StaffContact}); null when none was given. */
    public String mobileCipher;
    /** The key that sealed {@link #mobileCipher}. */
    public String mobileKeyId;
    @Version
    public long version;

    public static Account resident(String openid, String unionid, Instant now) {
        Account a = new Account();
        a.id = UUID.randomUUID();
        a.kind = AccountKind.RESIDENT;
        a.roles = Roles.RESIDENT;
        a.wechatOpenid = openid;
        a.wechatUnionid = unionid;
        a.active = true;
        a.createdAt = now;
        a.validFrom = LocalDate.ofInstant(now, TimeSource.CHINA);
        return a;
    }

    public static Account staff(String displayName, Set<String> roles, UUID organisationId, String regionCode,
                                Instant now) {
        Account a = new Account();
        a.id = UUID.randomUUID();
        a.kind = AccountKind.STAFF;
        a.displayName = displayName;
        a.roles = String.join(",", roles);
        a.organisationId = organisationId;
        a.regionCode = regionCode;
        a.active = true;
        a.createdAt = now;
        a.validFrom = LocalDate.ofInstant(now, TimeSource.CHINA);
        return a;
    }

    /**
     * 停用 (deactivation) from {@code on}: the first day it no longer serves. Deactivating replaces deleting, so
     * figures of days before {@code on} still count it. Only an active 账号 can be deactivated, and not before the
     * day it started serving.
     */
    public void deactivate(LocalDate on, String reason) {
        Deactivation.check("账号", active, validFrom, validTo, on);
        active = false;
        validTo = on;
        deactivationReason = reason;
    }

    /**
     * 重新启用 from {@code on}: a new serving span, the old one kept (see {@link Reactivation}); 409 if it serves,
     * 400 if {@code on} is before its deactivation day.
     */
    public Reactivation reactivate(LocalDate on) {
        Reactivation r = Reactivation.of("账号", validFrom, validTo, deactivationReason, on);
        active = true;
        validFrom = r.newFrom();
        validTo = null;
        deactivationReason = null;
        return r;
    }

    public Set<String> roleSet() {
        return new LinkedHashSet<>(Arrays.asList(roles.split(",")));
    }
}
