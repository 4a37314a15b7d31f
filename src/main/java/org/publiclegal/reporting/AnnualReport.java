package org.publiclegal.reporting;

import org.publiclegal.reporting.ReportingScope.RegionRef;
import org.publiclegal.reporting.closing.Adjustment;
import org.publiclegal.reporting.closing.ClosedFigures;
import org.publiclegal.shared.http.NotInETag;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 公共法律服务 section of a yearly 法治政府建设情况报告 for one region: every catalogue figure with the
 * previous year's value and the change, and the sentences in the reports' own style.
 *
 * @param paragraphs      the section's sentences; a sentence is printed when at least one of its figures is not zero
 * @param closed          whether the year is closed (关账): the figures and sentences are then the snapshot taken at
 *                        closing, never the live totals
 * @param closure         who closed the year and when (absent when open)
 * @param hasAdjustments  whether anything touching the closed year was recorded after it closed
 * @param adjustmentCount how many such 调整 there are; {@code adjustments} lists the first
 *                        {@link ClosedFigures#ADJUSTMENTS_SHOWN}, each with its effect on the figures
 * @param adjustmentsNextCursor where there are more: the cursor for the next page of
 *                        {@code GET /api/reports/closed-periods/adjustments}
 */
public record AnnualReport(RegionRef region, int year, @NotInETag Instant generatedAt, List<Figure> figures,
                           List<String> paragraphs, boolean closed, ClosedFigures.Closure closure,
                           boolean hasAdjustments, long adjustmentCount, List<Adjustment> adjustments,
                           String adjustmentsNextCursor) {

    /**
     * One figure. {@code change} is value − previous value (for a rate: percentage points); absent when either
     * is absent. {@code currentValue} is the figure recomputed now: the same as {@code value} unless the year is
     * closed and adjustments moved it. {@code printed} is {@code value} as the report prints it; {@code exact} is
     * the exact value beside it (fen for 万元, numerator and denominator for a rate), absent only for a closed
     * year whose snapshot was taken before exact values were kept.
     */
    public record Figure(String key, String label, String unit, BigDecimal value, BigDecimal previousValue,
                         BigDecimal change, String definition, BigDecimal currentValue, String printed, Exact exact) {

        static Figure of(Metric m, BigDecimal value, BigDecimal previous) {
            return of(m, value, previous, value, null);
        }

        static Figure of(Metric m, BigDecimal value, BigDecimal previous, BigDecimal current, Exact exact) {
            BigDecimal change = value == null || previous == null ? null : value.subtract(previous);
            return new Figure(m.key(), m.label(), m.unit(), value, previous, change, m.definition(), current,
                    MetricService.print(m, value), exact);
        }
    }

    static AnnualReport of(RegionRef region, int year, Instant at, Map<Metric, BigDecimal> current,
                           Map<Metric, BigDecimal> previous) {
        return of(region, year, at, current, previous, null);
    }

    /**
     * The report of a year from its live figures and, when the year is closed, its snapshot: the snapshot's value
     * is shown (a figure missing from it, e.g. added to the catalogue later, shows its live value).
     */
    static AnnualReport of(RegionRef region, int year, Instant at, Map<Metric, BigDecimal> live,
                           Map<Metric, BigDecimal> previous, ClosedFigures.Closed closed) {
        return of(region, year, at, live, Map.of(), previous, closed);
    }

    /** The report from the live exact values (each figure then carries its exact value beside the printed one). */
    static AnnualReport ofExact(RegionRef region, int year, Instant at, Map<Metric, Exact> live,
                                Map<Metric, BigDecimal> previous, ClosedFigures.Closed closed) {
        return of(region, year, at, MetricService.figures(live), live, previous, closed);
    }

    private static AnnualReport of(RegionRef region, int year, Instant at, Map<Metric, BigDecimal> live,
                                   Map<Metric, Exact> liveExact, Map<Metric, BigDecimal> previous,
                                   ClosedFigures.Closed closed) {
        Map<Metric, BigDecimal> shown = shown(live, closed);
        Map<Metric, Exact> exact = shownExact(liveExact, closed);
        List<Figure> figures = new ArrayList<>();
        for (Metric m : Metric.values()) {
            figures.add(Figure.of(m, shown.get(m), previous.get(m), live.get(m), exact.get(m)));
        }
        return new AnnualReport(region, year, at, figures, paragraphs(shown), closed != null,
                closed == null ? null : closed.closure(), closed != null && closed.hasAdjustments(),
                closed == null ? 0 : closed.adjustmentCount(), closed == null ? List.of() : closed.adjustments(),
                closed == null ? null : closed.adjustmentsNextCursor());
    }

    /** The values a period's reports show: the snapshot where the period is closed, else the live ones. */
    public static Map<Metric, BigDecimal> shown(Map<Metric, BigDecimal> live, ClosedFigures.Closed closed) {
        if (closed == null) {
            return live;
        }
        Map<Metric, BigDecimal> shown = new java.util.EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            shown.put(m, closed.snapshot().containsKey(m) ? closed.snapshot().get(m) : live.get(m));
        }
        return shown;
    }

    /**
     * The exact values beside {@link #shown}: the snapshot's where the period is closed (none for a figure whose
     * snapshot was taken before exact values were kept), else the live ones.
     */
    public static Map<Metric, Exact> shownExact(Map<Metric, Exact> live, ClosedFigures.Closed closed) {
        if (closed == null) {
            return live;
        }
        Map<Metric, Exact> shown = new java.util.EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            if (closed.exactSnapshot().containsKey(m)) {
                shown.put(m, closed.exactSnapshot().get(m));
            } else if (!closed.snapshot().containsKey(m) && live.containsKey(m)) {
                shown.put(m, live.get(m));
            }
        }
        return shown;
    }

    /** The sentences, e.g. 全年共受理法律援助案件1115件,法律援助咨询6084人次,避免和挽回经济损失1920.605万元。 */
    static List<String> paragraphs(Map<Metric, BigDecimal> v) {
        List<String> out = new ArrayList<>();
        List<String> legalAid = new ArrayList<>(List.of(clause("受理法律援助案件", Metric.LEGAL_AID_CASES, v)));
        if (nonZero(v, Metric.LEGAL_AID_DUTY_LAWYER_HELP)) {
            legalAid.add(clause("值班律师提供法律帮助", Metric.LEGAL_AID_DUTY_LAWYER_HELP, v));
        }
        legalAid.add(clause("法律援助咨询", Metric.LEGAL_AID_CONSULTATIONS, v));
        legalAid.add(clause("避免和挽回经济损失", Metric.LEGAL_AID_LOSSES_RECOVERED, v));
        sentence(out, v, "全年共", legalAid, Metric.LEGAL_AID_CASES, Metric.LEGAL_AID_DUTY_LAWYER_HELP,
                Metric.LEGAL_AID_CONSULTATIONS, Metric.LEGAL_AID_LOSSES_RECOVERED);
        List<String> mediation = new ArrayList<>(List.of(
                clause("开展矛盾纠纷排查", Metric.MEDIATION_SCREENINGS, v),
                clause("调解矛盾纠纷", Metric.MEDIATION_CONCLUDED, v),
                clause("调解成功", Metric.MEDIATION_SUCCEEDED, v)));
        if (v.get(Metric.MEDIATION_SUCCESS_RATE) != null) {
            mediation.add("调解成功率为" + MetricService.printRate(v.get(Metric.MEDIATION_SUCCESS_RATE)) + "%");
        }
        sentence(out, v, "全年共", mediation,
                Metric.MEDIATION_SCREENINGS, Metric.MEDIATION_CONCLUDED, Metric.MEDIATION_SUCCEEDED);
        // as the counties print it (诉前委派调解服务中心累计接受委派调解案件518件,司法确认384件); 委托调解 (after filing)
        // is named on its own, only where there was any
        List<String> court = new ArrayList<>(List.of(clause("接受诉前委派调解案件", Metric.MEDIATION_COURT_REFERRALS, v)));
        if (nonZero(v, Metric.MEDIATION_COURT_ENTRUSTMENTS)) {
            court.add(clause("委托调解案件", Metric.MEDIATION_COURT_ENTRUSTMENTS, v));
        }
        court.add(clause("司法确认", Metric.MEDIATION_JUDICIAL_CONFIRMATIONS, v));
        sentence(out, v, "全年共", court, Metric.MEDIATION_COURT_REFERRALS, Metric.MEDIATION_COURT_ENTRUSTMENTS,
                Metric.MEDIATION_JUDICIAL_CONFIRMATIONS);
        sentence(out, v, "目前共建立各级", List.of(
                clause("人民调解委员会", Metric.MEDIATION_COMMITTEES, v),
                "配备" + clause("人民调解员", Metric.MEDIATION_MEDIATORS, v)),
                Metric.MEDIATION_COMMITTEES, Metric.MEDIATION_MEDIATORS);
        if (nonZero(v, Metric.ADVISORY_SIGNING_RATE)) {
            out.add("村(社区)法律顾问签约率达到" + MetricService.printRate(v.get(Metric.ADVISORY_SIGNING_RATE)) + "%。");
        }
        sentence(out, v, "年内共", List.of(clause("提供法律事项审查和建议", Metric.ADVISORY_LEGAL_REVIEWS, v)),
                Metric.ADVISORY_LEGAL_REVIEWS);
        sentence(out, v, "全年共", List.of(
                clause("开展法治讲座", Metric.EDUCATION_LECTURES, v),
                "合计参与" + MetricService.print(v.get(Metric.EDUCATION_PARTICIPANTS)) + "人次",
                clause("拍摄普法宣传短视频", Metric.EDUCATION_VIDEOS, v)),
                Metric.EDUCATION_LECTURES, Metric.EDUCATION_PARTICIPANTS, Metric.EDUCATION_VIDEOS);
        List<String> viewing = new ArrayList<>(List.of(
                clause("普法视频播放", Metric.EDUCATION_VIDEO_PLAYS, v),
                "观看" + MetricService.print(v.get(Metric.EDUCATION_VIDEO_VIEWERS)) + Metric.EDUCATION_VIDEO_VIEWERS.unit()));
        if (v.get(Metric.EDUCATION_VIDEO_COMPLETION_RATE) != null) {
            viewing.add("完播率" + MetricService.printRate(v.get(Metric.EDUCATION_VIDEO_COMPLETION_RATE)) + "%");
        }
        sentence(out, v, "全年", viewing, Metric.EDUCATION_VIDEO_PLAYS);
        return out;
    }

    private static String clause(String text, Metric m, Map<Metric, BigDecimal> v) {
        return text + MetricService.print(m, v.get(m)) + m.unit();
    }

    private static void sentence(List<String> out, Map<Metric, BigDecimal> v, String opening, List<String> clauses,
                                 Metric... figures) {
        for (Metric m : figures) {
            if (nonZero(v, m)) {
                out.add(opening + String.join(",", clauses) + "。");
                return;
            }
        }
    }

    private static boolean nonZero(Map<Metric, BigDecimal> v, Metric m) {
        BigDecimal value = v.get(m);
        return value != null && value.signum() != 0;
    }
}
