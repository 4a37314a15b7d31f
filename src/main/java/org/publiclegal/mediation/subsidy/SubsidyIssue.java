package org.publiclegal.mediation.subsidy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * 签发的以案奖补月度结算: a committee's month as the 司法所 issued it, frozen. {@code statement} is the whole
 * statement as it was returned at issue (JSON); the totals are kept beside it for queries. Never updated: a
 * change to the month is paid as an adjustment on a later statement.
 */
@Entity
@Table(name = "med_subsidy_issue")
public class SubsidyIssue {

    @Id
    public UUID id;
    public UUID committeeId;
    /** First day of the month. */
    public LocalDate month;
    public UUID issuedBy;
    public Instant issuedAt;
    public long totalFen;
    public long adjustmentFen;
    public String statement;

    public static SubsidyIssue of(UUID id, UUID committeeId, YearMonth month, UUID by, Instant at, long totalFen,
                                  long adjustmentFen, String statement) {
        SubsidyIssue i = new SubsidyIssue();
        i.id = id;
        i.committeeId = committeeId;
        i.month = month.atDay(1);
        i.issuedBy = by;
        i.issuedAt = at;
        i.totalFen = totalFen;
        i.adjustmentFen = adjustmentFen;
        i.statement = statement;
        return i;
    }
}
