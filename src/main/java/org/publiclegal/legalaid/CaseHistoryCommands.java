package org.publiclegal.legalaid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Commands for 历史案件: a legal-aid matter a centre handled before it used this service, entered from its
 * 法律援助案件台账 with the dates it happened on.
 */
public final class CaseHistoryCommands {

    private CaseHistoryCommands() {
    }

    /** 审查结果. */
    public enum Decision { GRANTED, REFUSED }

    /**
     * 历史法律援助案件: received, decided (given or refused), for a grant assigned to a provider (a law firm or the
     * centre, and its lawyer if registered) and possibly closed with the amount recovered or avoided (yuan).
     *
     * @param applicant the person aided as the book has them (name, possibly masked ID number), sealed
     */
    public record ConcludedCase(LocalDate receivedOn, String regionCode, NoticeRegistration.NotifiedPerson applicant,
                                AidMatter matter, AidServiceType serviceType, String summary, Decision decision,
                                LocalDate decidedOn, String decisionReason, UUID providerOrgId, UUID lawyerId,
                                LocalDate assignedOn, LocalDate closedOn, CaseOutcome outcome, BigDecimal recovered) {
    }
}
