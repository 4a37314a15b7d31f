package org.publiclegal.reporting.closing;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.publiclegal.reporting.Period;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.IllegalTransition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * 关账: a county's year or month closed by its 司法局. While {@link Status#CLOSED} the period's reports show the
 * snapshot taken at closing plus the 调整 recorded since; a system administrator may reopen it with a reason
 * ({@link Status#REOPENED}, final: closing again makes a new closure with a new snapshot).
 */
@Entity
@Table(name = "reporting_closed_period")
public class ClosedPeriod {

    /** 已关账 → 已重新开放. */
    public enum Status { CLOSED, REOPENED }

    @Id
    public UUID id;
    /** The county (县级) closed. */
    public String regionCode;
    public LocalDate periodFrom;
    public LocalDate periodTo;
    @Enumerated(EnumType.STRING)
    public Status status;
    public UUID closedBy;
    public Instant closedAt;
    public UUID reopenedBy;
    public Instant reopenedAt;
    public String reopenReason;
    @Version
    public long version;

    /** The periods a county may close: a calendar year or a calendar month, over (ended before {@code today}). */
    public static Period closable(int year, Integer month, LocalDate today) {
        Period period = month == null ? Period.year(year)
                : new Period(YearMonth.of(year, month).atDay(1), YearMonth.of(year, month).atEndOfMonth());
        if (!period.to().isBefore(today)) {
            throw DomainException.invalidField(month == null ? "year" : "month",
                    "只能关账已经结束的期间（" + period.from() + " 至 " + period.to() + " 尚未结束）");
        }
        return period;
    }

    public static ClosedPeriod close(String county, Period period, UUID by, Instant at) {
        ClosedPeriod c = new ClosedPeriod();
        c.id = UUID.randomUUID();
        c.regionCode = county;
        c.periodFrom = period.from();
        c.periodTo = period.to();
        c.status = Status.CLOSED;
        c.closedBy = by;
        c.closedAt = at;
        return c;
    }

    /** 重新开放: only a closed period, with the reason kept. */
    public void reopen(UUID by, String reason, Instant at) {
        if (status != Status.CLOSED) {
            throw new IllegalTransition("关账记录", status, "重新开放", List.of());
        }
        status = Status.REOPENED;
        reopenedBy = by;
        reopenedAt = at;
        reopenReason = reason;
    }

    public Period period() {
        return new Period(periodFrom, periodTo);
    }
}
