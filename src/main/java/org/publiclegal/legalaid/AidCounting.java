package org.publiclegal.legalaid;

/**
 * 统计口径 of an assigned legal-aid matter (the ministry's counting rules, issue 12): only the service forms that
 * are cases count in <b>受理法律援助案件</b>. A matter assigned with the service form 值班律师法律帮助 counts under
 * <b>值班律师提供法律帮助</b> (人次), one with 法律咨询 under <b>法律援助咨询</b> (人次); every other form is a case.
 */
public final class AidCounting {

    private AidCounting() {
    }

    /** The ledger kind an assignment of this service form is counted under. */
    public static String assignedKind(AidServiceType type) {
        return switch (type) {
            case DUTY_LAWYER_HELP -> LegalAidEvents.DUTY_LAWYER_HELP;
            case LEGAL_CONSULTATION -> LegalAidEvents.CONSULTATION;
            case DOCUMENT_DRAFTING, CRIMINAL_DEFENCE_OR_REPRESENTATION, CIVIL_ADMINISTRATIVE_REPRESENTATION,
                 LABOUR_MEDIATION_ARBITRATION, OTHER -> LegalAidEvents.ASSIGNED;
        };
    }

    /** Whether an assignment of this service form is a case (受理法律援助案件). */
    public static boolean isCase(AidServiceType type) {
        return LegalAidEvents.ASSIGNED.equals(assignedKind(type));
    }
}
