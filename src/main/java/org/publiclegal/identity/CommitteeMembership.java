package org.publiclegal.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.publiclegal.shared.domain.DomainException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * 调委会成员资格 (committee membership): a mediator served in a 人民调解委员会 on the days [validFrom, validTo). A
 * mediator serves in one committee at a time (no overlapping spans; the database refuses them too). A move is one
 * membership ended and another added; a membership is never rewritten, so the registers of past days stay true.
 */
@Entity
@Table(name = "committee_membership")
public class CommitteeMembership {

    @Id
    public UUID id;
    public UUID accountId;
    /** The 人民调解委员会. */
    public UUID organisationId;
    /** 加入日期: the first day served. */
    public LocalDate validFrom;
    /** 退出日期: the first day no longer served; null while serving. */
    public LocalDate validTo;
    public String reason;
    public String endReason;
    public Instant createdAt;
    @Version
    public long version;

    public static CommitteeMembership of(UUID accountId, UUID committeeId, LocalDate from, String reason, Instant now) {
        CommitteeMembership m = new CommitteeMembership();
        m.id = UUID.randomUUID();
        m.accountId = accountId;
        m.organisationId = committeeId;
        m.validFrom = from;
        m.reason = reason;
        m.createdAt = now;
        return m;
    }

    /** Whether it serves on {@code day}. */
    public boolean servesOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }

    /**
     * Whether the span [from, to) ({@code to} null: open) shares a day with this one. An empty span (from = to)
     * shares no day with anything.
     */
    public boolean overlaps(LocalDate from, LocalDate to) {
        if (from.equals(to) || validFrom.equals(validTo)) {
            return false;
        }
        return (to == null || validFrom.isBefore(to)) && (validTo == null || from.isBefore(validTo));
    }

    /** The first of {@code memberships} that shares a day with [from, to), or null. */
    public static CommitteeMembership overlapping(List<CommitteeMembership> memberships, LocalDate from, LocalDate to) {
        return memberships.stream().filter(m -> m.overlaps(from, to)).findFirst().orElse(null);
    }

    /**
     * 退出 from {@code on} (the first day no longer serving): 409 if already ended, 400 if before it started.
     */
    public void end(LocalDate on, String why) {
        if (validTo != null) {
            throw DomainException.conflict("该成员资格已于 " + validTo + " 结束");
        }
        if (on.isBefore(validFrom)) {
            throw DomainException.invalidField("on", "退出日期不能早于加入日期 " + validFrom);
        }
        validTo = on;
        endReason = why;
    }
}
