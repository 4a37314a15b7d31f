package org.publiclegal.mediation;

/**
 * The countable acts mediation writes to the ledger, in the transaction of the change, with the dispute's
 * region and committee (domain §7):
 * <ul>
 *   <li>{@link #RECEIVED} – a dispute submitted to a committee.</li>
 *   <li>{@link #ACCEPTED} – accepted (受理) by the committee.</li>
 *   <li>{@link #SUCCEEDED} – concluded with an effective agreement: <b>调解成功</b>.</li>
 *   <li>{@link #FAILED} – accepted and concluded without agreement.</li>
 *   <li>{@link #JC_APPLIED}, {@link #JC_CONFIRMED}, {@link #JC_REJECTED} – 司法确认 applied / granted / rejected.</li>
 *   <li>{@link #PERFORMED} – the follow-up found the agreement performed.</li>
 * </ul>
 * <b>调解矛盾纠纷</b> = SUCCEEDED + FAILED (accepted and concluded in the period), so
 * <b>调解成功率</b> = SUCCEEDED ÷ (SUCCEEDED + FAILED). Disputes not accepted, refused by a party or withdrawn
 * are in neither count.
 */
public final class MediationEvents {

    public static final String RECEIVED = "MEDIATION_DISPUTE_RECEIVED";
    public static final String ACCEPTED = "MEDIATION_DISPUTE_ACCEPTED";
    public static final String SUCCEEDED = "MEDIATION_SUCCEEDED";
    public static final String FAILED = "MEDIATION_FAILED";
    /** 司法确认: applied for (jointly by the parties) / granted / rejected by the court. */
    public static final String JC_APPLIED = "MEDIATION_JUDICIAL_CONFIRMATION_APPLIED";
    public static final String JC_CONFIRMED = "MEDIATION_JUDICIAL_CONFIRMATION_CONFIRMED";
    public static final String JC_REJECTED = "MEDIATION_JUDICIAL_CONFIRMATION_REJECTED";
    /** 回访 found the agreement performed (履行). */
    public static final String PERFORMED = "MEDIATION_AGREEMENT_PERFORMED";
    /**
     * 接受法院诉前委派调解 (a referral before filing, {@code DELEGATED}) received: <b>诉前委派调解</b>. The kind name
     * is the one used before the split (issue 12), when it counted both referral types.
     */
    public static final String COURT_REFERRAL_RECEIVED = "MEDIATION_COURT_REFERRAL_RECEIVED";
    /** 接受法院委托调解 (a referral after filing, {@code ENTRUSTED_*}) received: <b>委托调解</b>. */
    public static final String COURT_ENTRUSTMENT_RECEIVED = "MEDIATION_COURT_ENTRUSTMENT_RECEIVED";
    /** The result of a court referral (either type) returned to the court. */
    public static final String COURT_REFERRAL_RETURNED = "MEDIATION_COURT_REFERRAL_RETURNED";
    public static final String SOURCE = "med_dispute";

    /** The kind a court referral of this type is counted under: 诉前委派调解 before filing, 委托调解 after. */
    public static String referralKind(Dispute.ReferralType type) {
        return switch (type) {
            case DELEGATED -> COURT_REFERRAL_RECEIVED;
            case ENTRUSTED_ORDINARY, ENTRUSTED_SIMPLIFIED -> COURT_ENTRUSTMENT_RECEIVED;
        };
    }

    private MediationEvents() {
    }
}
