package org.publiclegal.onboarding;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The rules of an imported 调委会成员 row that need no database, unit-tested on their own: a span {@code [from, until)}
 * ({@code until}: the first day no longer a member, null while serving) must end after it starts, and may share no
 * day with another membership of the same mediator (registered or on an earlier row): a mediator serves one
 * committee at a time, as {@code CommitteeMembership} rules by hand. A still-serving row for the committee whose
 * open membership starts later (the one made when the account was set up) extends that membership back instead
 * ({@link #extendable}), as {@code MembershipService.addSpan} does.
 */
public final class MembershipSpans {

    /** A membership of committee {@code committeeId} on the days {@code [from, until)}. */
    public record Span(UUID committeeId, LocalDate from, LocalDate until) {

        /** Whether it shares a day with {@code [from, until)}; an empty span shares none. */
        public boolean overlaps(LocalDate otherFrom, LocalDate otherUntil) {
            if (otherFrom.equals(otherUntil) || from.equals(until)) {
                return false;
            }
            return (otherUntil == null || from.isBefore(otherUntil)) && (until == null || otherFrom.isBefore(until));
        }
    }

    private MembershipSpans() {
    }

    /** Why the span is refused on its own, or null. */
    public static String spanError(LocalDate from, LocalDate until) {
        return until != null && !until.isAfter(from) ? "退出日期须晚于加入日期 " + from : null;
    }

    /** The first of {@code spans} sharing a day with {@code [from, until)}, or null. */
    public static Span overlapping(List<Span> spans, LocalDate from, LocalDate until) {
        return spans.stream().filter(s -> s.overlaps(from, until)).findFirst().orElse(null);
    }

    /**
     * The open membership of {@code committeeId} starting after {@code from} that a still-serving span
     * {@code [from, ∞)} extends back, or null (a span with an end never extends one).
     */
    public static Span extendable(List<Span> spans, UUID committeeId, LocalDate from, LocalDate until) {
        if (until != null) {
            return null;
        }
        return spans.stream().filter(s -> s.committeeId().equals(committeeId) && s.until() == null
                && s.from().isAfter(from)).findFirst().orElse(null);
    }

    /** The message for a row overlapping {@code clash}. */
    public static String overlapMessage(Span clash) {
        return "该调解员 " + clash.from() + " 起" + (clash.until() == null ? "" : "至 " + clash.until().minusDays(1))
                + "已是调委会成员，与本行的期间重叠";
    }
}
