package org.publiclegal.mediation.subsidy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** 分摊 of a shared case among its mediators, to the fen. */
class SubsidySplitTest {

    @Test
    void threeMediatorsAndAnAmountNotDivisibleByThreeGiveTheExtraFenToTheFirstAssigned() {
        assertEquals(List.of(3334L, 3333L, 3333L), SubsidySplit.shares(10_000, 3, null));
        assertEquals(List.of(3334L, 3334L, 3333L), SubsidySplit.shares(10_001, 3, null));
        assertEquals(List.of(3334L, 3334L, 3334L), SubsidySplit.shares(10_002, 3, null));
    }

    @Test
    void twoMediatorsAndAnOddFenAmount() {
        assertEquals(List.of(5001L, 5000L), SubsidySplit.shares(10_001, 2, null));
        assertEquals(List.of(5000L, 5000L), SubsidySplit.shares(10_000, 2, null));
    }

    @Test
    void oneMediatorGetsTheWholeAmountWhateverTheLeadShare() {
        assertEquals(List.of(10_001L), SubsidySplit.shares(10_001, 1, null));
        assertEquals(List.of(10_001L), SubsidySplit.shares(10_001, 1, 60));
    }

    @Test
    void aZeroAmountGivesEveryMediatorZero() {
        assertEquals(List.of(0L, 0L, 0L), SubsidySplit.shares(0, 3, null));
        assertEquals(List.of(0L, 0L), SubsidySplit.shares(0, 2, 60));
    }

    @Test
    void noMediatorGivesNoShares() {
        assertEquals(List.of(), SubsidySplit.shares(10_000, 0, null));
        assertEquals(List.of(), SubsidySplit.shares(10_000, -1, 50));
    }

    @Test
    void fewerFenThanMediatorsGoOneEachToTheFirstAssigned() {
        assertEquals(List.of(1L, 1L, 0L), SubsidySplit.shares(2, 3, null));
    }

    @Test
    void aLeadShareIsRoundedDownToTheFenAndTheRestSplitEquallyAmongTheOthers() {
        assertEquals(List.of(6000L, 4000L), SubsidySplit.shares(10_000, 2, 60));
        // 60 % of 100.01 is 60.006: the lead gets 60.00, the other two share 40.01
        assertEquals(List.of(6000L, 2001L, 2000L), SubsidySplit.shares(10_001, 3, 60));
        assertEquals(List.of(10_000L, 0L), SubsidySplit.shares(10_000, 2, 100));
        assertEquals(List.of(100L, 9900L), SubsidySplit.shares(10_000, 2, 1));
    }

    @Test
    void theSharesAlwaysAddUpToTheAmount() {
        for (long fen = 0; fen < 500; fen += 7) {
            for (int n = 1; n <= 7; n++) {
                for (Integer lead : new Integer[]{null, 1, 33, 50, 99, 100}) {
                    assertEquals(fen, SubsidySplit.shares(fen, n, lead).stream().mapToLong(Long::longValue).sum(),
                            fen + " fen, " + n + " mediators, lead " + lead);
                }
            }
        }
    }

    @Test
    void aNegativeAmountOrALeadShareOutsideOneToHundredIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SubsidySplit.shares(-1, 2, null));
        assertThrows(IllegalArgumentException.class, () -> SubsidySplit.shares(100, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> SubsidySplit.shares(100, 2, 101));
        assertEquals(List.of(0L, 0L), SubsidySplit.shares(0, 2, 1));
    }
}
