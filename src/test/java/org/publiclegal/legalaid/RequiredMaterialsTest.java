package org.publiclegal.legalaid;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.publiclegal.legalaid.MaterialCategory.*;

/** The material categories an application needs before it can be submitted. */
class RequiredMaterialsTest {

    private static LegalAidApplication application(String situations, String grounds, ExemptionCategory exemption) {
        LegalAidApplication a = new LegalAidApplication();
        a.situations = situations;
        a.notifiedGrounds = grounds;
        a.exemption = exemption;
        return a;
    }

    @Test
    void anOrdinaryApplicationNeedsIdentityCaseMaterialsAndAFinancialStatement() {
        assertEquals(EnumSet.of(IDENTITY, CASE_MATERIALS, FINANCIAL_STATUS), RequiredMaterials.of(application("", "", null)));
    }

    @Test
    void anArt42ApplicantBringsProofOfTheGroupInsteadOfAFinancialStatement() {
        assertEquals(EnumSet.of(IDENTITY, CASE_MATERIALS, EXEMPTION_PROOF),
                RequiredMaterials.of(application("", "", ExemptionCategory.SOCIAL_ASSISTANCE_RECIPIENT)));
    }

    @Test
    void anArt32SituationOrANotifiedDefenceNeedsNoFinancialStatement() {
        assertEquals(EnumSet.of(IDENTITY, CASE_MATERIALS), RequiredMaterials.of(application("BRAVE_ACT", "", null)));
        assertEquals(EnumSet.of(IDENTITY, CASE_MATERIALS), RequiredMaterials.of(application("", "MINOR", null)));
    }

    @Test
    void everyCategoryHasItsOwnChineseLabel() {
        Set<String> labels = new HashSet<>();
        for (MaterialCategory c : MaterialCategory.values()) {
            String label = RequiredMaterials.label(c);
            assertFalse(label.isBlank(), c.name());
            labels.add(label);
        }
        assertEquals(MaterialCategory.values().length, labels.size());
        assertEquals("身份证明", RequiredMaterials.label(IDENTITY));
        assertEquals("与案件有关的材料", RequiredMaterials.label(CASE_MATERIALS));
    }
}
