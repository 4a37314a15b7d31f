package org.publiclegal.legalaid;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 统计口径 of each legal-aid service form (issue 12): which figure an assignment counts in. */
class AidCountingTest {

    @ParameterizedTest(name = "{0} counts as {1}")
    @CsvSource({
            "DUTY_LAWYER_HELP, LEGAL_AID_DUTY_LAWYER_HELP, false",
            "LEGAL_CONSULTATION, LEGAL_AID_CONSULTATION, false",
            "DOCUMENT_DRAFTING, LEGAL_AID_CASE_ASSIGNED, true",
            "CRIMINAL_DEFENCE_OR_REPRESENTATION, LEGAL_AID_CASE_ASSIGNED, true",
            "CIVIL_ADMINISTRATIVE_REPRESENTATION, LEGAL_AID_CASE_ASSIGNED, true",
            "LABOUR_MEDIATION_ARBITRATION, LEGAL_AID_CASE_ASSIGNED, true",
            "OTHER, LEGAL_AID_CASE_ASSIGNED, true"})
    void dutyLawyerHelpAndConsultationAreNotCasesEveryOtherFormIs(AidServiceType type, String kind, boolean isCase) {
        assertEquals(kind, AidCounting.assignedKind(type));
        assertEquals(isCase, AidCounting.isCase(type));
    }

    @ParameterizedTest
    @EnumSource(AidServiceType.class)
    void everyServiceFormHasAFigure(AidServiceType type) {
        // a new service form must be placed explicitly (the switch has no default)
        assertEquals(true, AidCounting.assignedKind(type).startsWith("LEGAL_AID_"));
    }
}
