package org.publiclegal.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.publiclegal.shared.security.Roles;

import java.time.Instant;
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
    public Instant lastLoginAt;
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
        return a;
    }

    public Set<String> roleSet() {
        return new LinkedHashSet<>(Arrays.asList(roles.split(",")));
    }
}
