package org.publiclegal.legalaid;

/**
 * The countable acts legal aid writes to the ledger (kind names), each in the same transaction as the state
 * change, with the case's region and the legal aid centre. What each counts (domain §7):
 * <ul>
 *   <li>{@link #RECEIVED} – an application received (受理审查) by a centre.</li>
 *   <li>{@link #GRANTED} – a decision to give legal aid (including one made by correcting a refusal).</li>
 *   <li>{@link #REFUSED} – a refusal; reversed (−1) when an objection corrects it.</li>
 *   <li>{@link #ASSIGNED} – a case granted <em>and</em> assigned to a provider: this is
 *       <b>受理法律援助案件 / 组织办理法律援助案件</b> (件). Refused and withdrawn applications never reach it;
 *       duty-lawyer help (值班律师法律帮助) is counted under its own service type, not separately here.</li>
 *   <li>{@link #CLOSED} – a case closed (结案); its amount is the <b>避免和挽回经济损失</b> in fen
 *       (the recovered/avoided amount from the closing report; the awarded amount is kept on the case).</li>
 *   <li>{@link #TERMINATED} – legal aid terminated under Art. 48; reversed when an objection corrects it.</li>
 *   <li>{@link #CONSULTATION} – 法律援助咨询, quantity = persons served (人次); also a matter with the service
 *       form 法律咨询 when it is assigned (1 人次, source {@link #SOURCE_APPLICATION}), instead of ASSIGNED.</li>
 * </ul>
 */
public final class LegalAidEvents {

    public static final String RECEIVED = "LEGAL_AID_APPLICATION_RECEIVED";
    public static final String GRANTED = "LEGAL_AID_GRANTED";
    public static final String REFUSED = "LEGAL_AID_REFUSED";
    public static final String ASSIGNED = "LEGAL_AID_CASE_ASSIGNED";
    public static final String CLOSED = "LEGAL_AID_CASE_CLOSED";
    public static final String TERMINATED = "LEGAL_AID_TERMINATED";
    public static final String CONSULTATION = "LEGAL_AID_CONSULTATION";
    public static final String DUTY_LAWYER_HELP = "LEGAL_AID_DUTY_LAWYER_HELP";

    public static final String SOURCE_APPLICATION = "aid_application";
    public static final String SOURCE_CONSULTATION = "aid_consultation";

    private LegalAidEvents() {
    }
}
