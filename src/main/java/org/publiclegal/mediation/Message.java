package org.publiclegal.mediation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** 案件消息 between the parties and the mediators; the text is sealed. */
@Entity
@Table(name = "med_message")
public class Message {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID disputeId;
    public UUID senderId;
    public String senderRole;
    public String bodyCipher;
    public String keyId;
    public Instant sentAt;
}
