package org.publiclegal.mediation;

/**
 * The countable acts mediation writes to the ledger, in the transaction of the change, with the dispute's
 * region and committee (domain §7):
 * <ul>
 *   <li>{@link #RECEIVED} – a dispute submitted to a committee.</li>
 *   <li>{@link #ACCEPTED} – accepted (受理) by the committee.</li>
 *   <li>{@link #SUCCEEDED} – concluded with an effective agreement: <b>调解成功</b>.</li>
 *   <li>{@link #FAILED} – accepted and concluded without agreement.</li>
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
    public static final String SOURCE = "med_dispute";

    private MediationEvents() {
    }
}
