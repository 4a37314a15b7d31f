package org.publiclegal.legalaid;

import java.util.EnumSet;
import java.util.Set;

/** Which kinds of material an application needs before it can be submitted. */
final class RequiredMaterials {

    private RequiredMaterials() {
    }

    static Set<MaterialCategory> of(LegalAidApplication a) {
        Set<MaterialCategory> needed = EnumSet.of(MaterialCategory.IDENTITY, MaterialCategory.CASE_MATERIALS);
        boolean meansTestWaived = !a.situations.isEmpty() || !a.notifiedGrounds.isEmpty();
        if (a.exemption != null) {
            needed.add(MaterialCategory.EXEMPTION_PROOF);
        } else if (!meansTestWaived) {
            needed.add(MaterialCategory.FINANCIAL_STATUS);
        }
        return needed;
    }

    static String label(MaterialCategory c) {
        return switch (c) {
            case IDENTITY -> "身份证明";
            case FINANCIAL_STATUS -> "经济状况说明（或个人诚信承诺书）";
            case EXEMPTION_PROOF -> "免予核查经济状况的证明（如低保证、特困证明、残疾证）";
            case CASE_MATERIALS -> "与案件有关的材料";
            case AUTHORIZATION -> "代理或监护关系证明";
            case OTHER -> "其他材料";
        };
    }
}
