package org.publiclegal.reporting;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The exact value beside the printed one (issue 12) and the printed figure computed from it. */
class ExactTest {

    @Test
    void anAmountIsKeptInFenAndPrintedIn万元RoundedHalfUpToTheYuan() {
        assertEquals(new BigDecimal("1.8601"), Exact.amountFen(1_860_050).figure(Metric.LEGAL_AID_LOSSES_RECOVERED),
                "1860050 fen = 1.860050 万元: exactly half a yuan rounds up");
        assertEquals(new BigDecimal("1.86"), Exact.amountFen(1_860_049).figure(Metric.LEGAL_AID_LOSSES_RECOVERED),
                "49 fen below the half rounds down");
        assertEquals("1860050分", Exact.amountFen(1_860_050).text());
    }

    @Test
    void townshipsPrinted万元NeedNotAddUpButTheirFenAddUpToTheCountyExactly() {
        Exact a = Exact.amountFen(1_860_050);
        Exact b = Exact.amountFen(123_456);
        Exact county = Exact.amountFen(a.value() + b.value());
        Metric m = Metric.LEGAL_AID_LOSSES_RECOVERED;
        assertEquals(new BigDecimal("1.9836"), a.figure(m).add(b.figure(m)), "1.8601 + 0.1235");
        assertEquals(new BigDecimal("1.9835"), county.figure(m), "1983506 fen");
    }

    @Test
    void aRateKeepsNumeratorAndDenominatorAndHasNoValueWhenTheDenominatorIsZero() {
        assertEquals(new BigDecimal("66.7"), Exact.rate(2, 3).figure(Metric.MEDIATION_SUCCESS_RATE));
        assertEquals("2/3", Exact.rate(2, 3).text());
        assertNull(Exact.rate(0, 0).figure(Metric.MEDIATION_SUCCESS_RATE));
        assertEquals(new BigDecimal("100.0"), Exact.rate(5, 5).figure(Metric.ADVISORY_SIGNING_RATE));
    }

    @Test
    void aCountIsItsOwnExactValueInItsUnit() {
        Exact e = Exact.count(Metric.LEGAL_AID_DUTY_LAWYER_HELP, 7);
        assertEquals(BigDecimal.valueOf(7), e.figure(Metric.LEGAL_AID_DUTY_LAWYER_HELP));
        assertEquals("人次", e.unit());
        assertEquals("7人次", e.text());
        assertEquals(BigDecimal.valueOf(4), Exact.count(Metric.MEDIATION_MEDIATORS, 4).figure(Metric.MEDIATION_MEDIATORS));
        assertEquals(BigDecimal.valueOf(4), Exact.count(Metric.MEDIATION_COMMITTEES, 4).figure(Metric.MEDIATION_COMMITTEES));
        assertEquals(BigDecimal.valueOf(4), Exact.count(Metric.EDUCATION_VIDEO_VIEWERS, 4).figure(Metric.EDUCATION_VIDEO_VIEWERS));
    }

    @Test
    void aRatioAndCoverageAreRatesOfTheirExactParts() {
        assertEquals(new BigDecimal("90.0"), Exact.rate(9, 10).figure(Metric.EDUCATION_VIDEO_COMPLETION_RATE));
        assertEquals(new BigDecimal("33.3"), Exact.rate(1, 3).figure(Metric.ADVISORY_SIGNING_RATE));
        assertNull(new Exact(1, null, null).figure(Metric.ADVISORY_SIGNING_RATE), "no denominator: no rate");
    }
}
