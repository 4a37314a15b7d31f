package org.publiclegal.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * 我的事项: one matter of one resident as the "my matters" list shows it, kept up to date by the modules' state
 * changes (in their transaction). Urgency 0 = the resident must act, 1 = someone else acts, 2 = finished.
 */
@Entity
@Table(name = "ntf_matter")
public class Matter {

    /** Services a matter belongs to. */
    public enum Service { LEGAL_AID, MEDIATION, ADVISORY }

    /** Sort position of matters without a deadline: after every dated one, the latest change first. */
    static final Instant UNDATED = Instant.parse("9999-01-01T00:00:00Z");

    @Id
    public UUID id;
    public UUID accountId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Service service;
    public UUID subjectId;
    public String reference;
    public String statusCode;
    public String statusText;
    public String nextActor;
    public String todo;
    public Instant deadline;
    public short urgency;
    public Instant sortAt;
    public String link;
    public Instant updatedAt;

    /** Takes the matter's current state; returns whether its stage changed (a new notice is due). */
    public boolean update(MatterState s, Instant now) {
        boolean changed = !s.code().equals(statusCode);
        statusCode = s.code();
        statusText = s.statusText();
        nextActor = s.nextActor();
        todo = s.todo();
        deadline = s.deadline();
        urgency = (short) s.urgency();
        sortAt = sortKey(s.deadline(), now);
        updatedAt = now;
        return changed;
    }

    /** Dated matters by deadline; undated ones after them, the most recently changed first. */
    static Instant sortKey(Instant deadline, Instant now) {
        return deadline != null ? deadline : UNDATED.minusSeconds(now.getEpochSecond());
    }
}
