package org.publiclegal.advisory;

/**
 * The countable acts the village advisor module writes to the ledger, in the transaction of the change:
 * <ul>
 *   <li>{@link #VILLAGE_COVERED} – +1 on the day a village/community becomes covered by a contract in force,
 *       −1 on the day it stops (early termination or a contract running out at midnight). Its running total at a
 *       period's end is the number of villages covered: <b>村(社区)法律顾问签约率</b> = that ÷ villages.</li>
 *   <li>{@link #LEGAL_REVIEW} – one per 审查合同文书, 出具法律意见 or 审查村规民约和重大决策 record:
 *       <b>提供法律事项审查和建议</b> (条), dated when the service was given.</li>
 *   <li>{@link #LECTURE_HELD} – one per 法治讲座 record: <b>法治讲座</b> (场).</li>
 *   <li>{@link #PARTICIPATION} – a lecture's attendance as quantity: <b>普法参与人次</b>.</li>
 * </ul>
 * Region: the village; organisation: the advisor's firm (for coverage, the contract's advisor's firm). A voided
 * record is cancelled by negative twins dated like the original.
 */
public final class AdvisoryEvents {

    public static final String VILLAGE_COVERED = "ADVISORY_VILLAGE_COVERED";
    public static final String LEGAL_REVIEW = "ADVISORY_LEGAL_REVIEW";
    public static final String LECTURE_HELD = "EDUCATION_LECTURE_HELD";
    public static final String PARTICIPATION = "EDUCATION_PARTICIPATION";
    /** Source of coverage events: the contract whose start or end flipped the village. */
    public static final String SOURCE_CONTRACT = "adv_contract";
    public static final String SOURCE_SERVICE_RECORD = "adv_service_record";

    private AdvisoryEvents() {
    }
}
