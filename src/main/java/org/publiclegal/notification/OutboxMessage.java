package org.publiclegal.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * 发件箱: a message to deliver outside the database (a WeChat 订阅消息), written in the transaction of the state
 * change. PENDING → SENT | REFUSED (the user refused or has no subscription left) | DEAD (after the attempt limit
 * or a permanent error); DEAD → PENDING again by an administrator's retry.
 */
@Entity
@Table(name = "ntf_outbox")
public class OutboxMessage {

    public enum Status { PENDING, SENT, REFUSED, DEAD }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long noticeId;
    public String channel;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    public Instant nextAttemptAt;
    public String lastError;
    public Instant createdAt;
    public Instant sentAt;
    @Version
    public long version;

    /** An administrator sends a dead letter again: a fresh round of attempts from now. */
    public void retry(Instant now) {
        if (status != Status.DEAD) {
            throw org.publiclegal.shared.domain.DomainException.conflict("只有发送失败（死信）的消息可以重发");
        }
        status = Status.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }
}
