package org.publiclegal.notification;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.domain.DomainException;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WeChat's error codes, the back-off and the attempt limit, the dead letter's retry, notice kinds. */
class DeliveryRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private final Backoff backoff = new Backoff(4, Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));

    @Test
    void weChatCodesAreClassified() {
        assertEquals(WeChatErrors.Outcome.SENT, WeChatErrors.classify(0));
        assertEquals(WeChatErrors.Outcome.REFUSED, WeChatErrors.classify(43101));
        for (int code : new int[]{40001, 40014, 42001}) {
            assertEquals(WeChatErrors.Outcome.TOKEN_INVALID, WeChatErrors.classify(code));
        }
        for (int code : new int[]{45009, 45011, 45047}) {
            assertEquals(WeChatErrors.Outcome.RATE_LIMITED, WeChatErrors.classify(code));
        }
        for (int code : new int[]{40003, 40037, 47003, 41030, 43107, 43108}) {
            assertEquals(WeChatErrors.Outcome.PERMANENT, WeChatErrors.classify(code));
        }
        assertEquals(WeChatErrors.Outcome.TRANSIENT, WeChatErrors.classify(-1));
        assertEquals(WeChatErrors.Outcome.TRANSIENT, WeChatErrors.classify(12345));
    }

    @Test
    void theDelayDoublesFromTheBaseUpToTheCap() {
        assertEquals(Duration.ofSeconds(30), backoff.delay(1));
        assertEquals(Duration.ofSeconds(60), backoff.delay(2));
        assertEquals(Duration.ofSeconds(120), backoff.delay(3));
        assertEquals(Duration.ofMinutes(2), backoff.delay(4), "capped");
        assertEquals(Duration.ofMinutes(2), backoff.delay(60), "no overflow far beyond");
        assertEquals(Duration.ofSeconds(30), backoff.delay(0));
    }

    @Test
    void aTransientFailureIsRetriedUntilTheLastAttemptThenIsADeadLetter() {
        assertEquals(NOW.plusSeconds(30), backoff.next(1, WeChatErrors.Outcome.TRANSIENT, NOW));
        assertEquals(NOW.plusSeconds(120), backoff.next(3, WeChatErrors.Outcome.TOKEN_INVALID, NOW));
        assertNull(backoff.next(4, WeChatErrors.Outcome.TRANSIENT, NOW), "the fourth attempt was the last");
        assertNull(backoff.next(5, WeChatErrors.Outcome.TRANSIENT, NOW));
    }

    @Test
    void aPermanentErrorIsADeadLetterAtOnce() {
        assertNull(backoff.next(1, WeChatErrors.Outcome.PERMANENT, NOW));
    }

    @Test
    void aRateLimitWaitsAtLeastThePause() {
        assertEquals(NOW.plus(Duration.ofMinutes(10)), backoff.next(1, WeChatErrors.Outcome.RATE_LIMITED, NOW));
        Backoff shortPause = new Backoff(4, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMinutes(5));
        assertEquals(NOW.plus(Duration.ofMinutes(10)), shortPause.next(2, WeChatErrors.Outcome.RATE_LIMITED, NOW),
                "the back-off when it is longer than the pause");
        assertEquals(NOW.plus(Duration.ofMinutes(5)), shortPause.next(1, WeChatErrors.Outcome.RATE_LIMITED, NOW),
                "exactly the pause");
    }

    @Test
    void onlyADeadLetterCanBeRetriedAndItStartsAFreshRound() {
        OutboxMessage m = new OutboxMessage();
        m.status = OutboxMessage.Status.DEAD;
        m.attempts = 6;
        m.retry(NOW);
        assertEquals(OutboxMessage.Status.PENDING, m.status);
        assertEquals(0, m.attempts);
        assertEquals(NOW, m.nextAttemptAt);
        assertThrows(DomainException.class, () -> m.retry(NOW));
        m.status = OutboxMessage.Status.SENT;
        assertThrows(DomainException.class, () -> m.retry(NOW));
    }

    @Test
    void aNoticeKeepsTheFirstReadTime() {
        Notice n = new Notice();
        n.markRead(NOW);
        n.markRead(NOW.plusSeconds(5));
        assertEquals(NOW, n.readAt);
    }

    @Test
    void staffCannotSwitchOffDeadlinesAndKindsBelongToResidentsOrStaff() {
        assertFalse(NoticeKind.DEADLINE_APPROACHING.switchable);
        assertFalse(NoticeKind.DEADLINE_MISSED.switchable);
        assertTrue(NoticeKind.NEW_WORK.switchable);
        assertTrue(NoticeKind.AID_PROGRESS.appliesTo(true));
        assertFalse(NoticeKind.AID_PROGRESS.appliesTo(false));
        assertTrue(NoticeKind.NEW_WORK.appliesTo(false));
        assertFalse(NoticeKind.NEW_WORK.appliesTo(true));
    }

    @Test
    void longTextsAreCutWithAnEllipsis() {
        assertEquals("一二三", Notifier.cut("一二三", 3));
        assertEquals("一二…", Notifier.cut("一二三四", 3));
        assertNull(Notifier.cut(null, 3));
    }

    @Test
    void theTokenIsRefreshedFiveMinutesBeforeItExpires() {
        WeChatToken t = new WeChatToken();
        assertFalse(t.usable(NOW));
        t.accessToken = "T";
        assertFalse(t.usable(NOW));
        t.expiresAt = NOW.plus(Duration.ofMinutes(5));
        assertFalse(t.usable(NOW), "exactly the margin: refresh");
        t.expiresAt = NOW.plus(Duration.ofMinutes(5)).plusSeconds(1);
        assertTrue(t.usable(NOW));
    }

    @Test
    void townshipAndCountyCodesComeFromTheVillageCode() {
        assertEquals("532932101000", Recipients.township("532932101201"));
        assertEquals("532932000000", Recipients.county("532932101201"));
    }
}
