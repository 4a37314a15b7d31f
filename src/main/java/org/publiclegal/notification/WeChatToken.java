package org.publiclegal.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/** WeChat's access token, one row shared by every replica (the refresher holds its lock). */
@Entity
@Table(name = "ntf_wechat_token")
public class WeChatToken {

    /** A token this close to its expiry is refreshed rather than used. */
    static final Duration MARGIN = Duration.ofMinutes(5);

    @Id
    public short id;
    public String accessToken;
    public Instant expiresAt;
    public Instant refreshedAt;
    public long refreshes;

    public boolean usable(Instant now) {
        return accessToken != null && expiresAt != null && now.plus(MARGIN).isBefore(expiresAt);
    }
}
