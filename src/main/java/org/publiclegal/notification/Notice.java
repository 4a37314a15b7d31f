package org.publiclegal.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** 站内消息: one notice in one account's inbox. Superseded when a later step of the same matter replaced it. */
@Entity
@Table(name = "ntf_notice")
public class Notice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID recipientId;
    @Enumerated(EnumType.STRING)
    public NoticeKind kind;
    public UUID subjectId;
    public String title;
    public String body;
    public String link;
    public Instant createdAt;
    public Instant readAt;
    public Instant supersededAt;
    public Long supersededBy;

    /** Marks it read (once; a second read keeps the first time). */
    public void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }
}
