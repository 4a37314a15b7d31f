package org.publiclegal.onboarding;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of the advisor-contract and committee-membership rows; boundaries named. */
class RegisterRowRulesTest {

    private static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);
    private static final UUID COMMITTEE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    // --- contracts

    @Test
    void readsTheVillagesOfACellInOrderWithoutRepeats() {
        assertEquals(List.of("532932101001", "532932101002", "532932101003"),
                ContractRowRules.villages(" 532932101001、532932101002,532932101001；532932101003 "));
        assertEquals(List.of("532932101001"), ContractRowRules.villages("532932101001"));
        assertEquals(List.of(), ContractRowRules.villages(" 、 "));
    }

    @Test
    void aTermMayEndOnItsFirstDayButNotBefore() {
        assertNull(ContractRowRules.termError(JAN_1, JAN_1));
        assertEquals("合同截止日期不能早于开始日期", ContractRowRules.termError(JAN_1, JAN_1.minusDays(1)));
    }

    @Test
    void aTermIsShorterThanFiveYears() {
        assertNull(ContractRowRules.termError(JAN_1, JAN_1.plusYears(5).minusDays(1)));
        assertEquals("合同期限不能超过 5 年", ContractRowRules.termError(JAN_1, JAN_1.plusYears(5)));
    }

    @Test
    void aContractIsSignedAtTheLatestOnItsLastDay() {
        LocalDate ends = LocalDate.of(2025, 6, 30);
        assertNull(ContractRowRules.signedError(ends, ends));
        assertNull(ContractRowRules.signedError(JAN_1.minusDays(20), ends));
        assertEquals("签订日期不能晚于合同截止日期 2025-06-30", ContractRowRules.signedError(ends.plusDays(1), ends));
    }

    @Test
    void aContractSignedBeforeTheDayItsVillageIsWrittenThroughIsRefused() {
        LocalDate through = LocalDate.of(2025, 6, 25);
        assertNull(ContractRowRules.orderError(through, null), "nothing written yet");
        assertNull(ContractRowRules.orderError(LocalDate.of(2000, 1, 1), null), "nothing written yet, however early");
        assertNull(ContractRowRules.orderError(through, through), "the same day");
        assertNull(ContractRowRules.orderError(through.plusDays(1), through));
        String ledger = ContractRowRules.orderError(through.minusDays(1), through);
        assertEquals("该村（社区）的法律顾问覆盖情况已记录至 2025-06-25，签订日期更早的合同不能补录（已报送的数字不回溯改变）", ledger);
    }

    // --- memberships

    @Test
    void aMembershipEndsAfterItStarts() {
        assertEquals("退出日期须晚于加入日期 2025-01-01", MembershipSpans.spanError(JAN_1, JAN_1));
        assertNotNull(MembershipSpans.spanError(JAN_1, JAN_1.minusDays(1)));
        assertNull(MembershipSpans.spanError(JAN_1, JAN_1.plusDays(1)), "one day");
        assertNull(MembershipSpans.spanError(JAN_1, null), "still serving");
    }

    @Test
    void adjoiningSpansShareNoDay() {
        MembershipSpans.Span firstHalf = new MembershipSpans.Span(COMMITTEE, JAN_1, LocalDate.of(2025, 7, 1));
        assertNull(MembershipSpans.overlapping(List.of(firstHalf), LocalDate.of(2025, 7, 1), null));
        assertSame(firstHalf, MembershipSpans.overlapping(List.of(firstHalf), LocalDate.of(2025, 6, 30), null),
                "the last day of the first half");
        assertNull(MembershipSpans.overlapping(List.of(firstHalf), JAN_1.minusYears(1), JAN_1), "ends the day it begins");
        assertSame(firstHalf, MembershipSpans.overlapping(List.of(firstHalf), JAN_1.minusYears(1), JAN_1.plusDays(1)));
    }

    @Test
    void anOpenSpanOverlapsEverythingAfterItsStart() {
        MembershipSpans.Span open = new MembershipSpans.Span(COMMITTEE, JAN_1, null);
        assertSame(open, MembershipSpans.overlapping(List.of(open), LocalDate.of(2030, 1, 1), LocalDate.of(2030, 2, 1)));
        assertNull(MembershipSpans.overlapping(List.of(open), LocalDate.of(2024, 1, 1), JAN_1));
        assertNull(MembershipSpans.overlapping(List.of(new MembershipSpans.Span(COMMITTEE, JAN_1, JAN_1)), JAN_1, null),
                "an empty span shares no day");
    }

    @Test
    void aStillServingRowExtendsTheCommitteesLaterOpenMembershipBack() {
        MembershipSpans.Span setUp = new MembershipSpans.Span(COMMITTEE, LocalDate.of(2026, 12, 2), null);
        List<MembershipSpans.Span> spans = List.of(setUp);
        assertSame(setUp, MembershipSpans.extendable(spans, COMMITTEE, JAN_1, null));
        assertNull(MembershipSpans.extendable(spans, COMMITTEE, JAN_1, LocalDate.of(2025, 7, 1)), "a row with an end");
        assertNull(MembershipSpans.extendable(spans, OTHER, JAN_1, null), "another committee");
        assertNull(MembershipSpans.extendable(spans, COMMITTEE, LocalDate.of(2026, 12, 2), null), "the same start");
        assertNull(MembershipSpans.extendable(List.of(new MembershipSpans.Span(COMMITTEE, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 1))), COMMITTEE, JAN_1, null), "an ended membership");
    }

    @Test
    void anOverlapIsToldWithItsDays() {
        assertEquals("该调解员 2025-01-01 起至 2025-06-30已是调委会成员，与本行的期间重叠",
                MembershipSpans.overlapMessage(new MembershipSpans.Span(COMMITTEE, JAN_1, LocalDate.of(2025, 7, 1))));
        assertEquals("该调解员 2025-01-01 起已是调委会成员，与本行的期间重叠",
                MembershipSpans.overlapMessage(new MembershipSpans.Span(COMMITTEE, JAN_1, null)));
    }
}
