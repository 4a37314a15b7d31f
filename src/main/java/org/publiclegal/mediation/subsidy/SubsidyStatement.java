package org.publiclegal.mediation.subsidy;

import org.publiclegal.shared.domain.Money;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.TimeSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 以案奖补月度结算: a committee's disputes that became SUCCEEDED in a month (China time), each with the rule
 * that applies and the amount, or the reasons it does not qualify, listed under every mediator assigned to it.
 * <p>
 * A case qualifies when it has a tier, a rule of that tier is in force on its conclusion date for its region
 * (the deepest region wins), the rule's conditions hold (an effective written agreement; the agreement found
 * performed at the follow-up), and at least one mediator was assigned (the subsidy is paid to mediators).
 * <p>
 * <b>Totals:</b> a case with several mediators counts <em>once</em> in the committee's total and is divided
 * among them by its rule ({@link SubsidySplit}: equal shares to the fen unless the rule names a lead share), so
 * the mediators' totals add up exactly to the committee's. Each line carries the {@code shares}.
 * <p>
 * <b>签发:</b> once the 司法所 issues a month it is frozen ({@code issue} set); later changes to an issued month
 * are paid as {@link Adjustment}s on a later statement ({@link SubsidyAdjustments}).
 * Amounts are yuan with two decimals.
 */
public final class SubsidyStatement {

    private SubsidyStatement() {
    }

    /** A successful dispute of the month as loaded. */
    public record CaseRow(UUID disputeId, String reference, String regionCode, Instant concludedAt, SubsidyTier tier,
                          Boolean performed, boolean writtenAgreement) {
    }

    /** Why a case does not qualify: a stable {@code code} and a Chinese message. */
    public record IneligibilityReason(String code, String message) {
        static final IneligibilityReason NO_TIER = new IneligibilityReason("NO_TIER", "未评定案件难易档次");
        static final IneligibilityReason NO_RULE = new IneligibilityReason("NO_RULE",
                "本案所在地区没有该档次、在结案日有效的奖补标准");
        static final IneligibilityReason NO_WRITTEN_AGREEMENT = new IneligibilityReason("NO_WRITTEN_AGREEMENT",
                "奖补标准要求书面调解协议，本案没有生效的书面协议");
        static final IneligibilityReason PERFORMANCE_NOT_RECORDED = new IneligibilityReason("PERFORMANCE_NOT_RECORDED",
                "奖补标准要求协议已履行，本案尚未登记回访履行情况");
        static final IneligibilityReason NOT_PERFORMED = new IneligibilityReason("NOT_PERFORMED",
                "奖补标准要求协议已履行，回访登记为未履行");
        static final IneligibilityReason NO_MEDIATOR = new IneligibilityReason("NO_MEDIATOR",
                "本案未指派调解员，补贴无人领取");
    }

    /** The rule applied to a case; {@code amount} in yuan per case. */
    public record AppliedRule(UUID id, String regionCode, SubsidyTier tier, BigDecimal amount,
                              boolean needsWrittenAgreement, boolean needsPerformance, LocalDate effectiveFrom,
                              LocalDate effectiveTo, Integer leadSharePercent) {
        static AppliedRule of(SubsidyRule r) {
            return new AppliedRule(r.id, r.regionCode, r.tier, Money.toYuan(r.amountFen), r.needsWrittenAgreement,
                    r.needsPerformance, r.effectiveFrom, r.effectiveTo, r.leadSharePercent);
        }
    }

    /**
     * One case of the statement. {@code amount} is what it earns (0.00 when it does not qualify; {@code rule}
     * still shows what would apply, when one matched). {@code performed} is absent until the follow-up is recorded.
     */
    public record StatementLine(UUID disputeId, String reference, String regionCode, LocalDate concludedOn,
                                SubsidyTier tier, Boolean performed, boolean writtenAgreement, List<UUID> mediatorIds,
                                boolean qualifies, AppliedRule rule, BigDecimal amount,
                                List<IneligibilityReason> reasons, List<Share> shares) {

        /** This mediator's share of the line in fen; 0 when not among its mediators. */
        long shareOf(UUID mediatorId) {
            return shares.stream().filter(sh -> sh.mediatorId().equals(mediatorId))
                    .mapToLong(sh -> Money.toFen(sh.amount())).sum();
        }
    }

    /** 分摊: a mediator's part of a line, in yuan (0.00 when the case does not qualify). */
    public record Share(UUID mediatorId, BigDecimal amount) {
    }

    /**
     * 调整: a change to an issued month, paid on this statement: what had been paid for the case to the mediator,
     * what is due now, the difference ({@code amount}, negative to recover), why, and a link to the case.
     */
    public record Adjustment(String caseMonth, UUID disputeId, String reference, String href, UUID mediatorId,
                             String mediatorName, BigDecimal paid, BigDecimal due, BigDecimal amount, String reason) {
    }

    /** Who issued (签发) the statement and when. */
    public record Issue(UUID id, UUID issuedBy, Instant issuedAt) {
    }

    /** A mediator's cases of the month and the total of the mediator's shares of them. */
    public record MediatorStatement(UUID mediatorId, String name, List<StatementLine> lines, int qualifyingCases,
                                    BigDecimal amount) {
    }

    /**
     * The statement: {@code cases} lists every successful case of the month once; {@code qualifyingCases} and
     * {@code totalAmount} count each case once, whatever the number of its mediators. {@code from} and
     * {@code to} are the first and last day of the month. {@code adjustments} pay changes to earlier issued
     * months; {@code payableAmount} is the total plus the adjustments. {@code issue} is null until 签发.
     */
    public record MonthlyStatement(UUID committeeId, String committeeName, String month, LocalDate from, LocalDate to,
                                   List<MediatorStatement> mediators, List<StatementLine> cases, int succeededCases,
                                   int qualifyingCases, BigDecimal totalAmount, List<Adjustment> adjustments,
                                   BigDecimal adjustmentAmount, BigDecimal payableAmount, Issue issue) {

        /** The same statement with these adjustments and the payable amount that follows. */
        public MonthlyStatement withAdjustments(List<Adjustment> adjusted) {
            long fen = adjusted.stream().mapToLong(a -> Money.toFen(a.amount())).sum();
            return new MonthlyStatement(committeeId, committeeName, month, from, to, mediators, cases, succeededCases,
                    qualifyingCases, totalAmount, List.copyOf(adjusted), Money.toYuan(fen),
                    Money.toYuan(Money.toFen(totalAmount) + fen), issue);
        }

        /** The same statement, issued. */
        public MonthlyStatement issued(Issue by) {
            return new MonthlyStatement(committeeId, committeeName, month, from, to, mediators, cases, succeededCases,
                    qualifyingCases, totalAmount, adjustments, adjustmentAmount, payableAmount, by);
        }
    }

    /** First instant of the month in China time. */
    public static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(TimeSource.CHINA).toInstant();
    }

    /** Builds the statement from the month's cases, their mediators, the candidate rules and the mediators' names. */
    public static MonthlyStatement compute(UUID committeeId, String committeeName, YearMonth month,
                                           List<CaseRow> rows, Map<UUID, List<UUID>> mediatorsByCase,
                                           List<SubsidyRule> rules, Map<UUID, String> names) {
        List<StatementLine> lines = new ArrayList<>();
        long totalFen = 0;
        int qualifying = 0;
        for (CaseRow row : rows) {
            List<UUID> mediators = mediatorsByCase.getOrDefault(row.disputeId(), List.of());
            StatementLine line = line(row, mediators, rules);
            lines.add(line);
            if (line.qualifies()) {
                qualifying++;
                totalFen += Money.toFen(line.amount());
            }
        }
        Map<UUID, List<StatementLine>> byMediator = new LinkedHashMap<>();
        for (StatementLine line : lines) {
            for (UUID m : line.mediatorIds()) {
                byMediator.computeIfAbsent(m, k -> new ArrayList<>()).add(line);
            }
        }
        List<MediatorStatement> mediators = byMediator.entrySet().stream().map(e -> {
                    List<StatementLine> own = e.getValue();
                    long fen = own.stream().mapToLong(l -> l.shareOf(e.getKey())).sum();
                    int count = (int) own.stream().filter(StatementLine::qualifies).count();
                    return new MediatorStatement(e.getKey(), names.get(e.getKey()), own, count, Money.toYuan(fen));
                })
                .sorted(Comparator.comparing((MediatorStatement m) -> m.name() == null ? "" : m.name())
                        .thenComparing(m -> m.mediatorId().toString()))
                .toList();
        return new MonthlyStatement(committeeId, committeeName, month.toString(), month.atDay(1), month.atEndOfMonth(),
                mediators, lines, rows.size(), qualifying, Money.toYuan(totalFen), List.of(), Money.toYuan(0L),
                Money.toYuan(totalFen), null);
    }

    static StatementLine line(CaseRow row, List<UUID> mediators, List<SubsidyRule> rules) {
        LocalDate concludedOn = LocalDate.ofInstant(row.concludedAt(), TimeSource.CHINA);
        List<IneligibilityReason> reasons = new ArrayList<>();
        SubsidyRule rule = null;
        if (row.tier() == null) {
            reasons.add(IneligibilityReason.NO_TIER);
        } else {
            rule = applicable(rules, row.regionCode(), row.tier(), concludedOn);
            if (rule == null) {
                reasons.add(IneligibilityReason.NO_RULE);
            } else {
                if (rule.needsWrittenAgreement && !row.writtenAgreement()) {
                    reasons.add(IneligibilityReason.NO_WRITTEN_AGREEMENT);
                }
                if (rule.needsPerformance && row.performed() == null) {
                    reasons.add(IneligibilityReason.PERFORMANCE_NOT_RECORDED);
                } else if (rule.needsPerformance && !row.performed()) {
                    reasons.add(IneligibilityReason.NOT_PERFORMED);
                }
            }
        }
        if (mediators.isEmpty()) {
            reasons.add(IneligibilityReason.NO_MEDIATOR);
        }
        boolean qualifies = reasons.isEmpty();
        List<Share> shares = new ArrayList<>();
        List<Long> fen = qualifies ? rule.shares(mediators.size()) : null;
        for (int i = 0; i < mediators.size(); i++) {
            shares.add(new Share(mediators.get(i), Money.toYuan(qualifies ? fen.get(i) : 0L)));
        }
        return new StatementLine(row.disputeId(), row.reference(), row.regionCode(), concludedOn, row.tier(),
                row.performed(), row.writtenAgreement(), List.copyOf(mediators), qualifies,
                rule == null ? null : AppliedRule.of(rule), qualifies ? Money.toYuan(rule.amountFen) : Money.toYuan(0L),
                List.copyOf(reasons), List.copyOf(shares));
    }

    /** The rule of {@code tier} in force on {@code day} for the deepest region enclosing {@code regionCode}, or null. */
    static SubsidyRule applicable(List<SubsidyRule> rules, String regionCode, SubsidyTier tier, LocalDate day) {
        return rules.stream()
                .filter(r -> r.tier == tier && r.inForceOn(day) && RegionCodes.within(regionCode, r.regionCode))
                .max(Comparator.comparingInt(r -> RegionCodes.levelOf(r.regionCode).digits()))
                .orElse(null);
    }
}
