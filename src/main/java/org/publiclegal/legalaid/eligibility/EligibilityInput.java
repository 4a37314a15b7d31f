package org.publiclegal.legalaid.eligibility;

import org.publiclegal.legalaid.AidMatter;
import org.publiclegal.legalaid.Art32Situation;
import org.publiclegal.legalaid.ExemptionCategory;
import org.publiclegal.legalaid.Finances;
import org.publiclegal.legalaid.NotifiedDefenceGround;

import java.time.LocalDate;
import java.util.Set;

/**
 * Everything the eligibility rules look at.
 *
 * @param regionCode     where the matter belongs (selects the provincial hardship standard)
 * @param onDate         the date whose standard applies (the application or check date)
 * @param hasOwnLawyer   the applicant has already engaged a lawyer
 * @param retrialOrdered for Art. 33: a retrial was ordered or a protest lodged
 * @param exemption      an Art. 42 category claimed, or null
 * @param finances       the household's finances, or null when not given
 */
public record EligibilityInput(AidMatter matter, Set<Art32Situation> situations,
                               Set<NotifiedDefenceGround> notifiedGrounds, boolean retrialOrdered,
                               boolean hasOwnLawyer, ExemptionCategory exemption, Finances finances,
                               String regionCode, LocalDate onDate) {
}
