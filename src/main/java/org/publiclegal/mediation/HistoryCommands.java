package org.publiclegal.mediation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Commands for 历史案件: a case a committee concluded before it used this service, entered from its 人民调解案件台账
 * with the dates it happened on (received, concluded, 司法确认 applied for and ruled on).
 */
public final class HistoryCommands {

    private HistoryCommands() {
    }

    /** 调解结果 as a 台账 records it. */
    public enum Outcome {
        /** 调解成功: ended by an oral or written agreement. */
        SUCCEEDED,
        /** 调解不成 (including a party ending it, Art. 23: 终止调解). */
        FAILED,
        /** 撤回: the applicant withdrew; counted in neither 调解矛盾纠纷 nor 调解成功. */
        WITHDRAWN
    }

    /**
     * A party as the 台账 has it: a name (possibly already masked, e.g. 张*), and an ID number if the book has one
     * (full or masked); both are sealed like a party a mediator enters by hand. The applicants come first.
     */
    public record HistoricParty(Party.Role role, Party.Kind kind, String name, String idNumber) {
    }

    /**
     * 历史调解案件.
     *
     * @param origin            当事人申请 (来访/来电: {@code intakeChannel}), 主动调解, 移送 ({@code transferredByKind} and
     *                          name) or 法院委派/委托 ({@code referralType}, {@code courtId} and its case number)
     * @param committeeId       the committee that mediated it
     * @param mediatorIds       its mediators, if the book names them (registered mediators of the committee)
     * @param agreementForm     ORAL or PAPER, for a successful case only
     * @param judicialCourtId   the court of the 司法确认, when applied for
     * @param judicialRuling    the ruling, when ruled ({@code judicialRuledOn} with it)
     */
    public record ConcludedCase(Dispute.Origin origin, Dispute.IntakeChannel intakeChannel,
                                Dispute.Sender transferredByKind, String transferredByName,
                                Dispute.ReferralType referralType, UUID courtId, String courtCaseNumber,
                                LocalDate receivedOn,
                                DisputeType disputeType, String facts, String villageCode, UUID committeeId,
                                List<UUID> mediatorIds, List<HistoricParty> parties, Outcome outcome,
                                Agreement.Form agreementForm, LocalDate concludedOn, String failureReason,
                                UUID judicialCourtId, LocalDate judicialAppliedOn,
                                JudicialConfirmation.Ruling judicialRuling, LocalDate judicialRuledOn) {
    }
}
