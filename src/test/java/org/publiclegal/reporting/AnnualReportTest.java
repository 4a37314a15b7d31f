package org.publiclegal.reporting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each sentence of the report appears exactly when one of its figures is not zero, in the reports' order. */
class AnnualReportTest {

    /** Every figure 0, the rates absent (nothing to divide by), as in a county with no activity. */
    private static Map<Metric, BigDecimal> quietYear() {
        Map<Metric, BigDecimal> v = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            v.put(m, m.type() == Metric.Type.RATE || m.type() == Metric.Type.COVERAGE ? null : BigDecimal.ZERO);
        }
        return v;
    }

    static Stream<Arguments> eachFigureAlone() {
        return Stream.of(
                Arguments.of(Metric.LEGAL_AID_CASES, List.of("全年共受理法律援助案件7件,法律援助咨询0人次,避免和挽回经济损失0万元。")),
                Arguments.of(Metric.LEGAL_AID_CONSULTATIONS, List.of("全年共受理法律援助案件0件,法律援助咨询7人次,避免和挽回经济损失0万元。")),
                Arguments.of(Metric.LEGAL_AID_LOSSES_RECOVERED, List.of("全年共受理法律援助案件0件,法律援助咨询0人次,避免和挽回经济损失7万元。")),
                Arguments.of(Metric.MEDIATION_SCREENINGS, List.of("全年共开展矛盾纠纷排查7次,调解矛盾纠纷0件,调解成功0件。")),
                Arguments.of(Metric.MEDIATION_CONCLUDED, List.of("全年共开展矛盾纠纷排查0次,调解矛盾纠纷7件,调解成功0件。")),
                Arguments.of(Metric.MEDIATION_SUCCEEDED, List.of("全年共开展矛盾纠纷排查0次,调解矛盾纠纷0件,调解成功7件。")),
                Arguments.of(Metric.MEDIATION_COURT_REFERRALS, List.of("全年共接受诉前委派调解案件7件,司法确认0件。")),
                Arguments.of(Metric.MEDIATION_JUDICIAL_CONFIRMATIONS, List.of("全年共接受诉前委派调解案件0件,司法确认7件。")),
                // issue 12: 值班律师法律帮助 and 委托调解 are their own figures, named only where there are any
                Arguments.of(Metric.LEGAL_AID_DUTY_LAWYER_HELP, List.of("全年共受理法律援助案件0件,值班律师提供法律帮助7人次,法律援助咨询0人次,避免和挽回经济损失0万元。")),
                Arguments.of(Metric.MEDIATION_COURT_ENTRUSTMENTS, List.of("全年共接受诉前委派调解案件0件,委托调解案件7件,司法确认0件。")),
                Arguments.of(Metric.MEDIATION_COMMITTEES, List.of("目前共建立各级人民调解委员会7个,配备人民调解员0名。")),
                Arguments.of(Metric.MEDIATION_MEDIATORS, List.of("目前共建立各级人民调解委员会0个,配备人民调解员7名。")),
                Arguments.of(Metric.ADVISORY_SIGNING_RATE, List.of("村(社区)法律顾问签约率达到7.0%。")),
                Arguments.of(Metric.ADVISORY_LEGAL_REVIEWS, List.of("年内共提供法律事项审查和建议7条。")),
                Arguments.of(Metric.EDUCATION_LECTURES, List.of("全年共开展法治讲座7场,合计参与0人次,拍摄普法宣传短视频0期。")),
                Arguments.of(Metric.EDUCATION_PARTICIPANTS, List.of("全年共开展法治讲座0场,合计参与7人次,拍摄普法宣传短视频0期。")),
                Arguments.of(Metric.EDUCATION_VIDEOS, List.of("全年共开展法治讲座0场,合计参与0人次,拍摄普法宣传短视频7期。")),
                // figures the report does not print on their own
                Arguments.of(Metric.MEDIATION_SUCCESS_RATE, List.of()),
                Arguments.of(Metric.LEGAL_AID_APPLICATIONS, List.of()),
                Arguments.of(Metric.LEGAL_AID_REFUSALS, List.of()),
                Arguments.of(Metric.MEDIATION_RECEIVED, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eachFigureAlone")
    void aFigureThatIsNotZeroPrintsItsSentenceWithTheOthersAsZero(Metric metric, List<String> expected) {
        Map<Metric, BigDecimal> v = quietYear();
        v.put(metric, BigDecimal.valueOf(7));
        assertEquals(expected, AnnualReport.paragraphs(v));
    }

    @Test
    void aYearWithoutActivityPrintsNothing() {
        assertEquals(List.of(), AnnualReport.paragraphs(quietYear()));
    }

    @Test
    void aSigningRateOfZeroIsNotPrinted() {
        Map<Metric, BigDecimal> v = quietYear();
        v.put(Metric.ADVISORY_SIGNING_RATE, new BigDecimal("0.0"));
        assertEquals(List.of(), AnnualReport.paragraphs(v));
    }

    @Test
    void theSuccessRateJoinsTheMediationSentenceWhenItHasAValue() {
        Map<Metric, BigDecimal> v = quietYear();
        v.put(Metric.MEDIATION_CONCLUDED, BigDecimal.valueOf(3));
        v.put(Metric.MEDIATION_SUCCEEDED, BigDecimal.valueOf(2));
        v.put(Metric.MEDIATION_SUCCESS_RATE, MetricService.rate(2, 3));
        assertEquals(List.of("全年共开展矛盾纠纷排查0次,调解矛盾纠纷3件,调解成功2件,调解成功率为66.7%。"), AnnualReport.paragraphs(v));
    }

    @Test
    void theSentencesFollowTheReportsOrder() {
        Map<Metric, BigDecimal> v = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            v.put(m, BigDecimal.ONE);
        }
        // issue 12: 值班律师提供法律帮助 and 委托调解 are their own figures, named after 受理法律援助案件 and 诉前委派调解
        assertEquals(List.of(
                "全年共受理法律援助案件1件,值班律师提供法律帮助1人次,法律援助咨询1人次,避免和挽回经济损失1万元。",
                "全年共开展矛盾纠纷排查1次,调解矛盾纠纷1件,调解成功1件,调解成功率为1.0%。",
                "全年共接受诉前委派调解案件1件,委托调解案件1件,司法确认1件。",
                "目前共建立各级人民调解委员会1个,配备人民调解员1名。",
                "村(社区)法律顾问签约率达到1.0%。",
                "年内共提供法律事项审查和建议1条。",
                "全年共开展法治讲座1场,合计参与1人次,拍摄普法宣传短视频1期。",
                "全年普法视频播放1人次,观看1人,完播率1.0%。"), AnnualReport.paragraphs(v));
    }

    @Test
    void aFiguresChangeIsTheDifferenceAndAbsentWhenEitherYearHasNoValue() {
        AnnualReport.Figure up = AnnualReport.Figure.of(Metric.MEDIATION_SUCCESS_RATE, new BigDecimal("98.2"), new BigDecimal("96.5"));
        assertEquals(new BigDecimal("1.7"), up.change());
        assertEquals("mediation.success_rate", up.key());
        assertEquals("%", up.unit());
        assertNull(AnnualReport.Figure.of(Metric.MEDIATION_SUCCESS_RATE, null, new BigDecimal("96.5")).change());
        assertNull(AnnualReport.Figure.of(Metric.MEDIATION_SUCCESS_RATE, new BigDecimal("98.2"), null).change());
    }

    @Test
    void theReportListsEveryCatalogueFigureInCatalogueOrder() {
        Map<Metric, BigDecimal> current = quietYear();
        current.put(Metric.LEGAL_AID_CASES, BigDecimal.TEN);
        Map<Metric, BigDecimal> previous = quietYear();
        previous.put(Metric.LEGAL_AID_CASES, BigDecimal.ONE);
        AnnualReport r = AnnualReport.of(null, 2025, Instant.EPOCH, current, previous);
        assertEquals(Stream.of(Metric.values()).map(Metric::key).toList(), r.figures().stream().map(AnnualReport.Figure::key).toList());
        assertEquals(BigDecimal.valueOf(9), r.figures().get(0).change());
        assertEquals(2025, r.year());
        assertEquals(1, r.paragraphs().size());
    }

    @Test
    void aClosedYearShowsItsSnapshotWithTheLiveValueBesideItAndTheSentencesOfTheSnapshot() {
        Map<Metric, BigDecimal> live = quietYear();
        live.put(Metric.MEDIATION_SCREENINGS, BigDecimal.valueOf(3));
        live.put(Metric.LEGAL_AID_CASES, BigDecimal.valueOf(7));
        Map<Metric, BigDecimal> snapshot = new java.util.EnumMap<>(Metric.class);
        snapshot.put(Metric.MEDIATION_SCREENINGS, BigDecimal.valueOf(2));
        snapshot.put(Metric.MEDIATION_SUCCESS_RATE, null);
        org.publiclegal.reporting.closing.ClosedFigures.Closure closure = new org.publiclegal.reporting.closing.ClosedFigures.Closure(
                java.util.UUID.randomUUID(), "610110000000", java.time.LocalDate.of(2025, 1, 1),
                java.time.LocalDate.of(2025, 12, 31), Instant.EPOCH, java.util.UUID.randomUUID());
        org.publiclegal.reporting.closing.ClosedFigures.Closed closed =
                new org.publiclegal.reporting.closing.ClosedFigures.Closed(closure, snapshot, List.of(), 4, Map.of());

        Map<Metric, BigDecimal> shown = AnnualReport.shown(live, closed);
        assertEquals(BigDecimal.valueOf(2), shown.get(Metric.MEDIATION_SCREENINGS));
        assertNull(shown.get(Metric.MEDIATION_SUCCESS_RATE), "a snapshot's empty value stays empty");
        assertEquals(BigDecimal.valueOf(7), shown.get(Metric.LEGAL_AID_CASES), "a figure the snapshot lacks is live");
        assertEquals(live, AnnualReport.shown(live, null));

        AnnualReport r = AnnualReport.of(null, 2025, Instant.EPOCH, live, quietYear(), closed);
        AnnualReport.Figure screenings = r.figures().stream()
                .filter(f -> f.key().equals(Metric.MEDIATION_SCREENINGS.key())).findFirst().orElseThrow();
        assertEquals(BigDecimal.valueOf(2), screenings.value());
        assertEquals(BigDecimal.valueOf(3), screenings.currentValue());
        assertEquals(BigDecimal.valueOf(2), screenings.change());
        assertTrue(r.closed());
        assertEquals(closure, r.closure());
        assertTrue(r.hasAdjustments());
        assertEquals(4, r.adjustmentCount());
        assertTrue(String.join("", r.paragraphs()).contains("开展矛盾纠纷排查2次"), r.paragraphs().toString());

        AnnualReport open = AnnualReport.of(null, 2025, Instant.EPOCH, live, quietYear());
        assertEquals(false, open.closed());
        assertNull(open.closure());
        assertEquals(false, open.hasAdjustments());
        assertEquals(0, open.adjustmentCount());
        assertEquals(List.of(), open.adjustments());
    }

    @Test
    void theExactValueShownIsTheSnapshotsWhereClosedNoneForAnOldSnapshotAndTheLiveOneOtherwise() {
        Map<Metric, Exact> live = new EnumMap<>(Metric.class);
        live.put(Metric.MEDIATION_SCREENINGS, Exact.count(Metric.MEDIATION_SCREENINGS, 3));
        live.put(Metric.LEGAL_AID_LOSSES_RECOVERED, Exact.amountFen(1_983_506));
        live.put(Metric.LEGAL_AID_CASES, Exact.count(Metric.LEGAL_AID_CASES, 7));
        Map<Metric, BigDecimal> snapshot = new EnumMap<>(Metric.class);
        snapshot.put(Metric.MEDIATION_SCREENINGS, BigDecimal.valueOf(2));
        snapshot.put(Metric.LEGAL_AID_LOSSES_RECOVERED, new BigDecimal("1.9"));
        Map<Metric, Exact> exactSnapshot = Map.of(Metric.MEDIATION_SCREENINGS, Exact.count(Metric.MEDIATION_SCREENINGS, 2));
        var closure = new org.publiclegal.reporting.closing.ClosedFigures.Closure(java.util.UUID.randomUUID(),
                "610110000000", java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 12, 31), Instant.EPOCH,
                java.util.UUID.randomUUID());
        var closed = new org.publiclegal.reporting.closing.ClosedFigures.Closed(closure, snapshot, List.of(), 0, exactSnapshot);

        Map<Metric, Exact> shown = AnnualReport.shownExact(live, closed);
        assertEquals(2, shown.get(Metric.MEDIATION_SCREENINGS).value(), "the snapshot's exact value");
        assertNull(shown.get(Metric.LEGAL_AID_LOSSES_RECOVERED), "snapshot without exact values: none, never the live one");
        assertEquals(7, shown.get(Metric.LEGAL_AID_CASES).value(), "a figure the snapshot lacks is live");
        assertEquals(live, AnnualReport.shownExact(live, null));

        AnnualReport open = AnnualReport.ofExact(null, 2025, Instant.EPOCH, live, quietYear(), null);
        AnnualReport.Figure amount = open.figures().stream()
                .filter(f -> f.key().equals(Metric.LEGAL_AID_LOSSES_RECOVERED.key())).findFirst().orElseThrow();
        assertEquals(new BigDecimal("1.9835"), amount.value());
        assertEquals("1.9835", amount.printed());
        assertEquals(Exact.amountFen(1_983_506), amount.exact());
    }
}
