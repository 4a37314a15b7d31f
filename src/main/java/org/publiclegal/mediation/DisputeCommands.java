package org.publiclegal.mediation;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Commands for disputes that reach a committee through the app or from a court. The API maps its request records
 * onto these, so the request bodies can change without touching {@link DisputeService}.
 */
public final class DisputeCommands {

    private DisputeCommands() {
    }

    /** Another party of the dispute (对方当事人): a person or an organisation, with a phone to reach them. */
    public record OtherParty(Party.Kind kind, String name, String phone) {
    }

    /** 申请调解: a dispute submitted by a resident for 掌上调解. */
    public record Submit(DisputeType disputeType, String facts, String claims, BigDecimal amount,
                         List<OtherParty> otherParties, String villageCode, Dispute.Mode preferredMode) {
    }

    /** 诉前委派 / 委托调解: a case referred by a court, entered by a mediator of the committee. */
    public record CourtReferral(UUID courtId, String courtCaseNumber, Dispute.ReferralType referralType,
                                DisputeType disputeType, String facts, String claims, BigDecimal amount,
                                List<OtherParty> parties, String villageCode, Dispute.Mode preferredMode) {
    }
}
