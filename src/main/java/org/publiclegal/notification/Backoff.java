package org.publiclegal.notification;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a message again: the base delay doubled per attempt, capped, at least the rate-limit pause after
 * WeChat's rate limit; none (a dead letter) once the attempt limit is reached or the error is permanent.
 */
public record Backoff(int maxAttempts, Duration base, Duration cap, Duration rateLimitPause) {

    /** The next attempt's time after {@code attempts} attempts ended with {@code outcome}; null = give up. */
    public Instant next(int attempts, WeChatErrors.Outcome outcome, Instant now) {
        if (outcome == WeChatErrors.Outcome.PERMANENT || attempts >= maxAttempts) {
            return null;
        }
        Duration delay = delay(attempts);
        if (outcome == WeChatErrors.Outcome.RATE_LIMITED && delay.compareTo(rateLimitPause) < 0) {
            delay = rateLimitPause;
        }
        return now.plus(delay);
    }

    /** base × 2^(attempts−1), never above the cap. */
    Duration delay(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration d = base.multipliedBy(1L << doublings);
        return d.compareTo(cap) > 0 ? cap : d;
    }
}
