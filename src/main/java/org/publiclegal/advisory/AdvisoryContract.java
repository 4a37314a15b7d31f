package org.publiclegal.advisory;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.publiclegal.shared.domain.DomainException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 法律顾问合同 (签约): one advisor for one or more villages/communities over a term, with the service commitment.
 * The term is never changed: a renewal is a new contract pointing at this one ({@link #renewsId}); an early
 * termination records its effective date and reason. In force on {@code [startsOn, inForceUntil())}.
 */
@Entity
@Table(name = "adv_contract")
public class AdvisoryContract {

    /** Where a contract stands on a given day. */
    public enum Standing { NOT_STARTED, IN_FORCE, EXPIRED, TERMINATED }

    @Id
    public UUID id;
    public UUID advisorId;
    /** The signing 司法所's township or 司法局's county. */
    public String regionCode;
    public UUID signedBy;
    public LocalDate startsOn;
    /** Last day of the term (inclusive). */
    public LocalDate endsOn;
    /** First day no longer in force after an early termination. */
    public LocalDate terminatedOn;
    public String terminationReason;
    public int onsiteHoursPerMonth;
    public int lecturesPerQuarter;
    public UUID renewsId;
    public UUID createdBy;
    public Instant createdAt;
    @Version
    public long version;

    /** The first day the contract is no longer in force. */
    public LocalDate inForceUntil() {
        LocalDate natural = endsOn.plusDays(1);
        return terminatedOn != null && terminatedOn.isBefore(natural) ? terminatedOn : natural;
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(startsOn) && day.isBefore(inForceUntil());
    }

    public Standing standingOn(LocalDate day) {
        if (day.isBefore(startsOn)) {
            return Standing.NOT_STARTED;
        }
        if (inForceOn(day)) {
            return Standing.IN_FORCE;
        }
        return terminatedOn != null && terminatedOn.isBefore(endsOn.plusDays(1)) ? Standing.TERMINATED : Standing.EXPIRED;
    }

    /**
     * 提前解除: no longer in force from {@code effective} (today or later, and within the term), with the reason.
     * Once terminated, a contract cannot be terminated again.
     */
    public void terminate(LocalDate effective, String reason, LocalDate today) {
        if (terminatedOn != null) {
            throw DomainException.conflict("合同已于 " + terminatedOn + " 解除，不能重复解除");
        }
        if (!today.isBefore(inForceUntil())) {
            throw DomainException.conflict("合同已于 " + endsOn + " 期满，无需解除");
        }
        if (effective.isBefore(today)) {
            throw DomainException.invalidField("effectiveOn", "解除生效日期不能早于今天（已报送的数字不能回溯改变）");
        }
        if (effective.isAfter(endsOn)) {
            throw DomainException.invalidField("effectiveOn", "解除生效日期须在合同期限内（" + endsOn + " 之前）");
        }
        terminatedOn = effective.isBefore(startsOn) ? startsOn : effective;
        terminationReason = reason;
    }

    /** 续签: the renewal starts the day after this term ends, unless this contract was terminated. */
    public void requireRenewable(LocalDate newStart) {
        if (terminatedOn != null) {
            throw DomainException.conflict("已提前解除的合同不能续签，请新签合同");
        }
        if (!newStart.equals(endsOn.plusDays(1))) {
            throw DomainException.invalidField("endsOn", "续签合同自原合同期满次日（" + endsOn.plusDays(1) + "）起算");
        }
    }
}
