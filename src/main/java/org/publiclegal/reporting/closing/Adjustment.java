package org.publiclegal.reporting.closing;

import org.publiclegal.reporting.Metric;
import org.publiclegal.reporting.MetricService;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 调整: one ledger event dated inside a closed period but recorded after it closed — a correction (a negative
 * twin of an event the snapshot counted) or a late or back-dated record — with its effect on each figure.
 *
 * @param nature  {@code CORRECTION} (更正) or {@code LATE_RECORD} (补录)
 * @param href    where the record behind it can be read, where the API has such a path
 * @param reason  the 补录原因 the client gave for a record dated inside the closed period (null for corrections)
 * @param effects the figures it moves; a rate's change is null (the rate is recomputed from its counts)
 */
public record Adjustment(long eventId, String nature, String kind, Instant occurredAt, Instant recordedAt,
                         String regionCode, int quantity, Long amountFen, Long correctsId, String sourceType,
                         UUID sourceId, String href, String reason, List<Effect> effects) {

    public static final String CORRECTION = "CORRECTION";
    public static final String LATE_RECORD = "LATE_RECORD";

    /** How an adjustment moves one figure: {@code change} in the figure's unit (件, 人次, 万元 …). */
    public record Effect(String key, String label, String unit, BigDecimal change) {
    }

    /** 更正 when the event cancels another, otherwise 补录. */
    public static String nature(Long correctsId) {
        return correctsId == null ? LATE_RECORD : CORRECTION;
    }

    /**
     * The figures an event of {@code kind} moves: a count by its quantity, an amount by its fen in 万元, a rate
     * or coverage (whose value is recomputed from counts) with no change of its own.
     */
    public static List<Effect> effects(String kind, int quantity, Long amountFen) {
        List<Effect> effects = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (!m.kinds().contains(kind)) {
                continue;
            }
            BigDecimal change = switch (m.type()) {
                case COUNT -> BigDecimal.valueOf(quantity);
                case AMOUNT -> MetricService.wanYuan(amountFen == null ? 0 : amountFen);
                default -> null;
            };
            effects.add(new Effect(m.key(), m.label(), m.unit(), change));
        }
        return effects;
    }
}
