package org.publiclegal.shared.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One row of the append-only audit log (the table refuses updates and deletes). */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant occurredAt;
    public UUID actorId;
    public String actorRoles;
    public String action;
    public String objectType;
    public String objectId;
    public String regionCode;
    public String clientIp;
    public String detail;
}
