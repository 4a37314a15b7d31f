package org.publiclegal.legalaid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * Commands of the applicant's side of legal aid. The API maps its request records onto these, so the request
 * bodies can change without touching {@link ApplicationService}.
 */
public final class ApplicationCommands {

    private ApplicationCommands() {
    }

    /**
     * 法律援助申请 saved as a draft until submitted.
     *
     * @param regionCode where the matter belongs (Art. 38): routes it to the legal aid centre covering it
     * @param finances   household finances; not needed with an Art. 42 exemption or an Art. 32 situation
     */
    public record Draft(AidMatter matter, AidServiceType serviceType, String summary, String opposingParty,
                        BigDecimal amountInDispute, String regionCode, Set<Art32Situation> situations,
                        Set<NotifiedDefenceGround> notifiedGrounds, boolean retrialOrdered, boolean hasOwnLawyer,
                        ExemptionCategory exemption, Finances finances, LocalDate limitationEndsOn,
                        boolean urgentPreservation) {
    }
}
