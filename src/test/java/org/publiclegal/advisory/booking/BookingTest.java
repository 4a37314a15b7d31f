package org.publiclegal.advisory.booking;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.IllegalTransition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;


/** The booking state machine, the cancellation window and the rating rules, without Quarkus. */
class BookingTest {

    private static final Instant START = Instant.parse("2026-03-02T01:00:00Z");
    private static final Duration NOTICE = Duration.ofHours(2);

    private static Booking pending() {
        Booking b = new Booking();
        b.id = UUID.randomUUID();
        b.startsAt = START;
        b.endsAt = START.plus(Duration.ofMinutes(30));
        b.booked(START.minus(Duration.ofDays(3)));
        return b;
    }

    private static Booking completed() {
        Booking b = pending();
        b.confirm(START.minus(Duration.ofDays(2)));
        b.complete(UUID.randomUUID(), START.plusSeconds(60));
        return b;
    }

    @Test
    void cancellingExactlyAtTheNoticeBoundaryIsStillFree() {
        Booking b = pending();
        b.cancel(null, NOTICE, START.minus(NOTICE));
        assertEquals(BookingStatus.CANCELLED, b.status);
        assertFalse(b.lateCancellation);
    }

    @Test
    void cancellingOneSecondInsideTheNoticePeriodIsLate() {
        Booking b = pending();
        b.confirm(START.minus(Duration.ofDays(1)));
        b.cancel("临时有事", NOTICE, START.minus(NOTICE).plusSeconds(1));
        assertTrue(b.lateCancellation);
    }

    @Test
    void cancellingAtOrAfterTheStartIsRefused() {
        assertTrue(assertThrows(DomainException.class, () -> pending().cancel(null, NOTICE, START)).getMessage().contains("已开始"));
    }

    @Test
    void aDeclinedBookingCannotBeConfirmedAndTheAllowedActsAreNamed() {
        Booking b = pending();
        b.decline("当天外出开庭", START.minus(Duration.ofDays(1)));
        assertTrue(assertThrows(IllegalTransition.class, () -> b.confirm(START)).getMessage().contains("DECLINED"));
        assertEquals(List.of("confirm", "decline", "cancel"), BookingStatus.PENDING.actions());
    }

    @Test
    void completingOrMarkingANoShowBeforeTheSlotStartsIsRefused() {
        Booking b = pending();
        b.confirm(START.minus(Duration.ofDays(1)));
        assertTrue(assertThrows(RuntimeException.class, () -> b.complete(UUID.randomUUID(), START.minusSeconds(1))).getMessage().contains("尚未开始"));
        assertTrue(assertThrows(RuntimeException.class, () -> b.noShow(START.minusSeconds(1))).getMessage().contains("尚未开始"));
        b.noShow(START);
        assertEquals(BookingStatus.NO_SHOW, b.status);
    }

    @Test
    void aPendingBookingCannotBeCompleted() {
        assertThrows(IllegalTransition.class, () -> pending().complete(UUID.randomUUID(), START.plusSeconds(1)));
    }

    @Test
    void aRatingOfTwoIsABadRatingWithACallbackDueAndAThreeIsNot() {
        Instant due = START.plus(Duration.ofDays(1));
        Booking two = completed();
        two.rate(2, "没听懂", due, START.plusSeconds(3600));
        assertTrue(two.isBadRating());
        assertEquals(due, two.callbackDueAt);
        Booking three = completed();
        three.rate(3, null, due, START.plusSeconds(3600));
        assertFalse(three.isBadRating());
        assertNull(three.callbackDueAt);
        assertTrue(assertThrows(RuntimeException.class, () -> three.callback(UUID.randomUUID(), "回访", START)).getMessage().contains("只有差评"));
    }

    @Test
    void aBookingIsRatedOnceAndOnlyWhenCompleted() {
        Booking b = completed();
        b.rate(5, "很耐心", null, START.plusSeconds(3600));
        assertTrue(assertThrows(RuntimeException.class, () -> b.rate(4, null, null, START.plusSeconds(7200))).getMessage().contains("只能评价一次"));
        assertThrows(IllegalTransition.class, () -> pending().rate(5, null, null, START));
    }

    @Test
    void onlyPendingAndConfirmedBookingsHoldTheSlot() {
        assertTrue(BookingStatus.PENDING.holdsSlot());
        assertTrue(BookingStatus.CONFIRMED.holdsSlot());
        assertFalse(BookingStatus.CANCELLED.holdsSlot());
        assertFalse(BookingStatus.DECLINED.holdsSlot());
    }

    @Test
    void onlyAPendingBookingCanBeDeclinedNotAConfirmedOne() {
        Booking b = pending();
        b.confirm(START.minus(Duration.ofDays(1)));
        assertThrows(IllegalTransition.class, () -> b.decline("没空", START.minus(Duration.ofHours(30))));
        assertEquals(BookingStatus.CONFIRMED, b.status);
        assertNull(b.declineReason);
    }

    @Test
    void aCompletedBookingCannotBeCancelledEvenBeforeItsStart() {
        Booking b = completed();
        assertThrows(IllegalTransition.class, () -> b.cancel(null, NOTICE, START.minus(Duration.ofDays(1))));
        assertEquals(BookingStatus.COMPLETED, b.status);
        assertNull(b.cancelledAt);
    }

    @Test
    void aPendingBookingCannotBeMarkedANoShowEvenAfterItStarted() {
        Booking b = pending();
        assertThrows(IllegalTransition.class, () -> b.noShow(START.plusSeconds(60)));
        assertEquals(BookingStatus.PENDING, b.status);
        assertNull(b.closedAt);
    }

    @Test
    void aBadRatingIsCalledBackOnceAndAGoodOneNever() {
        Booking bad = completed();
        bad.rate(1, "态度差", START.plus(Duration.ofDays(1)), START.plus(Duration.ofHours(2)));
        bad.callback(UUID.randomUUID(), "已回访，顾问道歉", START.plus(Duration.ofHours(5)));
        assertEquals(START.plus(Duration.ofHours(5)), bad.callbackAt);
        assertThrows(DomainException.class, () -> bad.callback(UUID.randomUUID(), "再次回访", START.plus(Duration.ofHours(6))));
        assertEquals("已回访，顾问道歉", bad.callbackNote);
        Booking good = completed();
        good.rate(3, null, START.plus(Duration.ofDays(1)), START.plus(Duration.ofHours(2)));
        assertThrows(DomainException.class, () -> good.callback(UUID.randomUUID(), "回访", START.plus(Duration.ofHours(5))));
    }
}
