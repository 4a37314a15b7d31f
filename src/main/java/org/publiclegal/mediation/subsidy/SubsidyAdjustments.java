package org.publiclegal.mediation.subsidy;

import org.publiclegal.mediation.subsidy.SubsidyStatement.Adjustment;
import org.publiclegal.mediation.subsidy.SubsidyStatement.IneligibilityReason;
import org.publiclegal.mediation.subsidy.SubsidyStatement.MediatorStatement;
import org.publiclegal.mediation.subsidy.SubsidyStatement.MonthlyStatement;
import org.publiclegal.mediation.subsidy.SubsidyStatement.Share;
import org.publiclegal.mediation.subsidy.SubsidyStatement.StatementLine;
import org.publiclegal.shared.domain.Money;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 调整: what changed in issued months since they were issued. For every case and mediator of an issued month,
 * what has been paid (the issued statement's share plus the adjustments already carried by later issued
 * statements) is compared with what is due now (the month recomputed today); each difference is an adjustment,
 * positive to pay, negative to recover. Issued months more than {@link #MONTHS_BACK} months before the statement
 * are not looked at again (a county's 以案奖补 measures settle within the year).
 */
public final class SubsidyAdjustments {

    /** How many months before a statement its adjustments look back. */
    public static final int MONTHS_BACK = 12;

    private SubsidyAdjustments() {
    }

    private record Key(String caseMonth, UUID disputeId, UUID mediatorId) {
    }

    /**
     * The adjustments for a statement, given the issued statements of the months before it (within the window)
     * and those same months as they compute today, keyed by month ({@code YYYY-MM}).
     */
    public static List<Adjustment> due(List<MonthlyStatement> issued, Map<String, MonthlyStatement> now) {
        Map<Key, Long> paid = new HashMap<>();
        Map<UUID, String> references = new HashMap<>();
        Map<UUID, String> names = new HashMap<>();
        for (MonthlyStatement s : issued) {
            collect(s, paid, references, names);
            for (Adjustment a : s.adjustments()) {
                references.putIfAbsent(a.disputeId(), a.reference());
                names.putIfAbsent(a.mediatorId(), a.mediatorName());
                paid.merge(new Key(a.caseMonth(), a.disputeId(), a.mediatorId()), Money.toFen(a.amount()), Long::sum);
            }
        }
        Map<Key, Long> owed = new HashMap<>();
        Map<Key, StatementLine> lines = new HashMap<>();
        for (MonthlyStatement s : now.values()) {
            collect(s, owed, references, names);
            for (StatementLine line : s.cases()) {
                lines.put(new Key(s.month(), line.disputeId(), null), line);
            }
        }
        Set<Key> keys = new TreeSet<>(Comparator.comparing(Key::caseMonth)
                .thenComparing(k -> references.getOrDefault(k.disputeId(), ""))
                .thenComparing(k -> k.disputeId().toString()).thenComparing(k -> k.mediatorId().toString()));
        keys.addAll(owed.keySet());
        paid.keySet().stream().filter(k -> now.containsKey(k.caseMonth())).forEach(keys::add);
        return keys.stream().map(k -> {
            long before = paid.getOrDefault(k, 0L);
            long after = owed.getOrDefault(k, 0L);
            if (before == after) {
                return null;
            }
            return new Adjustment(k.caseMonth(), k.disputeId(), references.get(k.disputeId()),
                    "/api/mediation/disputes/" + k.disputeId(), k.mediatorId(), names.get(k.mediatorId()),
                    Money.toYuan(before), Money.toYuan(after), Money.toYuan(after - before),
                    reason(lines.get(new Key(k.caseMonth(), k.disputeId(), null)), k.mediatorId(), before));
        }).filter(a -> a != null).toList();
    }

    private static void collect(MonthlyStatement s, Map<Key, Long> fen, Map<UUID, String> references,
                                Map<UUID, String> names) {
        for (MediatorStatement m : s.mediators()) {
            names.putIfAbsent(m.mediatorId(), m.name());
        }
        for (StatementLine line : s.cases()) {
            references.putIfAbsent(line.disputeId(), line.reference());
            for (Share share : line.shares()) {
                fen.merge(new Key(s.month(), line.disputeId(), share.mediatorId()), Money.toFen(share.amount()),
                        Long::sum);
            }
        }
    }

    /**
     * Why a mediator's amount for a case changed, from the case as it stands now ({@code null}: no longer a
     * success of that month).
     */
    static String reason(StatementLine now, UUID mediatorId, long paidFen) {
        if (now == null) {
            return "签发后该案已不是当月调解成功的案件，收回已发奖补";
        }
        if (!now.mediatorIds().contains(mediatorId)) {
            return "签发后该调解员已不在本案调解员之列，收回其分摊";
        }
        if (!now.qualifies()) {
            return "签发后不再符合奖补条件：" + now.reasons().stream().map(IneligibilityReason::message)
                    .collect(Collectors.joining("；"));
        }
        if (paidFen == 0) {
            return "签发后符合奖补条件（回访、档次或协议已登记），补发";
        }
        return "签发后奖补标准或调解员分摊变化，按差额调整";
    }
}
