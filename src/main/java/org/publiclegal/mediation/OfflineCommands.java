package org.publiclegal.mediation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commands for the cases mediators enter and conclude off the app (walk-ins, 主动调解, 移送, 口头协议, paper). */
public final class OfflineCommands {

    private OfflineCommands() {
    }

    /**
     * A party entered by the mediator: a person (name, sex, age, optional 身份证号, address, phone) or an
     * organisation; {@code consented} records consent given in person or by phone.
     */
    public record PartyEntry(Party.Kind kind, String name, Party.Sex sex, Integer age, String idNumber, String address,
                             String phone, boolean consented) {
    }

    /** 登记纠纷: the origin, the date received, the dispute and its parties (the first is the applicant). */
    public record Register(Dispute.Origin origin, Dispute.IntakeChannel intakeChannel, Dispute.Sender transferredByKind,
                           String transferredByName, LocalDate receivedOn, DisputeType disputeType, String facts,
                           String claims, BigDecimal amount, String villageCode, Dispute.Mode preferredMode,
                           List<PartyEntry> parties) {
    }

    /** 口头协议: what was agreed, which parties agreed, and the last performance date if any. */
    public record OralAgreement(String content, List<UUID> agreedPartyIds, LocalDate performanceDueOn) {
    }

    /** 协议条款 as signed: what is to be done, how, by when. */
    public record Term(String content, String performanceMethod, LocalDate deadline) {
    }

    /** A paper agreement: its texts as signed, and the scanned copy already uploaded as evidence. */
    public record PaperAgreement(String facts, String responsibilities, List<Term> terms, UUID scanEvidenceId) {

        /** The last performance deadline of the terms. */
        public LocalDate performanceDueOn() {
            return terms.stream().map(Term::deadline).max(LocalDate::compareTo).orElse(null);
        }
    }
}
