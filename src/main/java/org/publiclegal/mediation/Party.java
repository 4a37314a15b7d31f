package org.publiclegal.mediation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * 当事人. Name, phone, ID number and address are sealed. The invitation code (only its SHA-256 is kept) lets the person sign in
 * through WeChat, link their account and consent or refuse.
 */
@Entity
@Table(name = "med_party")
public class Party {

    public enum Role { APPLICANT, RESPONDENT }

    public enum Kind { PERSON, ORGANISATION }

    public enum Consent { PENDING, CONSENTED, REFUSED }

    public enum Sex { MALE, FEMALE }

    @Id
    public UUID id;
    public UUID disputeId;
    @Enumerated(EnumType.STRING)
    public Role role;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String nameCipher;
    public String phoneCipher;
    public UUID accountId;
    public byte[] invitationHash;
    public Instant invitationExpiresAt;
    @Enumerated(EnumType.STRING)
    public Consent consent;
    public Instant consentAt;
    public String refusalReason;
    public Instant agreementConfirmedAt;
    public int position;
    /** Entered by the mediator for a party without the app. */
    @Enumerated(EnumType.STRING)
    public Sex sex;
    public Integer age;
    /** 身份证号, optional, sealed. */
    public String idNumberCipher;
    public String addressCipher;
    /** The mediator who recorded this party's consent or refusal (given in person or by phone). */
    public UUID consentRecordedBy;

    /** 申请人, or 被申请人 with their number (1, 2, …), as steps and reasons name the party. */
    public String label() {
        return role == Role.APPLICANT ? "申请人" : "被申请人" + position;
    }
}
