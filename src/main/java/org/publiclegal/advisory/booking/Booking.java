package org.publiclegal.advisory.booking;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.publiclegal.advisory.ServiceMode;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.IllegalTransition;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.publiclegal.advisory.booking.BookingStatus.CANCELLED;
import static org.publiclegal.advisory.booking.BookingStatus.COMPLETED;
import static org.publiclegal.advisory.booking.BookingStatus.CONFIRMED;
import static org.publiclegal.advisory.booking.BookingStatus.DECLINED;
import static org.publiclegal.advisory.booking.BookingStatus.NO_SHOW;
import static org.publiclegal.advisory.booking.BookingStatus.PENDING;

/**
 * 预约: a resident's booking of one advisor's slot, and its state machine ({@link BookingStatus}); the rating
 * (好差评) of a completed booking and, for a 差评, the 司法所's callback. The database keeps pending and
 * confirmed bookings of one advisor from overlapping (exclusion constraint), whatever the race.
 */
@Entity
@Table(name = "adv_booking")
public class Booking {

    @Id
    public UUID id;
    public UUID advisorId;
    /** The advisor's organisation. */
    public UUID organisationId;
    public UUID residentId;
    /** The village the booking is for (the on-site village, or the resident's). */
    public String villageCode;
    @Enumerated(EnumType.STRING)
    public ServiceMode mode;
    @Enumerated(EnumType.STRING)
    public BookingTopic topic;
    /** The resident's short description, sealed. */
    public String descriptionCipher;
    public String keyId;
    public Instant startsAt;
    public Instant endsAt;
    @Enumerated(EnumType.STRING)
    public BookingStatus status;
    public Instant createdAt;
    public Instant decidedAt;
    public String declineReason;
    public Instant cancelledAt;
    public boolean lateCancellation;
    public String cancelReason;
    /** When it was marked completed or no-show. */
    public Instant closedAt;
    public UUID serviceRecordId;
    public Short rating;
    public String ratingComment;
    public Instant ratedAt;
    public Instant callbackDueAt;
    public Instant callbackAt;
    public UUID callbackBy;
    public String callbackNote;
    @Version
    public long version;

    public void booked(Instant now) {
        status = PENDING;
        createdAt = now;
    }

    /** The advisor confirms a pending booking. */
    public void confirm(Instant now) {
        require("confirm", PENDING);
        decidedAt = now;
        status = CONFIRMED;
    }

    /** The advisor declines a pending booking, with the reason; the slot is free again. */
    public void decline(String reason, Instant now) {
        require("decline", PENDING);
        decidedAt = now;
        declineReason = reason;
        status = DECLINED;
    }

    /**
     * The resident cancels: free until {@code notice} before the start, later a late cancellation (counted per
     * resident). Not after the start.
     */
    public void cancel(String reason, Duration notice, Instant now) {
        require("cancel", PENDING, CONFIRMED);
        if (!now.isBefore(startsAt)) {
            throw DomainException.conflict("预约时间已开始，不能取消");
        }
        lateCancellation = now.isAfter(startsAt.minus(notice));
        cancelledAt = now;
        cancelReason = reason;
        status = CANCELLED;
    }

    /** The advisor marks that the resident did not come (only once the slot has started). */
    public void noShow(Instant now) {
        require("no-show", CONFIRMED);
        requireStarted(now);
        closedAt = now;
        status = NO_SHOW;
    }

    /** The advisor completes the booking (only once the slot has started); the service record is made with it. */
    public void complete(UUID recordId, Instant now) {
        require("complete", CONFIRMED);
        requireStarted(now);
        closedAt = now;
        serviceRecordId = recordId;
        status = COMPLETED;
    }

    /** 好差评: the resident rates a completed booking once; a 1 or 2 is a 差评 with a callback due. */
    public void rate(int stars, String comment, Instant callbackDue, Instant now) {
        require("rate", COMPLETED);
        if (rating != null) {
            throw DomainException.conflict("该预约已评价，每次服务只能评价一次");
        }
        rating = (short) stars;
        ratingComment = comment;
        ratedAt = now;
        callbackDueAt = isBadRating() ? callbackDue : null;
    }

    public boolean isBadRating() {
        return rating != null && rating <= 2;
    }

    /** The 司法所 records its callback on a 差评 and how it was resolved. */
    public void callback(UUID by, String note, Instant now) {
        if (!isBadRating()) {
            throw DomainException.conflict("只有差评需要回访");
        }
        if (callbackAt != null) {
            throw DomainException.conflict("已记录回访");
        }
        callbackAt = now;
        callbackBy = by;
        callbackNote = note;
    }

    private void requireStarted(Instant now) {
        if (now.isBefore(startsAt)) {
            throw DomainException.conflict("预约时间尚未开始");
        }
    }

    private void require(String action, BookingStatus... allowed) {
        if (!Set.of(allowed).contains(status)) {
            throw new IllegalTransition("预约", status, action, status.actions());
        }
    }
}
