package org.publiclegal.reporting.closing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
