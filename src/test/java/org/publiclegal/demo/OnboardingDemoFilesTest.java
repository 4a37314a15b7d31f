package org.publiclegal.demo;

import org.junit.jupiter.api.Test;
import org.publiclegal.onboarding.HistoryRules;
import org.publiclegal.onboarding.ImportKind;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's import files: in their templates' layout, and the figures the README gives for them. */
class OnboardingDemoFilesTest {

    private static final int YEAR = 2025;

    private static void inTemplateLayout(ImportKind kind, List<List<String>> rows) {
        for (List<String> row : rows) {
            assertEquals(kind.columns().size(), row.size(), () -> kind + " " + row);
        }
    }

    @Test
    void everyFileHasTheColumnsOfItsTemplate() {
        inTemplateLayout(ImportKind.STAFF, OnboardingDemo.mediators());
        inTemplateLayout(ImportKind.MEMBERSHIPS, OnboardingDemo.memberships(YEAR));
        inTemplateLayout(ImportKind.MEDIATION_CASES, OnboardingDemo.mediationCases(YEAR));
        inTemplateLayout(ImportKind.AID_CASES, OnboardingDemo.aidCases(YEAR));
    }

    @Test
    void twelveMediationCasesOfMayTenOfThemAgreements() {
        List<List<String>> cases = OnboardingDemo.mediationCases(YEAR);
        assertEquals(12, cases.size());
        assertTrue(cases.stream().allMatch(c -> c.get(0).startsWith(YEAR + "-05-") && c.get(16).startsWith(YEAR + "-05-")
                && c.get(0).compareTo(c.get(16)) <= 0));
        assertEquals(10, cases.stream().filter(c -> c.get(14).equals("调解成功")).count());
        assertTrue(cases.stream().allMatch(c -> c.get(1).startsWith("532932100")), "all at 云鹤镇");
    }

    @Test
    void fourAidCasesClosedLastYearRecoveringTheREADMEsAmount() {
        List<List<String>> cases = OnboardingDemo.aidCases(YEAR);
        assertEquals(4, cases.size());
        assertTrue(cases.stream().allMatch(c -> c.get(12).startsWith(String.valueOf(YEAR))));
        BigDecimal recovered = cases.stream().map(c -> c.get(14)).filter(s -> !s.isEmpty()).map(HistoryRules::yuan)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("64800.50"), recovered);
    }

    @Test
    void theMembershipsAreOfTheImportedMediators() {
        List<String> usernames = OnboardingDemo.mediators().stream().map(r -> r.get(0)).toList();
        assertTrue(OnboardingDemo.memberships(YEAR).stream().allMatch(r -> usernames.contains(r.get(0))));
    }
}
