package org.publiclegal.reporting.closing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.publiclegal.reporting.Exact;
import org.publiclegal.reporting.Metric;

import java.math.BigDecimal;
import java.util.UUID;

/** One catalogue figure of one region (the county or one of its townships) as it stood when the period closed. */
@Entity
@Table(name = "reporting_snapshot_figure")
public class SnapshotFigure {

    @Id
    public UUID id;
    public UUID closureId;
    public String regionCode;
    public String metricKey;
    /** Null where the figure had no value (a rate with nothing to divide by). */
    public BigDecimal value;
    /** The exact value (count, fen, or a rate's numerator); null in snapshots taken before V28. */
    public Long exactValue;
    /** A rate's denominator. */
    public Long exactOf;

    static SnapshotFigure of(UUID closureId, Metric metric, String regionCode, Exact exact) {
        SnapshotFigure f = of(closureId, regionCode, metric.key(), exact.figure(metric));
        f.exactValue = exact.value();
        f.exactOf = exact.of();
        return f;
    }

    /** The exact value stored with the figure, or null for a snapshot taken before exact values were kept. */
    Exact exact(Metric metric) {
        if (exactValue == null) {
            return null;
        }
        return switch (metric.type()) {
            case AMOUNT -> Exact.amountFen(exactValue);
            case RATE, RATIO, COVERAGE -> Exact.rate(exactValue, exactOf == null ? 0 : exactOf);
            case COUNT, ORGANISATIONS, STAFF, VILLAGES, DEVICES -> Exact.count(metric, exactValue);
        };
    }

    static SnapshotFigure of(UUID closureId, String regionCode, String metricKey, BigDecimal value) {
        SnapshotFigure f = new SnapshotFigure();
        f.id = UUID.randomUUID();
        f.closureId = closureId;
        f.regionCode = regionCode;
        f.metricKey = metricKey;
        f.value = value;
        return f;
    }
}
