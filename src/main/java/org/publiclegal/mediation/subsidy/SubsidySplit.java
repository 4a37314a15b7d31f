package org.publiclegal.mediation.subsidy;

import java.util.ArrayList;
import java.util.List;

/**
 * 分摊: how a successful case's subsidy is divided among the mediators assigned to it, in fen, so that the
 * shares always add up to the case amount exactly.
 * <ul>
 *   <li><b>Equal</b> (the default, {@code leadSharePercent} absent): every mediator gets
 *       {@code amount / n} fen; the {@code amount % n} fen left over go one each to the first mediators in
 *       order of assignment (ties by id, as the statement lists them).</li>
 *   <li><b>Lead share</b> (主办调解员比例, the rule names a percentage): the first-assigned mediator gets that
 *       percentage of the amount, rounded down to the fen; the rest is divided equally among the others as
 *       above. A case with one mediator pays the whole amount to that mediator whatever the rule says.</li>
 * </ul>
 */
public final class SubsidySplit {

    private SubsidySplit() {
    }

    /**
     * The shares of {@code mediators} mediators (in assignment order) of {@code amountFen}; empty when there is
     * no mediator.
     */
    public static List<Long> shares(long amountFen, int mediators, Integer leadSharePercent) {
        if (amountFen < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amountFen);
        }
        if (leadSharePercent != null && (leadSharePercent < 1 || leadSharePercent > 100)) {
            throw new IllegalArgumentException("lead share must be 1..100 %: " + leadSharePercent);
        }
        if (mediators <= 0) {
            return List.of();
        }
        if (leadSharePercent == null || mediators == 1) {
            return equal(amountFen, mediators);
        }
        long lead = amountFen * leadSharePercent / 100;
        List<Long> shares = new ArrayList<>(mediators);
        shares.add(lead);
        shares.addAll(equal(amountFen - lead, mediators - 1));
        return List.copyOf(shares);
    }

    private static List<Long> equal(long amountFen, int mediators) {
        long base = amountFen / mediators;
        long extra = amountFen % mediators;
        List<Long> shares = new ArrayList<>(mediators);
        for (int i = 0; i < mediators; i++) {
            shares.add(i < extra ? base + 1 : base);
        }
        return List.copyOf(shares);
    }
}
