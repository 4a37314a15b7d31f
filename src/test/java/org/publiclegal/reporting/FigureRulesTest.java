package org.publiclegal.reporting;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rounding rules and the report's sentences, on the figures of a real report (海西州 2021). */
class FigureRulesTest {

    @Test
    void ratesAreComputedFromTheCountsHalfUpToOneDecimal() {
        assertEquals(new BigDecimal("98.2"), MetricService.rate(6209, 6323), "not the 99% the report printed");
        assertEquals(new BigDecimal("66.7"), MetricService.rate(2, 3));
        assertEquals(new BigDecimal("0.1"), MetricService.rate(1, 1999), "0.05 rounds up");
        assertNull(MetricService.rate(0, 0), "nothing concluded: no rate, not 0%");
        assertEquals("100", MetricService.print(MetricService.rate(5, 5)));
    }

    @Test
    void aRateIsPrintedWithExactlyOneDecimalEverywhereAndACountOrAmountWithoutTrailingZeros() {
        assertEquals("100.0", MetricService.print(Metric.MEDIATION_SUCCESS_RATE, MetricService.rate(5, 5)));
        assertEquals("80.0", MetricService.print(Metric.ADVISORY_SIGNING_RATE, new BigDecimal("80")));
        assertEquals("98.2", MetricService.print(Metric.EDUCATION_VIDEO_COMPLETION_RATE, new BigDecimal("98.2")));
        assertEquals("0.1", MetricService.printRate(new BigDecimal("0.05")), "half up");
        assertEquals("-1.7", MetricService.printRate(new BigDecimal("-1.7")), "a change in percentage points");
        assertEquals("—", MetricService.print(Metric.MEDIATION_SUCCESS_RATE, null));
        assertEquals("1920.605", MetricService.print(Metric.LEGAL_AID_LOSSES_RECOVERED, MetricService.wanYuan(1_920_605_000L)));
        assertEquals("100", MetricService.print(Metric.LEGAL_AID_CASES, new BigDecimal("100")));
        assertTrue(MetricService.isRate(Metric.MEDIATION_SUCCESS_RATE));
        assertTrue(!MetricService.isRate(Metric.LEGAL_AID_CASES));
    }

    @Test
    void amountsAreWanYuanFromFenToAtMostFourDecimals() {
        assertEquals("1920.605", MetricService.print(MetricService.wanYuan(1_920_605_000L)));
        assertEquals("1.9835", MetricService.print(MetricService.wanYuan(1_983_506L)));
        assertEquals("0", MetricService.print(MetricService.wanYuan(0)));
        assertEquals("—", MetricService.print(null));
    }

    @Test
    void theSentencesReadLikeTheReports() {
        Map<Metric, BigDecimal> v = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            v.put(m, BigDecimal.ZERO);
        }
        v.put(Metric.LEGAL_AID_CASES, BigDecimal.valueOf(1115));
        v.put(Metric.LEGAL_AID_CONSULTATIONS, BigDecimal.valueOf(6084));
        v.put(Metric.LEGAL_AID_LOSSES_RECOVERED, MetricService.wanYuan(1_920_605_000L));
        v.put(Metric.MEDIATION_SCREENINGS, BigDecimal.valueOf(21957));
        v.put(Metric.MEDIATION_CONCLUDED, BigDecimal.valueOf(6323));
        v.put(Metric.MEDIATION_SUCCEEDED, BigDecimal.valueOf(6209));
        v.put(Metric.MEDIATION_SUCCESS_RATE, MetricService.rate(6209, 6323));
        v.put(Metric.ADVISORY_SIGNING_RATE, MetricService.rate(63, 63));
        v.put(Metric.EDUCATION_VIDEOS, BigDecimal.valueOf(19));
        List<String> p = AnnualReport.paragraphs(v);
        assertEquals("全年共受理法律援助案件1115件,法律援助咨询6084人次,避免和挽回经济损失1920.605万元。", p.get(0));
        assertEquals("全年共开展矛盾纠纷排查21957次,调解矛盾纠纷6323件,调解成功6209件,调解成功率为98.2%。", p.get(1));
        // issue 12: a rate is printed with its one decimal everywhere (the sentence said 100%, the card 100.0%)
        assertTrue(p.contains("村(社区)法律顾问签约率达到100.0%。"), p.toString());
        assertTrue(p.contains("全年共开展法治讲座0场,合计参与0人次,拍摄普法宣传短视频19期。"), p.toString());
        assertTrue(p.stream().noneMatch(s -> s.contains("诉前委派")), "all zero: not printed");
        assertTrue(p.stream().noneMatch(s -> s.contains("普法视频播放")), "no plays: not printed");
        v.put(Metric.EDUCATION_VIDEO_PLAYS, BigDecimal.valueOf(3650));
        v.put(Metric.EDUCATION_VIDEO_VIEWERS, BigDecimal.valueOf(598));
        v.put(Metric.EDUCATION_VIDEO_COMPLETION_RATE, MetricService.rate(1661, 3650));
        assertTrue(AnnualReport.paragraphs(v).contains("全年普法视频播放3650人次,观看598人,完播率45.5%。"),
                AnnualReport.paragraphs(v).toString());
    }

    @Test
    void everyMetricHasAStableKeyALabelAUnitAndADefinition() {
        List<String> units = List.of("件", "人次", "次", "万元", "%", "期", "场", "个", "名", "条", "人");
        for (Metric m : Metric.values()) {
            assertTrue(m.key().matches("[a-z_]+\\.[a-z_]+"), m.key());
            assertTrue(units.contains(m.unit()), m.key() + " " + m.unit());
            assertTrue(m.definition().length() > 10, m.key());
            assertEquals(m.type() == Metric.Type.ORGANISATIONS || m.type() == Metric.Type.STAFF
                    || m.type() == Metric.Type.DEVICES || m.type() == Metric.Type.VILLAGES, m.kinds().isEmpty(), m.key());
        }
    }
}
